package org.openpayer.bulkexport.auth.keys;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The rules of signing-key rotation, apart from storage so they can be checked alone. Among published keys, the one
 * signing is the latest whose start has come. A new key is due when the signer is older than the rotation period and
 * no successor waits. A key is retired once its successor has signed for longer than any token lives, so no live
 * token loses the key that verifies it.
 *
 * @param rotationPeriod how long a key signs before a successor is published
 * @param publishAhead   how long a successor is published before it signs
 * @param tokenValidity  the longest a token stays acceptable: its lifetime plus clock skew
 */
record RotationSchedule(Duration rotationPeriod, Duration publishAhead, Duration tokenValidity) {

    private static final Comparator<KeyPeriod> BY_START = Comparator.comparing(KeyPeriod::signsFrom);

    /** The key that signs at {@code now}; before any key's start, the earliest (so a fresh install can sign). */
    Optional<KeyPeriod> signerAt(List<KeyPeriod> published, Instant now) {
        return published.stream().filter(key -> !key.signsFrom().isAfter(now)).max(BY_START)
                .or(() -> published.stream().min(BY_START));
    }

    boolean rotationDue(List<KeyPeriod> published, Instant now) {
        boolean successorWaiting = published.stream().anyMatch(key -> key.signsFrom().isAfter(now));
        return !successorWaiting && signerAt(published, now)
                .map(signer -> !signer.signsFrom().plus(rotationPeriod).isAfter(now))
                .orElse(true);
    }

    /** Start of a successor published at {@code now}: immediately only when the operator says the old key is bad. */
    Instant successorStart(Instant now, boolean immediate) {
        return immediate ? now : now.plus(publishAhead);
    }

    List<KeyPeriod> retirable(List<KeyPeriod> published, Instant now) {
        List<KeyPeriod> byStart = published.stream().sorted(BY_START).toList();
        List<KeyPeriod> retirable = new ArrayList<>();
        for (int i = 0; i + 1 < byStart.size(); i++) {
            Instant supersededAt = byStart.get(i + 1).signsFrom();
            if (!supersededAt.plus(tokenValidity).isAfter(now)) {
                retirable.add(byStart.get(i));
            }
        }
        return retirable;
    }
}

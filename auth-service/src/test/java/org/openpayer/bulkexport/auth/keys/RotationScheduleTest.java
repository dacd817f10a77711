package org.openpayer.bulkexport.auth.keys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

class RotationScheduleTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final RotationSchedule SCHEDULE =
            new RotationSchedule(Duration.ofDays(30), Duration.ofMinutes(3), Duration.ofMinutes(6));

    private final KeyPeriod old = new KeyPeriod("old", T0);
    private final KeyPeriod next = new KeyPeriod("next", T0.plus(Duration.ofDays(30)));

    @Test
    void signerAt_beforeSuccessorStarts_isTheOldKey() {
        assertThat(SCHEDULE.signerAt(List.of(next, old), next.signsFrom().minusSeconds(1)))
                .contains(old);
    }

    @Test
    void signerAt_successorsStart_isTheSuccessor() {
        assertThat(SCHEDULE.signerAt(List.of(old, next), next.signsFrom())).contains(next);
    }

    @Test
    void signerAt_beforeAnyStart_isTheEarliestKey() {
        assertThat(SCHEDULE.signerAt(List.of(next), T0)).contains(next);
    }

    @Test
    void rotationDue_onlyOnceThePeriodHasPassed() {
        assertThat(SCHEDULE.rotationDue(List.of(old), T0.plus(Duration.ofDays(29)))).isFalse();
        assertThat(SCHEDULE.rotationDue(List.of(old), T0.plus(Duration.ofDays(30)))).isTrue();
    }

    @Test
    void rotationDue_notWhileASuccessorWaits() {
        assertThat(SCHEDULE.rotationDue(List.of(old, next), next.signsFrom().minusSeconds(1))).isFalse();
    }

    @Test
    void rotationDue_withoutKeys_isTrue() {
        assertThat(SCHEDULE.rotationDue(List.of(), T0)).isTrue();
    }

    @Test
    void successorStart_waitsThePublishAheadTimeUnlessImmediate() {
        assertThat(SCHEDULE.successorStart(T0, false)).isEqualTo(T0.plus(Duration.ofMinutes(3)));
        assertThat(SCHEDULE.successorStart(T0, true)).isEqualTo(T0);
    }

    @Test
    void retirable_onlyOnceTheSuccessorHasSignedLongerThanATokenLives() {
        Instant superseded = next.signsFrom();

        assertThat(SCHEDULE.retirable(List.of(old, next), superseded.plus(Duration.ofMinutes(5)))).isEmpty();
        assertThat(SCHEDULE.retirable(List.of(old, next), superseded.plus(Duration.ofMinutes(6))))
                .containsExactly(old);
    }

    @Test
    void retirable_neverTheSigner() {
        assertThat(SCHEDULE.retirable(List.of(old), T0.plus(Duration.ofDays(365)))).isEmpty();
    }
}

package org.openpayer.bulkexport.attribution.payerpull;

import org.openpayer.bulkexport.smartclient.ClientKey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one payer served by {@link StubPayer} answers, set by the test that owns it (defaults make a pull succeed), and
 * the requests the pull made to it.
 */
final class StubScenario {

    /** One request the pull made. */
    record Recorded(String method, String path, String authorization, String body) {
    }

    final String name;
    final String clientId;
    final ClientKey key;
    final String base;
    int tokenStatus = 200;
    int matchStatus = 200;
    /** {@code $member-match} answers nothing, ever (the server hangs). */
    boolean matchHangs;
    String remoteMemberId = "r-1";
    int kickOffStatus = 202;
    /** Status polls answered 202 before the manifest; {@code -1}: never done. */
    int pollsBeforeDone = 1;
    /** When not 0: status polls answer this status (with an OperationOutcome) instead. */
    int pollStatus;
    /** Types whose file downloads answer 500. */
    final Set<String> failingFiles = ConcurrentHashMap.newKeySet();
    final Map<String, List<String>> files = new LinkedHashMap<>();
    final List<String> deletedLines = new ArrayList<>();
    final List<Recorded> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger polls = new AtomicInteger();

    StubScenario(String name, String clientId, ClientKey key, String base) {
        this.name = name;
        this.clientId = clientId;
        this.key = key;
        this.base = base;
    }

    String fhirBase() {
        return base + "/fhir";
    }

    String tokenUrl() {
        return base + "/token";
    }

    /** Counts a status poll; returns its number, from 1. */
    int poll() {
        return polls.incrementAndGet();
    }

    StubScenario file(String type, String... lines) {
        files.computeIfAbsent(type, t -> new ArrayList<>()).addAll(Arrays.asList(lines));
        return this;
    }

    List<Recorded> requestsTo(String pathSuffix) {
        synchronized (requests) {
            return requests.stream().filter(request -> request.path().endsWith(pathSuffix)).toList();
        }
    }
}

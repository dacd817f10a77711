package org.openpayer.bulkexport.export.kickoff;

import org.openpayer.bulkexport.rest.FhirException;

import java.util.ArrayList;
import java.util.List;

/**
 * What a kick-off cannot honour. By default it is refused (the client resends without it); under
 * {@code Prefer: handling=lenient} it is ignored and kept, one diagnostic each, for the job's error file.
 */
final class IgnoredParameters {

    private final boolean lenient;
    private final List<String> diagnostics = new ArrayList<>();

    IgnoredParameters(boolean lenient) {
        this.lenient = lenient;
    }

    /** Throws the refusal, or under lenient handling records it and returns. */
    void refuseOrIgnore(FhirException refusal) {
        if (!lenient) {
            throw refusal;
        }
        diagnostics.add("Ignored under Prefer: handling=lenient: " + refusal.getMessage());
    }

    List<String> diagnostics() {
        return List.copyOf(diagnostics);
    }
}

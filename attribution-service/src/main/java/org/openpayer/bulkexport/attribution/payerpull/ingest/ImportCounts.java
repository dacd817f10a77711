package org.openpayer.bulkexport.attribution.payerpull.ingest;

import org.openpayer.bulkexport.attribution.payerpull.PullOutcome;

import java.util.HashMap;
import java.util.Map;

/** Counts what an import does, by resource type, for the Task's outputs. */
final class ImportCounts {

    private final Map<String, Integer> imported = new HashMap<>();
    private final Map<String, Integer> unchanged = new HashMap<>();
    private final Map<String, Integer> deleted = new HashMap<>();
    private final Map<String, Integer> skipped = new HashMap<>();

    void imported(String type) {
        imported.merge(type, 1, Integer::sum);
    }

    void unchanged(String type) {
        unchanged.merge(type, 1, Integer::sum);
    }

    void deleted(String type) {
        deleted.merge(type, 1, Integer::sum);
    }

    void skipped(String type, String reason) {
        skipped.merge(type + ": " + reason, 1, Integer::sum);
    }

    PullOutcome outcome(String provenanceId, int remoteErrorFiles) {
        return new PullOutcome(imported, unchanged, deleted, skipped, provenanceId, remoteErrorFiles);
    }
}

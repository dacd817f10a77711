package org.openpayer.bulkexport.attribution.payerpull;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a completed pull did to our store, by resource type: the Task's outputs.
 *
 * @param imported       resources created or changed
 * @param unchanged      resources the old payer sent again as they are stored, so nothing was written
 * @param deleted        resources an earlier pull stored that the old payer lists as deleted since
 * @param skipped        resources not imported, by the reason ({@code Type: why})
 * @param provenanceId   the Provenance written for the imported resources, or {@code null} when none were
 * @param remoteErrorFiles error files the old payer's manifest listed
 */
public record PullOutcome(Map<String, Integer> imported, Map<String, Integer> unchanged,
                          Map<String, Integer> deleted, Map<String, Integer> skipped, String provenanceId,
                          int remoteErrorFiles) {

    public PullOutcome {
        imported = new TreeMap<>(imported);
        unchanged = new TreeMap<>(unchanged);
        deleted = new TreeMap<>(deleted);
        skipped = new TreeMap<>(skipped);
    }
}

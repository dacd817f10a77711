package org.openpayer.bulkexport.attribution.payerpull.remote;

/**
 * Who the member is at the old payer.
 *
 * @param patientId        their Patient id there, which the export names
 * @param memberIdentifier their unique member identifier there ({@code system|value}, HRex UMB), when a match gave it
 */
public record RemoteMember(String patientId, String memberIdentifier) {
}

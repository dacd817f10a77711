package org.openpayer.bulkexport.attribution.payerpull.remote;

import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.openpayer.bulkexport.attribution.payerpull.PullRequest;
import org.openpayer.bulkexport.model.fhir.ExportParameter;
import org.openpayer.bulkexport.model.fhir.FhirMediaType;

/**
 * Which export the pull asks the old payer for, decided here only. Today: a Patient-level Bulk Data
 * {@code POST [base]/Patient/$export} with {@code patient} = the member, which any Bulk Data server offers; the old
 * payer must let our client read that member (this suite: a Group grant covering them). PDex's payer-to-payer
 * export ({@code POST [base]/Group/{matched}/$davinci-data-export} with
 * {@code exportType=hl7.fhir.us.davinci-pdex#payertopayer}) exports only a Group of matched members that
 * {@code $bulk-member-match} made for us; switching to it is a second factory method here (that Group's kick-off plus
 * {@code exportType}) once the pull matches with {@code $bulk-member-match} instead of {@code $member-match}.
 *
 * @param path       the kick-off path under the FHIR base
 * @param parameters the kick-off's Parameters body
 */
record RemoteExportRequest(String path, Parameters parameters) {

    /** The member's compartment, with the caller's Bulk parameters passed through unchanged. */
    static RemoteExportRequest forMember(String remotePatientId, PullRequest.BulkParameters bulk) {
        Parameters parameters = new Parameters();
        parameters.addParameter().setName(ExportParameter.OUTPUT_FORMAT.wireName())
                .setValue(new StringType(FhirMediaType.FHIR_NDJSON));
        parameters.addParameter().setName(ExportParameter.PATIENT.wireName())
                .setValue(new Reference("Patient/" + remotePatientId));
        if (bulk.type() != null) {
            parameters.addParameter().setName(ExportParameter.TYPE.wireName()).setValue(new StringType(bulk.type()));
        }
        if (bulk.since() != null) {
            parameters.addParameter().setName(ExportParameter.SINCE.wireName())
                    .setValue(new InstantType(bulk.since()));
        }
        for (String filter : bulk.typeFilters()) {
            parameters.addParameter().setName(ExportParameter.TYPE_FILTER.wireName()).setValue(new StringType(filter));
        }
        return new RemoteExportRequest("/Patient/$export", parameters);
    }
}

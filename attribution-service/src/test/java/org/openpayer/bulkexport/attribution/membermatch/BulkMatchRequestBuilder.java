package org.openpayer.bulkexport.attribution.membermatch;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;

/**
 * {@code $bulk-member-match} input: one MemberBundle per member, each with the parts of a {@code $member-match}
 * request built by {@link MemberMatchRequestBuilder}.
 */
final class BulkMatchRequestBuilder {

    private final Parameters parameters = new Parameters();

    private BulkMatchRequestBuilder() {
    }

    static BulkMatchRequestBuilder aBulkMatchRequest() {
        return new BulkMatchRequestBuilder();
    }

    /** A MemberBundle holding the parameters of this single-match request as its parts. */
    BulkMatchRequestBuilder withMember(MemberMatchRequestBuilder member) {
        ParametersParameterComponent bundle = parameters.addParameter().setName("MemberBundle");
        member.build().getParameter().forEach(parameter -> bundle.addPart(parameter.copy()));
        return this;
    }

    BulkMatchRequestBuilder with(ParametersParameterComponent parameter) {
        parameters.addParameter(parameter);
        return this;
    }

    Parameters build() {
        return parameters;
    }

    String json() {
        return FhirContext.forR4Cached().newJsonParser().encodeResourceToString(parameters);
    }
}

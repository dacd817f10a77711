package org.openpayer.bulkexport.attribution.membermatch;

import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.openpayer.bulkexport.attribution.write.RequiredElements;
import org.openpayer.bulkexport.model.fhir.IssueType;
import org.openpayer.bulkexport.model.fhir.hrex.MemberMatchParameter;
import org.openpayer.bulkexport.rest.FhirException;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the inputs of {@code $member-match} (or one MemberBundle of the bulk match) and refuses, with a 400 naming
 * the problem, what HRex's in-profile does not allow: unknown or repeated parameters, a parameter without its resource
 * or with the wrong type, a resource missing what R4 or the HRex profiles require, and beneficiary or patient
 * references that cannot be MemberPatient. CoverageToLink is required although HRex marks it 0..1, because HRex
 * obliges payer clients, the only callers here, to send it. A missing Consent is a 422 instead: HRex 1.1 made it
 * optional, and without one this payer cannot disclose anything (PDex requires it).
 */
@ApplicationScoped
public class MemberMatchInputReader {

    private final RequiredElements requiredElements;

    public MemberMatchInputReader(RequiredElements requiredElements) {
        this.requiredElements = requiredElements;
    }

    MemberMatchInput read(List<ParametersParameterComponent> parameters) {
        Map<MemberMatchParameter, Resource> given = new EnumMap<>(MemberMatchParameter.class);
        for (ParametersParameterComponent parameter : parameters) {
            MemberMatchParameter which = MemberMatchParameter.byName(parameter.getName()).orElseThrow(() ->
                    FhirException.badRequest("$member-match has no parameter '" + parameter.getName() + "'; it takes "
                            + "MemberPatient, CoverageToMatch, CoverageToLink and Consent."));
            if (given.containsKey(which)) {
                throw FhirException.badRequest("$member-match: " + which.parameterName() + " is given more than once.");
            }
            given.put(which, resource(which, parameter));
        }
        for (MemberMatchParameter required : List.of(MemberMatchParameter.MEMBER_PATIENT,
                MemberMatchParameter.COVERAGE_TO_MATCH, MemberMatchParameter.COVERAGE_TO_LINK)) {
            if (!given.containsKey(required)) {
                throw FhirException.badRequest("$member-match needs " + required.parameterName() + " (a "
                        + required.resourceType() + ").");
            }
        }
        if (!given.containsKey(MemberMatchParameter.CONSENT)) {
            throw FhirException.unprocessable(IssueType.BUSINESS_RULE, "$member-match without a Consent cannot be "
                    + "honoured: this payer discloses a member's data to another payer only with the member's "
                    + "Consent.");
        }
        MemberMatchInput input = new MemberMatchInput((Patient) given.get(MemberMatchParameter.MEMBER_PATIENT),
                (Coverage) given.get(MemberMatchParameter.COVERAGE_TO_MATCH),
                (Coverage) given.get(MemberMatchParameter.COVERAGE_TO_LINK),
                (Consent) given.get(MemberMatchParameter.CONSENT));
        // The card and demographics HRex requires: refused here, with the other 400s, before any Consent check.
        input.criteria();
        String memberPatientId = input.memberPatient().getIdElement().getIdPart();
        requireMemberPatient(input.coverageToMatch().getBeneficiary(), "CoverageToMatch.beneficiary", memberPatientId);
        requireMemberPatient(input.coverageToLink().getBeneficiary(), "CoverageToLink.beneficiary", memberPatientId);
        requireMemberPatient(input.consent().getPatient(), "Consent.patient", memberPatientId);
        return input;
    }

    private Resource resource(MemberMatchParameter which, ParametersParameterComponent parameter) {
        if (!parameter.hasResource() || parameter.hasValue() || parameter.hasPart()) {
            throw FhirException.badRequest("$member-match: " + which.parameterName() + " must carry a "
                    + which.resourceType() + " as its resource, and nothing else.");
        }
        Resource resource = parameter.getResource();
        if (!which.resourceType().equals(resource.fhirType())) {
            throw FhirException.badRequest("$member-match: " + which.parameterName() + " must be a "
                    + which.resourceType() + " resource, not " + resource.fhirType() + ".");
        }
        List<String> missing = requiredElements.missing(resource);
        if (!missing.isEmpty()) {
            throw FhirException.badRequest("$member-match: " + which.parameterName() + " lacks required elements: "
                    + String.join(", ", missing) + ".");
        }
        return resource;
    }

    /**
     * HRex: the reference SHALL be to MemberPatient. Its own examples use absolute URLs of the requester's server,
     * which are accepted when they name a Patient; a relative {@code Patient/{id}} must be MemberPatient's id.
     */
    private static void requireMemberPatient(Reference reference, String element, String memberPatientId) {
        if (!reference.hasReference()) {
            throw FhirException.badRequest(element + " must reference MemberPatient (Patient/{id}).");
        }
        IdType target = new IdType(reference.getReference());
        if (!"Patient".equals(target.getResourceType()) || !target.hasIdPart()) {
            throw FhirException.badRequest(element + " must reference MemberPatient, not '"
                    + reference.getReference() + "'.");
        }
        if (!target.hasBaseUrl() && memberPatientId != null && !memberPatientId.equals(target.getIdPart())) {
            throw FhirException.badRequest(element + " references Patient/" + target.getIdPart()
                    + ", which is not MemberPatient (Patient/" + memberPatientId + ").");
        }
    }
}

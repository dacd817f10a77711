package org.openpayer.bulkexport.attribution.payerpull.remote;

import ca.uhn.fhir.parser.DataFormatException;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.openpayer.bulkexport.attribution.load.FhirJson;
import org.openpayer.bulkexport.attribution.payerpull.PullFailure;
import org.openpayer.bulkexport.attribution.payerpull.PullRequest;
import org.openpayer.bulkexport.attribution.payerpull.PullStep;
import org.openpayer.bulkexport.model.fhir.hrex.HrexVocabulary;
import org.openpayer.bulkexport.model.fhir.hrex.MemberMatchParameter;

import java.util.Map;

/**
 * HRex {@code $member-match} as the requesting (new) payer: MemberPatient is our Patient record of the member, the
 * other three parameters come with the pull. Where the request leaves them out, the coverages' beneficiary and the
 * Consent's patient are set to MemberPatient, as HRex requires. A unique match answers the member's id there
 * ({@code MemberId}) and their identifier ({@code MemberIdentifier}); 422 is no match, several, or a Consent the old
 * payer cannot honour.
 */
@ApplicationScoped
public class RemoteMemberMatch {

    private final FhirJson fhir;

    public RemoteMemberMatch(FhirJson fhir) {
        this.fhir = fhir;
    }

    public RemoteMember match(RemoteSession session, String patientJson, PullRequest.MatchInputs inputs)
            throws InterruptedException {
        String url = session.payer().fhirBaseUrl() + "/Patient/$member-match";
        String what = "$member-match at " + url;
        RemoteResponse response = session.postFhir(PullStep.MEMBER_MATCH, what, url,
                fhir.compactWriter().encodeResourceToString(parameters(patientJson, inputs)), Map.of());
        if (response.status() == 422) {
            throw new PullFailure(PullStep.MEMBER_MATCH, "No unique member at the old payer: $member-match answered "
                    + "HTTP 422" + response.explanation() + " (Check the card in CoverageToMatch, the member's "
                    + "demographics and the Consent, then start a new pull.)");
        }
        if (response.status() != 200) {
            throw response.refusal(PullStep.MEMBER_MATCH, what);
        }
        return answer(session, response);
    }

    private Parameters parameters(String patientJson, PullRequest.MatchInputs inputs) {
        Patient patient = fhir.strictParser().parseResource(Patient.class, patientJson);
        patient.setMeta(null);
        patient.setText(null);
        Reference member = new Reference("Patient/" + patient.getIdElement().getIdPart());
        Coverage coverageToMatch = fhir.strictParser().parseResource(Coverage.class, inputs.coverageToMatch());
        Coverage coverageToLink = fhir.strictParser().parseResource(Coverage.class, inputs.coverageToLink());
        Consent consent = fhir.strictParser().parseResource(Consent.class, inputs.consent());
        for (Coverage coverage : new Coverage[] {coverageToMatch, coverageToLink}) {
            if (!coverage.hasBeneficiary()) {
                coverage.setBeneficiary(member.copy());
            }
        }
        if (!consent.hasPatient()) {
            consent.setPatient(member.copy());
        }
        Parameters parameters = new Parameters();
        parameters.getMeta().addProfile(HrexVocabulary.MEMBER_MATCH_IN);
        parameters.addParameter().setName(MemberMatchParameter.MEMBER_PATIENT.parameterName()).setResource(patient);
        parameters.addParameter().setName(MemberMatchParameter.COVERAGE_TO_MATCH.parameterName())
                .setResource(coverageToMatch);
        parameters.addParameter().setName(MemberMatchParameter.COVERAGE_TO_LINK.parameterName())
                .setResource(coverageToLink);
        parameters.addParameter().setName(MemberMatchParameter.CONSENT.parameterName()).setResource(consent);
        return parameters;
    }

    /** MemberId must name a Patient on the old payer's own server: that is where the export runs. */
    private RemoteMember answer(RemoteSession session, RemoteResponse response) {
        Parameters answer;
        try {
            answer = fhir.context().newJsonParser().parseResource(Parameters.class, response.body());
        } catch (DataFormatException e) {
            throw new PullFailure(PullStep.MEMBER_MATCH, "The old payer's $member-match answer is not a Parameters "
                    + "resource: " + e.getMessage());
        }
        Parameters.ParametersParameterComponent memberId = answer.getParameter(HrexVocabulary.MEMBER_ID);
        if (memberId == null || !(memberId.getValue() instanceof Reference reference) || !reference.hasReference()) {
            throw new PullFailure(PullStep.MEMBER_MATCH, "The old payer matched the member but answered no MemberId "
                    + "(HRex 1.0 servers do not), so the export cannot name them: start the pull with "
                    + "remoteMemberId, the member's Patient id there.");
        }
        IdType id = new IdType(reference.getReference());
        boolean onItsServer = !id.hasBaseUrl() || id.getBaseUrl().equals(session.payer().fhirBaseUrl());
        if (!"Patient".equals(id.getResourceType()) || !id.hasIdPart() || !onItsServer) {
            throw new PullFailure(PullStep.MEMBER_MATCH, "The old payer's MemberId " + reference.getReference()
                    + " is not a Patient on its server " + session.payer().fhirBaseUrl() + ".");
        }
        Parameters.ParametersParameterComponent identifier = answer.getParameter(HrexVocabulary.MEMBER_IDENTIFIER);
        String memberIdentifier = identifier != null && identifier.getValue() instanceof Identifier umb
                ? umb.getSystem() + "|" + umb.getValue() : null;
        return new RemoteMember(id.getIdPart(), memberIdentifier);
    }
}

package org.openpayer.bulkexport.attribution.membermatch;

import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.openpayer.bulkexport.attribution.load.FhirJson;
import org.openpayer.bulkexport.model.fhir.hrex.MemberMatchParameter;
import org.openpayer.bulkexport.model.fhir.hrex.PdexMemberMatchVocabulary;
import org.openpayer.bulkexport.rest.FhirException;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads PDex's {@code $bulk-member-match} input ({@code pdex-parameters-multi-member-match-bundle-in}): one
 * {@code MemberBundle} per member, each holding the parts HRex's {@code $member-match} takes. Everything that makes a
 * request malformed is refused here, before it is accepted, with a 400 naming the MemberBundle: what
 * {@link MemberMatchInputReader} refuses for a single match, a missing Consent (1..1 in PDex's profile) and a Consent
 * missing what hrex-consent requires. Whether a Consent can be honoured is decided only once its member matched: that
 * is what sorts a matched member into the consent-constrained Group.
 */
@ApplicationScoped
public class BulkMatchInputReader {

    private static final String MEMBER_BUNDLE = PdexMemberMatchVocabulary.MEMBER_BUNDLE;

    private final MemberMatchInputReader reader;
    private final FhirJson fhir;

    public BulkMatchInputReader(MemberMatchInputReader reader, FhirJson fhir) {
        this.reader = reader;
        this.fhir = fhir;
    }

    /**
     * @param maxMembers the most MemberBundles one request may carry
     * @return each MemberBundle's parts as a Parameters resource's JSON, in request order, as the job stores them
     */
    List<String> read(Parameters body, int maxMembers) {
        List<ParametersParameterComponent> bundles = body.getParameter();
        if (bundles.isEmpty()) {
            throw FhirException.badRequest("$bulk-member-match needs at least one " + MEMBER_BUNDLE + ".");
        }
        if (bundles.size() > maxMembers) {
            throw FhirException.badRequest("$bulk-member-match takes at most " + maxMembers + " " + MEMBER_BUNDLE
                    + "s per request; this one has " + bundles.size() + ". Send the others in further requests.");
        }
        List<String> members = new ArrayList<>(bundles.size());
        for (int i = 0; i < bundles.size(); i++) {
            members.add(memberBundle(i + 1, bundles.get(i)));
        }
        return members;
    }

    private String memberBundle(int number, ParametersParameterComponent bundle) {
        if (!MEMBER_BUNDLE.equals(bundle.getName())) {
            throw FhirException.badRequest("$bulk-member-match has no parameter '" + bundle.getName() + "'; it takes "
                    + MEMBER_BUNDLE + ", once per member.");
        }
        if (bundle.hasResource() || bundle.hasValue() || !bundle.hasPart()) {
            throw FhirException.badRequest(MEMBER_BUNDLE + " " + number + " must carry the member's parts "
                    + "(MemberPatient, CoverageToMatch, CoverageToLink, Consent), and nothing else.");
        }
        boolean hasConsent = bundle.getPart().stream()
                .anyMatch(part -> MemberMatchParameter.CONSENT.parameterName().equals(part.getName()));
        if (!hasConsent) {
            throw FhirException.badRequest(MEMBER_BUNDLE + " " + number + " needs a Consent (hrex-consent): PDex "
                    + "requires the member's Consent with every member.");
        }
        try {
            HrexConsentRules.requireWellFormed(reader.read(bundle.getPart()).consent());
        } catch (FhirException e) {
            throw new FhirException(e.status(), e.issueType(), MEMBER_BUNDLE + " " + number + ": " + e.getMessage());
        }
        Parameters parts = new Parameters();
        bundle.getPart().forEach(part -> parts.addParameter(part.copy()));
        return fhir.compactWriter().encodeResourceToString(parts);
    }
}

package org.openpayer.bulkexport.attribution.membermatch;

import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.openpayer.bulkexport.attribution.config.AttributionConfig;
import org.openpayer.bulkexport.attribution.load.FhirJson;
import org.openpayer.bulkexport.model.fhir.hrex.HrexVocabulary;

/**
 * Writes a unique match as HRex's out-profile ({@code hrex-parameters-member-match-out}, closed): MemberIdentifier,
 * typed UMB and assigned by this payer, and MemberId, the Patient's absolute URL; nothing else. (HAPI's built-in
 * provider also echoes the inputs, which the closed profile forbids.)
 */
@ApplicationScoped
public class MemberMatchFhirMapper {

    private final FhirJson fhir;
    private final String assignerSystem;
    private final String assignerValue;

    public MemberMatchFhirMapper(FhirJson fhir, AttributionConfig config) {
        this.fhir = fhir;
        String[] payer = config.payer().identifiers().get(0).split("\\|", 2);
        this.assignerSystem = payer[0];
        this.assignerValue = payer.length == 2 ? payer[1] : null;
    }

    String toFhir(MemberMatchService.MatchAnswer answer) {
        Parameters parameters = new Parameters();
        parameters.getMeta().addProfile(HrexVocabulary.MEMBER_MATCH_OUT);
        Identifier memberIdentifier = answer.memberIdentifier().copy();
        memberIdentifier.getAssigner().getIdentifier().setSystem(assignerSystem).setValue(assignerValue);
        parameters.addParameter().setName(HrexVocabulary.MEMBER_IDENTIFIER).setValue(memberIdentifier);
        parameters.addParameter().setName(HrexVocabulary.MEMBER_ID).setValue(new Reference(answer.patientUrl()));
        return fhir.compactWriter().encodeResourceToString(parameters);
    }
}

package org.openpayer.bulkexport.attribution.membermatch;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Consent.ConsentProvisionType;
import org.hl7.fhir.r4.model.Consent.ConsentState;
import org.hl7.fhir.r4.model.Consent.provisionActorComponent;
import org.hl7.fhir.r4.model.Consent.ProvisionComponent;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.openpayer.bulkexport.model.fhir.IssueType;
import org.openpayer.bulkexport.model.fhir.hrex.HrexConsentPolicy;
import org.openpayer.bulkexport.model.fhir.hrex.HrexVocabulary;
import org.openpayer.bulkexport.rest.FhirException;
import org.openpayer.bulkexport.rest.RequestingPayer;
import org.openpayer.bulkexport.search.DateRange;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Decides whether this payer can honour a member's Consent ({@code hrex-consent}) for the payer that asks. Two kinds
 * of refusal, kept apart on purpose: an element the profile requires is missing (400: the request is malformed), or
 * the Consent is well-formed but does not permit this disclosure now (422, which HRex asks for: inactive, a policy we
 * do not know, not a permit to disclose, outside its period, restricted in ways we cannot apply, not from this payer,
 * or not to the caller). Checked before matching, so a refusal says nothing about whether the person is a member.
 */
final class HrexConsentRules {

    private HrexConsentRules() {
    }

    /**
     * @param ours      this payer's identifiers ({@code system|value})
     * @param requester the payer the caller's token names
     * @param now       the instant the Consent must be in force at
     */
    static PayerConsent honour(Consent consent, Set<String> ours, RequestingPayer requester, Instant now) {
        ProvisionComponent provision = requireWellFormed(consent);
        HrexConsentPolicy policy = requireTerms(consent, provision);
        DateRange period = DateRange.between(provision.getPeriod().getStartElement(),
                provision.getPeriod().getEndElement());
        if (now.isBefore(period.low()) || !now.isBefore(period.high())) {
            throw refused("The Consent is not in force now: its provision.period is "
                    + provision.getPeriod().getStartElement().getValueAsString() + " to "
                    + provision.getPeriod().getEndElement().getValueAsString() + ".");
        }
        List<String> sources = actors(provision, HrexVocabulary.PROVENANCE_PARTICIPANT_TYPES, HrexVocabulary.PERFORMER);
        if (sources.stream().noneMatch(ours::contains)) {
            throw refused("The Consent does not name this payer as the source of the data (provision.actor with role "
                    + "performer, by identifier: " + String.join(", ", ours) + ").");
        }
        List<String> recipients = actors(provision, HrexVocabulary.PARTICIPATION_TYPES,
                HrexVocabulary.INFORMATION_RECIPIENT);
        if (recipients.stream().noneMatch(requester.identifiers()::contains)) {
            throw refused("The Consent does not name the requesting payer as its recipient (provision.actor with role "
                    + "IRCP, by one of the identifiers this client is registered with).");
        }
        return new PayerConsent(policy, period.low(), period.high(), sources, recipients);
    }

    /**
     * The elements hrex-consent requires beyond R4's (which the reader checked already); 400 when missing. The bulk
     * match checks this at kick-off, and whether the Consent can be honoured only once its member matched.
     */
    static ProvisionComponent requireWellFormed(Consent consent) {
        if (!consent.hasPerformer()) {
            throw FhirException.badRequest("Consent needs a performer (who gave the consent).");
        }
        if (!(consent.getSource() instanceof Reference source) || !source.hasReference()) {
            throw FhirException.badRequest("Consent needs a sourceReference to the original consent document.");
        }
        if (consent.getPolicy().size() != 1 || !consent.getPolicyFirstRep().hasUri()) {
            throw FhirException.badRequest("Consent needs exactly one policy with a uri: "
                    + HrexConsentPolicy.REGULAR.uri() + " or " + HrexConsentPolicy.SENSITIVE.uri() + ".");
        }
        ProvisionComponent provision = consent.getProvision();
        if (!consent.hasProvision() || !provision.hasType() || !provision.hasAction()) {
            throw FhirException.badRequest("Consent needs a provision with a type and an action.");
        }
        if (!provision.getPeriod().hasStart() || !provision.getPeriod().hasEnd()) {
            throw FhirException.badRequest("Consent.provision needs a period with both a start and an end.");
        }
        if (DateRange.of(provision.getPeriod().getEndElement()).high()
                .isBefore(DateRange.of(provision.getPeriod().getStartElement()).high())) {
            throw FhirException.badRequest("Consent.provision.period ends before it starts.");
        }
        if (actors(provision, HrexVocabulary.PROVENANCE_PARTICIPANT_TYPES, HrexVocabulary.PERFORMER).isEmpty()
                || actors(provision, HrexVocabulary.PARTICIPATION_TYPES, HrexVocabulary.INFORMATION_RECIPIENT)
                .isEmpty()) {
            throw FhirException.badRequest("Consent.provision needs a source actor (role performer) and a recipient "
                    + "actor (role IRCP), each identified by an identifier with a system and a value.");
        }
        return provision;
    }

    /** The fixed values and what the Consent permits; 422 when it does not permit this disclosure. */
    private static HrexConsentPolicy requireTerms(Consent consent, ProvisionComponent provision) {
        if (consent.getStatus() != ConsentState.ACTIVE) {
            throw refused("The Consent's status is " + consent.getStatus().toCode() + "; only an active Consent can "
                    + "be honoured.");
        }
        if (!has(consent.getScope(), HrexVocabulary.CONSENT_SCOPES, HrexVocabulary.PATIENT_PRIVACY)
                || consent.getCategory().stream().noneMatch(category -> has(category, HrexVocabulary.ACT_CODES,
                HrexVocabulary.INFORMATION_DISCLOSURE))) {
            throw refused("The Consent is not a privacy consent to disclose information (scope patient-privacy, "
                    + "category IDSCL).");
        }
        HrexConsentPolicy policy = HrexConsentPolicy.byUri(consent.getPolicyFirstRep().getUri()).orElseThrow(() ->
                refused("The Consent's policy " + consent.getPolicyFirstRep().getUri() + " is not one this payer "
                        + "honours: " + HrexConsentPolicy.REGULAR.uri() + " or " + HrexConsentPolicy.SENSITIVE.uri()
                        + "."));
        if (provision.getType() != ConsentProvisionType.PERMIT || provision.getAction().stream().noneMatch(action ->
                has(action, HrexVocabulary.CONSENT_ACTIONS, HrexVocabulary.DISCLOSE))) {
            throw refused("The Consent does not permit disclosure (provision.type permit, action disclose).");
        }
        if (provision.hasSecurityLabel() || provision.hasPurpose() || provision.hasClass_() || provision.hasCode()
                || provision.hasDataPeriod() || provision.hasData() || provision.hasProvision()) {
            throw refused("The Consent restricts the disclosure by security label, purpose, class, code, data, data "
                    + "period or nested provisions, which hrex-consent does not allow and this payer cannot apply.");
        }
        return policy;
    }

    /** {@code system|value} of each actor with this role that is identified by an identifier. */
    private static List<String> actors(ProvisionComponent provision, String roleSystem, String roleCode) {
        return provision.getActor().stream()
                .filter(actor -> has(actor.getRole(), roleSystem, roleCode))
                .map(provisionActorComponent::getReference)
                .filter(Reference::hasIdentifier)
                .map(Reference::getIdentifier)
                .filter(identifier -> identifier.hasSystem() && identifier.hasValue())
                .map(HrexConsentRules::token)
                .toList();
    }

    private static String token(Identifier identifier) {
        return identifier.getSystem() + "|" + identifier.getValue();
    }

    private static boolean has(CodeableConcept concept, String system, String code) {
        return concept.getCoding().stream()
                .anyMatch(coding -> system.equals(coding.getSystem()) && code.equals(coding.getCode()));
    }

    private static FhirException refused(String diagnostics) {
        return FhirException.unprocessable(IssueType.BUSINESS_RULE, diagnostics);
    }
}

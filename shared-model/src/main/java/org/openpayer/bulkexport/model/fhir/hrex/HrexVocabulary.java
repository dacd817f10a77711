package org.openpayer.bulkexport.model.fhir.hrex;

/**
 * Canonical URLs and fixed codes of HRex's {@code $member-match} (HRex 1.1.0 to 1.2.0, which do not differ here) and
 * of the {@code hrex-consent} profile.
 */
public final class HrexVocabulary {

    private static final String HREX = "http://hl7.org/fhir/us/davinci-hrex/";

    /** The OperationDefinition the CapabilityStatement names for {@code Patient/$member-match}. */
    public static final String MEMBER_MATCH = HREX + "OperationDefinition/member-match";
    public static final String MEMBER_MATCH_IN = HREX + "StructureDefinition/hrex-parameters-member-match-in";
    public static final String MEMBER_MATCH_OUT = HREX + "StructureDefinition/hrex-parameters-member-match-out";
    public static final String CONSENT_PROFILE = HREX + "StructureDefinition/hrex-consent";

    /** Output parameter: the member's unique identifier at this (the old) payer, typed {@link #UMB}. */
    public static final String MEMBER_IDENTIFIER = "MemberIdentifier";
    /** Output parameter: a RESTful reference to the matched Patient (HRex 1.1.0 and later). */
    public static final String MEMBER_ID = "MemberId";

    /** HRex's temporary code system, whose {@link #UMB} code types MemberIdentifier. */
    public static final String TEMPORARY_CODES = HREX + "CodeSystem/hrex-temp";
    public static final String UMB = "UMB";

    /** HL7 v2 table 0203 (identifier types): {@link #MEMBER_NUMBER} types the member id on a Coverage or Patient. */
    public static final String IDENTIFIER_TYPES = "http://terminology.hl7.org/CodeSystem/v2-0203";
    public static final String MEMBER_NUMBER = "MB";

    /** US Core's birth sex extension, which HRex accepts instead of Patient.gender. */
    public static final String BIRTH_SEX = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex";

    /** Consent.scope, fixed by hrex-consent. */
    public static final String CONSENT_SCOPES = "http://terminology.hl7.org/CodeSystem/consentscope";
    public static final String PATIENT_PRIVACY = "patient-privacy";
    /** Consent.category, fixed by hrex-consent: information disclosure. */
    public static final String ACT_CODES = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    public static final String INFORMATION_DISCLOSURE = "IDSCL";
    /** Consent.provision.action, fixed by hrex-consent. */
    public static final String CONSENT_ACTIONS = "http://terminology.hl7.org/CodeSystem/consentaction";
    public static final String DISCLOSE = "disclose";
    /** The role of provision.actor:source, the payer that holds the data (this server). */
    public static final String PROVENANCE_PARTICIPANT_TYPES =
            "http://terminology.hl7.org/CodeSystem/provenance-participant-type";
    public static final String PERFORMER = "performer";
    /** The role of provision.actor:recipient, the payer the data may go to (the requester). */
    public static final String PARTICIPATION_TYPES = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
    public static final String INFORMATION_RECIPIENT = "IRCP";

    private HrexVocabulary() {
    }
}

package org.openpayer.bulkexport.attribution.metadata;

/**
 * What the CapabilityStatement says of payer-to-payer exchange, both roles: as the old payer ($member-match,
 * $bulk-member-match, the #payertopayer export) and as the new one ($payer-pull and its Tasks). Kept apart from
 * {@link CapabilityStatementBuilder} because these texts are long and change with the exchange, not with the
 * statement's structure.
 */
final class PayerToPayerTexts {

    /** HRex $member-match as this payer answers it (docs/architecture.md has the reasons). */
    static final String MEMBER_MATCH = "HRex $member-match, this payer answering as the old payer: for other "
            + "payers' clients (registered with their payer identifiers) with read permission on Patient. Takes "
            + "MemberPatient, CoverageToMatch, CoverageToLink (required: HRex obliges payer clients to send it) and "
            + "Consent (required: PDex). The member id or subscriber id on the card (values; the system is not "
            + "compared) finds the candidates; birthDate, family name and first given name (ignoring case, accents and "
            + "punctuation) and gender when both state one must agree. Exactly one member: 200 with MemberIdentifier "
            + "(type UMB) and MemberId. No member, several members, or a Consent that cannot be honoured (not active, "
            + "a policy other than hrex-consent #regular or #sensitive, not a permit to disclose, outside its period, "
            + "restricted, not from this payer, or not to the caller): 422 with an OperationOutcome. The Consent and "
            + "CoverageToLink are stored with the member for the payer-to-payer export. Too many failed matches by one "
            + "client within a window: 429 with Retry-After.";

    /** The payer-to-payer pull, this payer as the new one (docs/architecture.md has the decisions). */
    static final String PAYER_PULL = "Payer-to-payer pull, this payer as the new one: pulls the member's data from a "
            + "payer registered by our operators (remotePayer) and imports it. Needs system/Task.c (payer systems "
            + "only). Takes remoteMemberId (the member's Patient id there: no $member-match), or CoverageToMatch, "
            + "CoverageToLink and Consent (HRex $member-match there, MemberPatient being this Patient), or neither "
            + "(the id an earlier match found); and _type, _since, _typeFilter, passed through to the export there "
            + "(Patient-level $export of the member). Answers 201 with a Task (requested); GET Task/{id} shows its "
            + "progress and outcome: completed with counts by type and a Provenance naming the old payer, or failed "
            + "with the step and reason. The import is all or nothing; ids are derived from the source, so pulling "
            + "again stores nothing twice and writes only what changed.";
    static final String TASK = "The Tasks of payer-to-payer pulls ($payer-pull), readable by the client that started "
            + "them (with read permission on Task).";

    /** PDex $bulk-member-match as this payer answers it (docs/architecture.md has the reasons). */
    static final String BULK_MEMBER_MATCH = "PDex $bulk-member-match (Group, type level), this payer answering as the "
            + "old payer: asynchronous (202 with Content-Location; the status URL answers 202 with X-Progress and "
            + "Retry-After, then 200). For the same clients as $member-match. Takes one MemberBundle per member (at "
            + "most a configured number per request), each with $member-match's parts, Consent required; a malformed "
            + "one is a 400 naming it. Each member is matched as $member-match matches: matched with a Consent this "
            + "payer can honour, matched with one it cannot (consent-constrained), or not matched (no member or "
            + "several; each counts against the client's failed-match limit, which holds the job back rather than "
            + "failing it). Result: PDex 2.1.0's Parameters with MatchedMembers (pdex-member-match-group, always "
            + "present) and NonMatchedMembers and ConsentConstrainedMembers (pdex-member-no-match-group, the submitted "
            + "Patients contained) when they have members. The matched Group is stored: read, searched and exported "
            + "(exportType #payertopayer only) by the requesting client alone, changed by no one.";
    /** The payer-to-payer export, as export-service applies it. */
    static final String PAYER_TO_PAYER = " #payertopayer exports a Group of matched members ($bulk-member-match), by "
            + "the client it belongs to only, and such a Group in no other way; each member's Consent decides: "
            + "#regular leaves out resources labelled sensitive in meta.security (v3 confidentiality R and V; ActCode "
            + "sensitivity and privacy-law codes for substance use, mental health, HIV and STDs, sexual and "
            + "reproductive health, violence, genetics and others), #sensitive sends all; claims and clinical data "
            + "only within five years (clinical date, else lastUpdated). A member whose Consent is no longer in force "
            + "(revoked, expired, or not naming the caller's payer) makes the kick-off a 422; one that lapses later "
            + "is left out and reported in the error file.";

    private PayerToPayerTexts() {
    }
}

package org.openpayer.bulkexport.attribution.optout;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A member's decision about provider access, read from a Consent: PDex's provider Consent
 * ({@code pdex-provider-consent}, or any active Consent under the {@code cric} policy) with {@code provision.type}
 * deny (opt out) or permit (opt back in). Other Consents decide nothing here.
 *
 * @param consentId the Consent holding the decision
 * @param optOut    true for deny
 * @param decidedAt when the decision starts: {@code provision.period.start}, else the Consent's dateTime, else its
 *                  last update
 */
record ProviderAccessConsent(String consentId, boolean optOut, Instant decidedAt) {

    static final String PROFILE = "http://hl7.org/fhir/us/davinci-pdex/StructureDefinition/pdex-provider-consent";
    static final String POLICY_SYSTEM = "http://terminology.hl7.org/CodeSystem/consentpolicycodes";
    static final String POLICY_CODE = "cric";

    static Optional<ProviderAccessConsent> of(JsonNode consent) {
        if (!"active".equals(consent.path("status").asText()) || !isProviderAccessConsent(consent)) {
            return Optional.empty();
        }
        String type = consent.path("provision").path("type").asText("");
        if (!type.equals("deny") && !type.equals("permit")) {
            return Optional.empty();
        }
        Instant decidedAt = instant(consent.path("provision").path("period").path("start"))
                .or(() -> instant(consent.path("dateTime")))
                .or(() -> instant(consent.path("meta").path("lastUpdated")))
                .orElse(Instant.EPOCH);
        return Optional.of(new ProviderAccessConsent(consent.path("id").asText(), type.equals("deny"), decidedAt));
    }

    private static boolean isProviderAccessConsent(JsonNode consent) {
        for (JsonNode profile : consent.path("meta").path("profile")) {
            if (profile.asText().startsWith(PROFILE)) {
                return true;
            }
        }
        for (JsonNode rule : consent.path("policyRule").path("coding")) {
            if (POLICY_SYSTEM.equals(rule.path("system").asText()) && POLICY_CODE.equals(rule.path("code").asText())) {
                return true;
            }
        }
        return false;
    }

    /** A FHIR date or dateTime; a date counts from its start (UTC). */
    private static Optional<Instant> instant(JsonNode value) {
        if (!value.isTextual()) {
            return Optional.empty();
        }
        String text = value.asText();
        try {
            return Optional.of(text.length() == 10 ? Instant.parse(text + "T00:00:00Z")
                    : OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}

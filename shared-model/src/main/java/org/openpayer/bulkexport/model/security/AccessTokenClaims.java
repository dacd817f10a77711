package org.openpayer.bulkexport.model.security;

import java.time.Duration;

/**
 * Claims of the access tokens auth-service signs, beyond the registered JWT ones ({@code iss}, {@code sub} = the
 * client id, {@code aud} = the FHIR base URL, {@code exp}, {@code iat}, {@code jti}). Access to Groups travels inside
 * the token, so no service reads auth-service's tables.
 */
public final class AccessTokenClaims {

    /** Space-separated granted scopes, in the syntax (v1 or v2) the client asked with. */
    public static final String SCOPE = "scope";
    /** Ids of the attribution Groups the client may access. */
    public static final String GROUP_IDS = "group_ids";
    /** {@code system|value} identifiers (NPI, TIN, contract): any Group carrying one of them is accessible. */
    public static final String GROUP_IDENTIFIERS = "group_identifiers";
    /**
     * {@code system|value} identifiers (e.g. the NPI) of the health plan a payer-to-payer client acts for; only
     * clients registered as a payer carry it. It is who the client is when a member's Consent names its recipient.
     */
    public static final String PAYER_IDENTIFIERS = "payer_identifiers";

    /** SMART: access tokens SHOULD NOT live longer than five minutes. */
    public static final Duration MAX_LIFETIME = Duration.ofMinutes(5);

    private AccessTokenClaims() {
    }
}

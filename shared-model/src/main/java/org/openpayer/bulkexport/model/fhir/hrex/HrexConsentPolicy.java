package org.openpayer.bulkexport.model.fhir.hrex;

import java.util.Arrays;
import java.util.Optional;

/**
 * The policies an HRex Consent ({@code policy.uri}) can name: what the member allows the old payer to disclose to the
 * new one. The {@link #code} is how a stored Consent records it, for the payer-to-payer export to apply.
 */
public enum HrexConsentPolicy {
    /** Non-sensitive data only: resources carrying a sensitive {@code meta.security} label are left out. */
    REGULAR("regular"),
    /** All of the member's data, sensitive included. */
    SENSITIVE("sensitive");

    /** The page the policy URIs are fragments of (HRex names them this way, not as canonical URLs). */
    public static final String POLICY_PAGE =
            "http://hl7.org/fhir/us/davinci-hrex/StructureDefinition-hrex-consent.html";

    private final String code;

    HrexConsentPolicy(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public String uri() {
        return POLICY_PAGE + "#" + code;
    }

    public static Optional<HrexConsentPolicy> byUri(String uri) {
        return Arrays.stream(values()).filter(policy -> policy.uri().equals(uri)).findFirst();
    }

    public static Optional<HrexConsentPolicy> byCode(String code) {
        return Arrays.stream(values()).filter(policy -> policy.code.equals(code)).findFirst();
    }
}

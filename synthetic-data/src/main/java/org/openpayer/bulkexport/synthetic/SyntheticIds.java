package org.openpayer.bulkexport.synthetic;

/**
 * The ids of generated resources: readable, stable and derived from numbers alone (all 1-based), so any resource's
 * id, and so any reference to it, is known without generating or remembering it. Zero-padding keeps the ids of one
 * type sorted in generation order up to the padded width; larger numbers simply get longer.
 */
public final class SyntheticIds {

    public static final String PAYER_ORGANIZATION = "syn-org-payer";

    private SyntheticIds() {
    }

    public static String organization(int organization) {
        return "syn-org-" + pad(organization, 3);
    }

    public static String location(int organization) {
        return "syn-loc-" + pad(organization, 3);
    }

    public static String practitioner(int practitioner) {
        return "syn-prac-" + pad(practitioner, 4);
    }

    public static String practitionerRole(int practitioner) {
        return "syn-role-" + pad(practitioner, 4);
    }

    public static String group(int group) {
        return "syn-grp-" + pad(group, 2);
    }

    public static String patient(int member) {
        return "syn-pat-" + pad(member, 7);
    }

    public static String coverage(int member) {
        return "syn-cov-" + pad(member, 7);
    }

    public static String claim(int member, int claim) {
        return "syn-eob-" + pad(member, 7) + "-" + pad(claim, 2);
    }

    /** A clinical resource: its type's prefix (e.g. {@code obs}), the member and its slot among the member's. */
    public static String clinical(String prefix, int member, int slot) {
        return "syn-" + prefix + "-" + pad(member, 7) + "-" + pad(slot, 2);
    }

    /** {@code Type/id}, the form every reference in the dataset takes. */
    public static String reference(String resourceType, String id) {
        return resourceType + "/" + id;
    }

    static String pad(long number, int width) {
        String digits = Long.toString(number);
        if (digits.length() >= width) {
            return digits;
        }
        StringBuilder padded = new StringBuilder(width);
        for (int i = digits.length(); i < width; i++) {
            padded.append('0');
        }
        return padded.append(digits).toString();
    }
}

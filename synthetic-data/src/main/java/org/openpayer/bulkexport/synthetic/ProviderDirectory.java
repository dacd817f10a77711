package org.openpayer.bulkexport.synthetic;

/**
 * The shape of the provider directory, computed from numbers alone so that members and Groups can refer to any
 * provider without the directory in memory: practitioner p works at organization ((p - 1) mod O) + 1, Group g is
 * attributed to organization ((g - 1) mod O) + 1, and NPIs and TINs follow from the numbers. NPIs carry a valid
 * Luhn check digit (with the 80840 prefix) like real ones, so NPI validators accept them.
 */
final class ProviderDirectory {

    private static final String[] NAME_PLACES = {"Riverside", "Lakeview", "Northgate", "Cedar Hills", "Summit",
        "Harbor", "Valley", "Maple Grove", "Brookside", "Westfield", "Pinecrest", "Fairview", "Oak Park",
        "Meadowbrook", "Clearwater"};
    private static final String[] NAME_KINDS = {"Family Medicine", "Primary Care", "Medical Group",
        "Internal Medicine Associates", "Health Partners", "Community Health Center", "Physicians Group",
        "Pediatrics"};
    /** The Luhn sum of the 80840 prefix that the NPI check digit covers. */
    private static final int NPI_PREFIX_SUM = 24;

    private final int organizations;
    private final int practitioners;

    ProviderDirectory(DatasetSpec spec) {
        this.organizations = spec.providerOrganizations();
        this.practitioners = spec.practitioners();
    }

    int organizationOfPractitioner(int practitioner) {
        return (practitioner - 1) % organizations + 1;
    }

    int organizationOfGroup(int group) {
        return (group - 1) % organizations + 1;
    }

    int practitionersAt(int organization) {
        return (practitioners - organization) / organizations + 1;
    }

    /** The {@code index}-th (0-based) practitioner of an organization. */
    int practitionerAt(int organization, int index) {
        return organization + index * organizations;
    }

    /** Unique in the dataset: place names first, then kinds, then a site number once every pair is used. */
    static String organizationName(int organization) {
        int index = organization - 1;
        String name = NAME_PLACES[index % NAME_PLACES.length] + " "
                + NAME_KINDS[(index / NAME_PLACES.length) % NAME_KINDS.length];
        int round = index / (NAME_PLACES.length * NAME_KINDS.length);
        return round == 0 ? name : name + " Site " + (round + 1);
    }

    static String organizationNpi(int organization) {
        return npi(130_000_000 + organization);
    }

    static String practitionerNpi(int practitioner) {
        return npi(140_000_000 + practitioner);
    }

    static String organizationTin(int organization) {
        return "82" + SyntheticIds.pad(organization, 7);
    }

    static String payerTin() {
        return "840000001";
    }

    /** Nine digits plus the NPI check digit. */
    static String npi(int nineDigits) {
        String base = Integer.toString(nineDigits);
        int sum = NPI_PREFIX_SUM;
        for (int i = 0; i < base.length(); i++) {
            int digit = base.charAt(base.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                digit = digit > 9 ? digit - 9 : digit;
            }
            sum += digit;
        }
        return base + (10 - sum % 10) % 10;
    }
}

package org.openpayer.bulkexport.synthetic;

import java.time.LocalDate;

/**
 * What to generate. The same spec always gives byte-identical output: the seed drives every random choice and the
 * reference date stands in for "today", so nothing depends on the clock.
 *
 * @param seed                  drives every random choice
 * @param members               members, each with one Patient and one Coverage
 * @param providerOrganizations provider Organizations, each with one Location
 * @param practitioners         Practitioners, each with one PractitionerRole at one provider organization
 * @param groups                ATR attribution Groups; each member is in exactly one, each Group is attributed to one
 *                              provider organization
 * @param claimsPerMember       ExplanationOfBenefit resources per member
 * @param clinicalPerMember     Encounter, Condition, Observation, Procedure, MedicationRequest, Immunization and
 *                              AllergyIntolerance resources per member, together
 * @param referenceDate         the dataset's "today": plan year, ages and the two years of history derive from it
 */
public record DatasetSpec(long seed, int members, int providerOrganizations, int practitioners, int groups,
                          int claimsPerMember, int clinicalPerMember, LocalDate referenceDate) {

    /** The payer Organization that every dataset has, besides the provider organizations. */
    public static final int PAYER_ORGANIZATIONS = 1;
    /** Patient and Coverage. */
    public static final int ENROLLMENT_RESOURCES_PER_MEMBER = 2;

    public DatasetSpec {
        atLeast(1, members, "members");
        atLeast(1, providerOrganizations, "provider organizations");
        atLeast(1, groups, "groups");
        atLeast(0, claimsPerMember, "claims per member");
        atLeast(0, clinicalPerMember, "clinical resources per member");
        if (practitioners < providerOrganizations) {
            throw new IllegalArgumentException("practitioners must be at least the number of provider organizations ("
                    + providerOrganizations + ") so that each organization has one, but was " + practitioners);
        }
        if (groups > members) {
            throw new IllegalArgumentException("groups must not exceed members (" + members
                    + ") so that no Group is empty, but was " + groups);
        }
        if (referenceDate == null) {
            throw new IllegalArgumentException("reference date is required");
        }
    }

    /**
     * 10,000 members with 8 claims and 30 clinical resources each: 40 member resources, about 400,000 in all, the
     * benchmark's default size.
     */
    public static DatasetSpec defaults() {
        return new DatasetSpec(20_261_121L, 10_000, 20, 200, 20, 8, 30, LocalDate.of(2026, 7, 1));
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return defaults().toBuilder();
    }

    /** A builder starting from this spec. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Resources written for each member: Patient, Coverage, claims and clinical resources. */
    public int resourcesPerMember() {
        return ENROLLMENT_RESOURCES_PER_MEMBER + claimsPerMember + clinicalPerMember;
    }

    /** The payer, provider organizations with their Locations, practitioners with their roles. */
    public int directoryResources() {
        return PAYER_ORGANIZATIONS + 2 * providerOrganizations + 2 * practitioners;
    }

    /** Everything the generator writes. */
    public long totalResources() {
        return directoryResources() + (long) members * resourcesPerMember() + groups;
    }

    private static void atLeast(int minimum, int value, String name) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + ", but was " + value);
        }
    }

    /**
     * Sets fields one by one and checks them together in {@link #build()}, so that fields that constrain each other
     * (members and groups, organizations and practitioners) can be set in any order.
     */
    public static final class Builder {
        private long seed;
        private int members;
        private int providerOrganizations;
        private int practitioners;
        private int groups;
        private int claimsPerMember;
        private int clinicalPerMember;
        private LocalDate referenceDate;

        private Builder(DatasetSpec start) {
            seed = start.seed;
            members = start.members;
            providerOrganizations = start.providerOrganizations;
            practitioners = start.practitioners;
            groups = start.groups;
            claimsPerMember = start.claimsPerMember;
            clinicalPerMember = start.clinicalPerMember;
            referenceDate = start.referenceDate;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder members(int value) {
            members = value;
            return this;
        }

        public Builder providerOrganizations(int value) {
            providerOrganizations = value;
            return this;
        }

        public Builder practitioners(int value) {
            practitioners = value;
            return this;
        }

        public Builder groups(int value) {
            groups = value;
            return this;
        }

        public Builder claimsPerMember(int value) {
            claimsPerMember = value;
            return this;
        }

        public Builder clinicalPerMember(int value) {
            clinicalPerMember = value;
            return this;
        }

        public Builder referenceDate(LocalDate value) {
            referenceDate = value;
            return this;
        }

        /** The spec; throws IllegalArgumentException naming the first invalid field. */
        public DatasetSpec build() {
            return new DatasetSpec(seed, members, providerOrganizations, practitioners, groups, claimsPerMember,
                    clinicalPerMember, referenceDate);
        }
    }
}

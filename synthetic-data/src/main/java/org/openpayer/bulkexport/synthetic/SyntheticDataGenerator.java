package org.openpayer.bulkexport.synthetic;

import java.io.IOException;
import java.util.SplittableRandom;

/**
 * Generates a whole synthetic payer dataset into a {@link ResourceSink}: the provider directory and the payer first,
 * then each member's Patient, Coverage, claims and clinical resources, then the attribution Groups, so that every
 * reference points to a resource already written.
 *
 * <p>Design note: the generator keeps no per-member state. A member's resources are built from streams seeded by
 * (seed, member number) and written before the next member starts; the Groups are streamed last, recomputing each
 * member's attribution. Memory stays at one member's resources plus one int per Group, whatever the member count, and
 * any range of members can be generated on its own with the same bytes as in a full run.
 */
public final class SyntheticDataGenerator {

    private final DatasetSpec spec;
    private final ProviderDirectory directory;
    private final AttributionGroups groups;
    private final DirectoryResources directoryResources;
    private final MemberResources memberResources;
    private final ClaimResources claimResources;
    private final ClinicalResources clinicalResources;

    public SyntheticDataGenerator(DatasetSpec spec) {
        this.spec = spec;
        this.directory = new ProviderDirectory(spec);
        this.groups = new AttributionGroups(spec, directory);
        this.directoryResources = new DirectoryResources(spec.seed(), directory);
        this.memberResources = new MemberResources();
        this.claimResources = new ClaimResources(spec, directory);
        this.clinicalResources = new ClinicalResources(spec, directory);
    }

    public DatasetSpec spec() {
        return spec;
    }

    /** Everything, in reference order: directory, members, Groups. */
    public void generate(ResourceSink sink) throws IOException {
        generateDirectory(sink);
        generateMembers(1, spec.members(), sink);
        generateGroups(sink);
    }

    /** The payer Organization, then per provider organization its Organization and Location, then practitioners. */
    public void generateDirectory(ResourceSink sink) throws IOException {
        sink.accept("Organization", SyntheticIds.PAYER_ORGANIZATION, directoryResources.payer());
        for (int organization = 1; organization <= spec.providerOrganizations(); organization++) {
            sink.accept("Organization", SyntheticIds.organization(organization),
                    directoryResources.organization(organization));
            sink.accept("Location", SyntheticIds.location(organization), directoryResources.location(organization));
        }
        for (int practitioner = 1; practitioner <= spec.practitioners(); practitioner++) {
            sink.accept("Practitioner", SyntheticIds.practitioner(practitioner),
                    directoryResources.practitioner(practitioner));
            sink.accept("PractitionerRole", SyntheticIds.practitionerRole(practitioner),
                    directoryResources.practitionerRole(practitioner));
        }
    }

    /**
     * Members {@code first} to {@code last} (1-based, inclusive), each complete before the next; the output for a
     * member is the same whichever range it is generated in.
     */
    public void generateMembers(int first, int last, ResourceSink sink) throws IOException {
        if (first < 1 || last > spec.members() || first > last + 1) {
            throw new IllegalArgumentException("members " + first + " to " + last + " are outside 1 to "
                    + spec.members());
        }
        for (int member = first; member <= last; member++) {
            generateMember(member, sink);
        }
    }

    /** Every ATR Group, each streamed member by member into the sink. */
    public void generateGroups(ResourceSink sink) throws IOException {
        for (int group = 1; group <= spec.groups(); group++) {
            int current = group;
            sink.acceptStreamed("Group", SyntheticIds.group(group), out -> groups.write(current, out));
        }
    }

    private void generateMember(int member, ResourceSink sink) throws IOException {
        MemberContext context = MemberContext.create(spec.seed(), spec.referenceDate(), member,
                groups.attributionOf(member));
        sink.accept("Patient", context.patientId(), memberResources.patient(context));
        sink.accept("Coverage", SyntheticIds.coverage(member), memberResources.coverage(context));
        SplittableRandom claims = SeedStream.CLAIMS.random(spec.seed(), member);
        for (int claim = 1; claim <= spec.claimsPerMember(); claim++) {
            sink.accept("ExplanationOfBenefit", SyntheticIds.claim(member, claim),
                    claimResources.claim(context, claim, claims));
        }
        clinicalResources.write(context, SeedStream.CLINICAL.random(spec.seed(), member), sink);
    }
}

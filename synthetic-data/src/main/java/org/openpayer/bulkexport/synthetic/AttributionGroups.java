package org.openpayer.bulkexport.synthetic;

import static org.openpayer.bulkexport.synthetic.CodeSystems.ATR_EXTENSION;
import static org.openpayer.bulkexport.synthetic.SyntheticIds.reference;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The Da Vinci ATR Member Attribution Lists: which member is in which Group, and each Group as a resource.
 *
 * <p>Design note: Groups split the members into consecutive blocks of random, uneven sizes (each at least one). Only
 * the block boundaries are kept, one int per Group, so a member's Group is a binary search and a Group's members are
 * a number range. A Group is then written member by member straight to its output, however large it is, and the
 * attribution details of each member are recomputed from that member's own random stream rather than remembered.
 */
final class AttributionGroups {

    private static final String ATR_GROUP_PROFILE = CodeSystems.ATR + "StructureDefinition/atr-group";
    private static final Code ATTRIBUTED_TO =
            new Code(CodeSystems.ATR_CODES + "davinci-group-characteristic-codes", "attributed-to", null);

    private final long seed;
    private final LocalDate referenceDate;
    private final ProviderDirectory directory;
    private final LocalDate contractStart;
    private final LocalDate contractEnd;
    /** Group g holds members firstMember[g - 1] up to firstMember[g] - 1; the last entry is members + 1. */
    private final int[] firstMember;

    AttributionGroups(DatasetSpec spec, ProviderDirectory directory) {
        this.seed = spec.seed();
        this.referenceDate = spec.referenceDate();
        this.directory = directory;
        this.contractStart = referenceDate.withDayOfYear(1);
        this.contractEnd = contractStart.plusYears(1).minusDays(1);
        this.firstMember = blockBoundaries(spec);
    }

    /** Each Group gets one member, then a share of the rest weighted between 0.5 and 2. */
    private static int[] blockBoundaries(DatasetSpec spec) {
        SplittableRandom random = SeedStream.GROUP_SIZES.random(spec.seed(), 0);
        double[] weights = new double[spec.groups()];
        double total = 0;
        for (int g = 0; g < weights.length; g++) {
            weights[g] = 0.5 + 1.5 * random.nextDouble();
            total += weights[g];
        }
        int spare = spec.members() - spec.groups();
        int[] first = new int[spec.groups() + 1];
        first[0] = 1;
        for (int g = 0; g < weights.length; g++) {
            first[g + 1] = first[g] + 1 + (int) (spare * weights[g] / total);
        }
        first[spec.groups()] = spec.members() + 1;
        return first;
    }

    int groupOf(int member) {
        int found = Arrays.binarySearch(firstMember, member);
        return found >= 0 ? found + 1 : -found - 1;
    }

    int size(int group) {
        return firstMember[group] - firstMember[group - 1];
    }

    /** The member's attribution, the same whether asked while writing the member or its Group. */
    MemberAttribution attributionOf(int member) {
        int group = groupOf(member);
        int organization = directory.organizationOfGroup(group);
        SplittableRandom random = SeedStream.ATTRIBUTION.random(seed, member);
        int practitioner = directory.practitionerAt(organization,
                random.nextInt(directory.practitionersAt(organization)));
        int roll = random.nextInt(100);
        if (roll < 80) {
            return new MemberAttribution(group, organization, practitioner, "nochange", contractStart);
        }
        if (roll < 92) {
            LocalDate joined = referenceDate.minusDays(random.nextInt(120));
            LocalDate start = joined.isBefore(contractStart) ? contractStart : joined;
            return new MemberAttribution(group, organization, practitioner, "new", start);
        }
        return new MemberAttribution(group, organization, practitioner, "changed", contractStart);
    }

    /** Writes the whole Group to {@code out}, members generated on the fly; {@code out} stays open. */
    void write(int group, Writer out) throws IOException {
        int organization = directory.organizationOfGroup(group);
        String organizationName = ProviderDirectory.organizationName(organization);
        FhirJsonWriter json = FhirJsonWriter.streamingTo(out);
        json.beginResource("Group", SyntheticIds.group(group));
        json.beginObject("meta");
        json.string("lastUpdated", referenceDate + "T00:00:00Z");
        json.stringArray("profile", ATR_GROUP_PROFILE);
        json.endObject();
        json.beginArray("extension");
        extension(json, "ext-contractValidityPeriod");
        json.period("valuePeriod", contractStart.toString(), contractEnd.toString());
        json.endObject();
        extension(json, "ext-attributionListStatus");
        json.string("valueCode", "open");
        json.endObject();
        json.endArray();
        json.beginArray("identifier");
        json.identifier(CodeSystems.NPI_TYPE, CodeSystems.NPI, ProviderDirectory.organizationNpi(organization));
        json.identifier(CodeSystems.TAX_ID_TYPE, CodeSystems.TIN, ProviderDirectory.organizationTin(organization));
        json.identifier(null, CodeSystems.PROVIDER_CONTRACT,
                "SHP-C" + contractStart.getYear() + "-" + SyntheticIds.pad(group, 3));
        json.endArray();
        json.bool("active", true);
        json.string("type", "person");
        json.bool("actual", true);
        json.string("name", organizationName + " attribution list " + contractStart.getYear());
        json.integer("quantity", size(group));
        json.beginObject("managingEntity");
        json.string("reference", reference("Organization", SyntheticIds.PAYER_ORGANIZATION));
        json.string("display", DirectoryResources.PAYER_NAME);
        json.endObject();
        json.beginArray("characteristic");
        json.beginObject();
        json.codeableConcept("code", ATTRIBUTED_TO);
        json.reference("valueReference", reference("Organization", SyntheticIds.organization(organization)));
        json.bool("exclude", false);
        json.endObject();
        json.endArray();
        json.beginArray("member");
        for (int member = firstMember[group - 1]; member < firstMember[group]; member++) {
            writeMember(json, member);
        }
        json.endArray();
        json.endObject();
        json.finish();
    }

    private void writeMember(FhirJsonWriter json, int member) throws IOException {
        MemberAttribution attribution = attributionOf(member);
        json.beginObject();
        json.beginArray("extension");
        extension(json, "ext-changeType");
        json.string("valueCode", attribution.changeType());
        json.endObject();
        extension(json, "ext-coverageReference");
        json.reference("valueReference", reference("Coverage", SyntheticIds.coverage(member)));
        json.endObject();
        extension(json, "ext-attributedProvider");
        json.reference("valueReference",
                reference("Practitioner", SyntheticIds.practitioner(attribution.practitioner())));
        json.endObject();
        json.endArray();
        json.reference("entity", reference("Patient", SyntheticIds.patient(member)));
        json.period("period", attribution.periodStart().toString(), contractEnd.toString());
        json.bool("inactive", false);
        json.endObject();
    }

    /** Opens an ATR extension inside an {@code extension} array; the caller writes its value and closes it. */
    private static void extension(FhirJsonWriter json, String name) throws IOException {
        json.beginObject();
        json.string("url", ATR_EXTENSION + name);
    }
}

package org.openpayer.bulkexport.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

class SyntheticDataGeneratorTest {

    private static final Set<String> CLINICAL_TYPES = Set.of("Encounter", "Condition", "Observation", "Procedure",
            "MedicationRequest", "Immunization", "AllergyIntolerance");

    @Test
    void generate_sameSpecTwice_identicalBytes() {
        // given
        DatasetSpec spec = CollectingSink.small(80);

        // when
        String first = CollectingSink.ndjson(CollectingSink.generate(spec));
        String second = CollectingSink.ndjson(CollectingSink.generate(spec));

        // then
        assertThat(first).isNotEmpty().isEqualTo(second);
    }

    @Test
    void generate_otherSeed_differentData() {
        // given
        DatasetSpec spec = CollectingSink.small(80);

        // when
        List<CollectingSink.Line> first = CollectingSink.generate(spec);
        List<CollectingSink.Line> second = CollectingSink.generate(spec.toBuilder().seed(spec.seed() + 1).build());

        // then the same ids, as ids come from numbers, but other content
        assertThat(second).extracting(CollectingSink.Line::id)
                .containsExactlyElementsOf(first.stream().map(CollectingSink.Line::id).toList());
        assertThat(CollectingSink.ndjson(second)).isNotEqualTo(CollectingSink.ndjson(first));
    }

    @Test
    void generateMembers_aRangeAlone_sameBytesAsInTheFullRun() throws IOException {
        // given
        DatasetSpec spec = CollectingSink.small(60);
        List<CollectingSink.Line> full = CollectingSink.generate(spec);
        CollectingSink range = new CollectingSink();

        // when
        new SyntheticDataGenerator(spec).generateMembers(21, 40, range);

        // then
        assertThat(range.lines()).hasSize(20 * spec.resourcesPerMember());
        assertThat(Collections.indexOfSubList(full, range.lines())).isPositive();
    }

    @Test
    void generateMembers_outsideTheSpec_rejected() {
        // given
        SyntheticDataGenerator generator = new SyntheticDataGenerator(CollectingSink.small(10));

        // when / then
        assertThatThrownBy(() -> generator.generateMembers(5, 11, new CollectingSink()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("members 5 to 11 are outside 1 to 10");
    }

    @Test
    void generate_counts_followTheSpec() throws IOException {
        // given
        DatasetSpec spec = DatasetSpec.builder().members(120).providerOrganizations(3).practitioners(7)
                .groups(4).claimsPerMember(3).clinicalPerMember(25).build();
        ResourceCounter counter = ResourceCounter.discarding();

        // when
        new SyntheticDataGenerator(spec).generate(counter);

        // then
        Map<String, Long> counts = counter.counts();
        assertThat(counts).containsEntry("Patient", 120L).containsEntry("Coverage", 120L)
                .containsEntry("ExplanationOfBenefit", 360L).containsEntry("Organization", 4L)
                .containsEntry("Location", 3L).containsEntry("Practitioner", 7L)
                .containsEntry("PractitionerRole", 7L).containsEntry("Group", 4L);
        long clinical = counts.entrySet().stream().filter(count -> CLINICAL_TYPES.contains(count.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
        assertThat(clinical).isEqualTo(120L * 25);
        assertThat(counts.keySet()).containsAll(CLINICAL_TYPES);
        assertThat(counter.total()).isEqualTo(spec.totalResources());
    }

    @Test
    void generate_defaults_fortyResourcesPerMember() throws IOException {
        // given the default spec, fewer members to stay fast
        DatasetSpec spec = DatasetSpec.builder().members(500).build();
        ResourceCounter counter = ResourceCounter.discarding();

        // when
        new SyntheticDataGenerator(spec).generate(counter);

        // then
        long memberResources = counter.total() - spec.directoryResources() - spec.groups();
        assertThat(memberResources).isEqualTo(500L * 40);
        assertThat(counter.counts()).containsEntry("Observation", 500L * 14).containsEntry("Encounter", 500L * 4);
    }
}

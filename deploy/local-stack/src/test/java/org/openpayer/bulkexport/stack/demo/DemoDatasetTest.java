package org.openpayer.bulkexport.stack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

class DemoDatasetTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void npiWithCheckDigit_matchesTheCmsExample() {
        assertThat(ProviderOrganization.npiWithCheckDigit("123456789")).isEqualTo("1234567893");
    }

    @Test
    void ndjsonLines_isDeterministic() {
        assertThat(DemoDataset.ndjsonLines()).isEqualTo(DemoDataset.ndjsonLines());
    }

    @Test
    void ndjsonLines_holdMembersAndTwoGroupsWithResolvableReferences() throws Exception {
        // given
        List<JsonNode> resources = parse(DemoDataset.ndjsonLines());
        Set<String> ids = resources.stream()
                .map(r -> r.get("resourceType").asText() + "/" + r.get("id").asText())
                .collect(Collectors.toSet());
        Map<String, Long> countByType = resources.stream()
                .collect(Collectors.groupingBy(r -> r.get("resourceType").asText(), Collectors.counting()));

        // then
        assertThat(ids).hasSameSizeAs(resources);
        assertThat(countByType).containsEntry("Patient", 100L).containsEntry("Coverage", 100L)
                .containsEntry("Group", 2L).containsEntry("Practitioner", 6L);
        assertThat(countByType.get("ExplanationOfBenefit")).isBetween(100L, 300L);
        Set<String> references = new HashSet<>();
        resources.forEach(r -> collectReferences(r, references));
        assertThat(ids).containsAll(references);
    }

    @Test
    void groups_carryNpiAndSplitTheMembers() throws Exception {
        Map<String, JsonNode> groups = parse(DemoDataset.ndjsonLines()).stream()
                .filter(r -> r.get("resourceType").asText().equals("Group"))
                .collect(Collectors.toMap(r -> r.get("id").asText(), Function.identity()));

        assertThat(groups.get(DemoDataset.EAST_GROUP_ID).get("member")).hasSize(DemoDataset.EAST_MEMBERS);
        assertThat(groups.get(DemoDataset.WEST_GROUP_ID).get("member"))
                .hasSize(DemoDataset.MEMBER_COUNT - DemoDataset.EAST_MEMBERS);
        assertThat(groups.get(DemoDataset.EAST_GROUP_ID).at("/identifier/0/value").asText())
                .isEqualTo(DemoDataset.EAST.npi());
    }

    private static List<JsonNode> parse(List<String> lines) throws Exception {
        List<JsonNode> nodes = new java.util.ArrayList<>();
        for (String line : lines) {
            assertThat(line).doesNotContain("\n");
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    private static void collectReferences(JsonNode node, Set<String> references) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("reference") && field.getValue().isTextual()) {
                    references.add(field.getValue().asText());
                } else {
                    collectReferences(field.getValue(), references);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectReferences(child, references));
        }
    }
}

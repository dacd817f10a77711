package org.openpayer.bulkexport.export.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.model.fhir.ResourceType;
import org.openpayer.bulkexport.model.fhir.hrex.SensitiveDataLabels;
import org.openpayer.bulkexport.search.SqlCondition;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

class ConsentScopeTest {

    private static final Instant NOT_BEFORE = Instant.parse("2021-11-22T10:00:00Z");
    private final ConsentScope scope = new ConsentScope(List.of("p1", "p2"), List.of("p2"), NOT_BEFORE);

    @Test
    void conditions_clinicalData_areTheSensitiveLabelsAndTheWindow() {
        List<SqlCondition> conditions = scope.conditions(ResourceType.Observation);

        assertThat(conditions).hasSize(2);
        assertThat(conditions.get(0).sql()).contains("\"security\"");
        assertThat((String[]) conditions.get(0).values().get(0)).containsExactly("p2");
        assertThat((String[]) conditions.get(0).values().get(1)).hasSize(SensitiveDataLabels.ALL.size())
                .contains(new SensitiveDataLabels.Label(SensitiveDataLabels.ACT_CODES, "SUD").asSecurityArray());
        assertThat(conditions.get(1).sql()).contains("search_date").contains("last_updated");
        assertThat(conditions.get(1).values()).containsOnly(Timestamp.from(NOT_BEFORE));
    }

    @Test
    void conditions_patientCoverageAndRelatedPerson_haveNoWindow() {
        for (ResourceType type : List.of(ResourceType.Patient, ResourceType.Coverage, ResourceType.RelatedPerson)) {
            assertThat(scope.conditions(type)).as(type.name()).hasSize(1);
        }
    }
}

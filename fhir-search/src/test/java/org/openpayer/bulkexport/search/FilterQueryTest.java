package org.openpayer.bulkexport.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.model.fhir.ResourceType;
import org.openpayer.bulkexport.rest.FhirException;

import java.util.List;

class FilterQueryTest {

    private static final CriterionParser PARSER =
            new CriterionParser(new SearchParameterCatalog(FhirContext.forR4Cached()));

    @Test
    void parse_decodesEachParameterAndAndsThem() {
        FilterQuery query = FilterQuery.parse(PARSER, ResourceType.Observation,
                "category=laboratory&code=http%3A%2F%2Floinc.org%7C4548-4%2C2345-7&date=ge2026-01-01");

        assertThat(query.criteria()).hasSize(3);
        SqlCondition sql = FilterQuery.anyOf(List.of(query));
        assertThat(sql.sql()).startsWith("((exists").contains(" and ").doesNotContain(" or (");
        assertThat(sql.values()).contains("category", "laboratory", "code", "4548-4", "http://loinc.org", "2345-7");
    }

    @Test
    void anyOf_orsTheQueriesOfOneType() {
        FilterQuery active = FilterQuery.parse(PARSER, ResourceType.Coverage, "status=active");
        FilterQuery draft = FilterQuery.parse(PARSER, ResourceType.Coverage, "status=draft");

        SqlCondition sql = FilterQuery.anyOf(List.of(active, draft));

        assertThat(sql.sql()).contains(") or (");
        assertThat(sql.values()).containsExactly("status", "active", "status", "draft");
    }

    @Test
    void parse_refusesResultParameters() {
        assertThatThrownBy(() -> FilterQuery.parse(PARSER, ResourceType.Observation, "status=final&_include=x"))
                .isInstanceOf(FhirException.class).hasMessageContaining("'_include' is a result parameter");
        assertThatThrownBy(() -> FilterQuery.parse(PARSER, ResourceType.Observation, "_sort=date"))
                .isInstanceOf(FhirException.class).hasMessageContaining("result parameter");
    }

    @Test
    void parse_refusesWhatTheIndexCannotAnswer() {
        assertThatThrownBy(() -> FilterQuery.parse(PARSER, ResourceType.Patient, "gender=female"))
                .isInstanceOf(FhirException.class).hasMessageContaining("'gender' is not supported on Patient");
        assertThatThrownBy(() -> FilterQuery.parse(PARSER, ResourceType.Observation, "status:not=final"))
                .isInstanceOf(FhirException.class).hasMessageContaining(":not");
        assertThatThrownBy(() -> FilterQuery.parse(PARSER, ResourceType.Observation, "date=yesterday"))
                .isInstanceOf(FhirException.class);
        assertThatThrownBy(() -> FilterQuery.parse(PARSER, ResourceType.Observation, ""))
                .isInstanceOf(FhirException.class).hasMessageContaining("no search parameter");
    }
}

package org.openpayer.bulkexport.model.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FhirVocabularyTest {

    @ParameterizedTest
    @ValueSource(strings = {"application/fhir+ndjson", "application/ndjson", "ndjson"})
    void isNdjsonOutputFormat_acceptsAllThreeAliases(String format) {
        assertThat(FhirMediaType.isNdjsonOutputFormat(format)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "text/csv", "NDJSON", ""})
    void isNdjsonOutputFormat_rejectsOtherFormats(String format) {
        assertThat(FhirMediaType.isNdjsonOutputFormat(format)).isFalse();
    }

    @Test
    void resourceType_compartment_coversPatientButNotProviders() {
        assertThat(ResourceType.Patient.inPatientCompartment()).isTrue();
        assertThat(ResourceType.ExplanationOfBenefit.compartmentElement()).contains("patient");
        assertThat(ResourceType.Organization.inPatientCompartment()).isFalse();
        assertThat(ResourceType.patientCompartmentTypes()).contains(ResourceType.Coverage)
                .doesNotContain(ResourceType.Practitioner, ResourceType.Group);
    }

    @Test
    void operationOutcome_hasOneIssueWithCodeAndDiagnostics() throws Exception {
        String line = OperationOutcomes.toJsonLine(OperationOutcomes.error(IssueType.NOT_FOUND, "no such Group"));

        JsonNode outcome = new ObjectMapper().readTree(line);

        assertThat(line).doesNotContain("\n");
        assertThat(outcome.get("resourceType").asText()).isEqualTo("OperationOutcome");
        assertThat(outcome.at("/issue/0/severity").asText()).isEqualTo("error");
        assertThat(outcome.at("/issue/0/code").asText()).isEqualTo("not-found");
        assertThat(outcome.at("/issue/0/diagnostics").asText()).isEqualTo("no such Group");
    }
}

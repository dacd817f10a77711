package org.openpayer.bulkexport.attribution.metadata;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceSearchParamComponent;
import org.hl7.fhir.r4.model.SearchParameter;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.attribution.AttributionTestResource;
import org.openpayer.bulkexport.attribution.roster.search.GroupSearchParameter;
import org.openpayer.bulkexport.model.fhir.ResourceType;
import org.openpayer.bulkexport.model.fhir.hrex.HrexVocabulary;
import org.openpayer.bulkexport.model.fhir.hrex.PdexMemberMatchVocabulary;
import org.openpayer.bulkexport.model.fhir.pull.PayerPullVocabulary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** The CapabilityStatement, read without a token, parsed strictly, and checked against what the service serves. */
@QuarkusIntegrationTest
@QuarkusTestResource(AttributionTestResource.class)
class MetadataIT {

    private static final String FHIR_BASE = "https://payer.example.test/fhir";
    private static final IParser STRICT = FhirContext.forR4Cached().newJsonParser()
            .setParserErrorHandler(new StrictErrorHandler());

    @Test
    void metadata_isAStrictlyValidCapabilityStatementWithoutAToken() {
        CapabilityStatement statement = capabilityStatement();

        assertThat(statement.getInstantiates()).extracting("value")
                .containsExactly(CapabilityStatementBuilder.BULK_DATA);
        assertThat(statement.getFhirVersion().toCode()).isEqualTo("4.0.1");
        assertThat(statement.getRestFirstRep().getSecurity().getExtensionFirstRep().getExtensionFirstRep()
                .getValue().primitiveValue()).isEqualTo("https://payer.example.test/auth/token");
        assertThat(statement.getRestFirstRep().getResource())
                .extracting(CapabilityStatementRestResourceComponent::getType)
                .containsExactlyInAnyOrderElementsOf(Stream.concat(Arrays.stream(ResourceType.values())
                        .map(Enum::name), Stream.of("Task")).toList());
    }

    @Test
    void metadata_group_listsEverySupportedSearchParameterAndTheExportOperation() {
        CapabilityStatementRestResourceComponent group = groupOf(capabilityStatement());

        assertThat(group.getSearchParam()).extracting(CapabilityStatementRestResourceSearchParamComponent::getName)
                .containsExactlyInAnyOrderElementsOf(names());
        assertThat(group.getOperation()).extracting(operation -> operation.getName())
                .containsExactly("export", "davinci-data-export", "member-add", "member-remove",
                        "confirm-attribution-list", "attribution-status", "bulk-member-match");
        assertThat(group.getOperation().get(0).getDefinition()).isEqualTo(CapabilityStatementBuilder.GROUP_EXPORT);
        assertThat(group.getOperation().get(1).getDefinition())
                .isEqualTo(CapabilityStatementBuilder.ATR_OPERATION + "davinci-data-export");
        assertThat(group.getOperation().get(1).getDocumentation())
                .contains(CapabilityStatementBuilder.DOWNLOAD_BOOKED.strip());
        assertThat(group.getOperation().get(1).getDocumentation())
                .contains(PayerToPayerTexts.PAYER_TO_PAYER.strip());
        assertThat(group.getOperation().get(2).getDefinition())
                .isEqualTo(CapabilityStatementBuilder.ATR_OPERATION + "member-add");
        assertThat(group.getOperation().get(6).getDefinition())
                .isEqualTo(PdexMemberMatchVocabulary.BULK_MEMBER_MATCH);
        assertThat(group.getInteraction()).extracting(interaction -> interaction.getCode().toCode())
                .contains("read", "vread", "history-instance", "search-type");
    }

    @Test
    void customSearchParameters_resolveToStrictlyValidDefinitions() {
        for (CapabilityStatementRestResourceSearchParamComponent parameter
                : groupOf(capabilityStatement()).getSearchParam()) {
            if (parameter.getDefinition() == null || !parameter.getDefinition().startsWith(FHIR_BASE)) {
                continue;
            }
            String json = given().get("/fhir" + parameter.getDefinition().substring(FHIR_BASE.length()))
                    .then().statusCode(200).extract().asString();
            SearchParameter definition = STRICT.parseResource(SearchParameter.class, json);

            assertThat(definition.getCode()).isEqualTo(parameter.getName());
            assertThat(definition.getUrl()).isEqualTo(parameter.getDefinition());
            assertThat(definition.getBase()).extracting(base -> base.getValue()).containsExactly("Group");
            assertThat(definition.getExpression()).isNotBlank();
        }
        assertThat(GroupSearchParameter.custom()).isNotEmpty();
    }

    @Test
    void metadata_namesTheSystemAndPatientLevelExportsMemberMatchAndPayerPull() {
        CapabilityStatement statement = capabilityStatement();

        assertThat(statement.getRestFirstRep().getOperation()).singleElement()
                .satisfies(operation -> assertThat(operation.getDefinition())
                        .isEqualTo(CapabilityStatementBuilder.SYSTEM_EXPORT));
        assertThat(statementOf(statement, "Patient").getOperation())
                .extracting(operation -> operation.getName(), operation -> operation.getDefinition())
                .containsExactly(tuple("export", CapabilityStatementBuilder.PATIENT_EXPORT),
                        tuple("member-match", HrexVocabulary.MEMBER_MATCH),
                        tuple("payer-pull", PayerPullVocabulary.OPERATION_DEFINITION));
        assertThat(statementOf(statement, "Task").getInteraction())
                .extracting(interaction -> interaction.getCode().toCode()).containsExactly("read");
    }

    @Test
    void metadata_memberDataTypes_listTheirInteractionsAndSearchParameters() {
        CapabilityStatementRestResourceComponent observation = statementOf(capabilityStatement(), "Observation");

        assertThat(observation.getInteraction()).extracting(interaction -> interaction.getCode().toCode())
                .contains("read", "search-type", "create", "update", "delete");
        assertThat(observation.getSearchParam())
                .extracting(CapabilityStatementRestResourceSearchParamComponent::getName)
                .containsExactlyInAnyOrder("_id", "_lastUpdated", "identifier", "patient", "subject", "date",
                        "status", "category", "code");
        assertThat(statementOf(capabilityStatement(), "Organization").getSearchParam())
                .extracting(CapabilityStatementRestResourceSearchParamComponent::getName).contains("identifier");
    }

    @Test
    void everyListedSearchParameter_isAcceptedBySearch() {
        String token = AttributionTestResource.TOKENS.token("metadata-check", "system/*.rs", List.of(), List.of());
        for (CapabilityStatementRestResourceComponent resource : capabilityStatement().getRestFirstRep()
                .getResource()) {
            if (resource.getType().equals("Group")) {
                continue;
            }
            for (CapabilityStatementRestResourceSearchParamComponent parameter : resource.getSearchParam()) {
                String value = switch (parameter.getType().toCode()) {
                    case "date" -> "ge2024-01-01";
                    case "reference" -> "Patient/none";
                    default -> "none";
                };
                given().auth().oauth2(token).get("/fhir/" + resource.getType() + "?" + parameter.getName() + "="
                        + value).then().statusCode(200);
            }
        }
    }

    @Test
    void unknownSearchParameter_is404() {
        given().get("/fhir/SearchParameter/nope").then().statusCode(404);
    }

    private static CapabilityStatement capabilityStatement() {
        String json = given().get("/fhir/metadata").then().statusCode(200).extract().asString();
        return STRICT.parseResource(CapabilityStatement.class, json);
    }

    private static CapabilityStatementRestResourceComponent groupOf(CapabilityStatement statement) {
        return statementOf(statement, "Group");
    }

    private static CapabilityStatementRestResourceComponent statementOf(CapabilityStatement statement, String type) {
        return statement.getRestFirstRep().getResource().stream()
                .filter(resource -> resource.getType().equals(type)).findFirst().orElseThrow();
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>(
                Arrays.stream(GroupSearchParameter.values()).map(GroupSearchParameter::code).toList());
        names.add("_summary");
        return names;
    }
}

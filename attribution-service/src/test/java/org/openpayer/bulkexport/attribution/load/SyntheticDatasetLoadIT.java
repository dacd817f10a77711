package org.openpayer.bulkexport.attribution.load;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.attribution.AttributionTestResource;
import org.openpayer.bulkexport.attribution.DemoData;
import org.openpayer.bulkexport.synthetic.DatasetSpec;
import org.openpayer.bulkexport.synthetic.NdjsonResourceWriter;
import org.openpayer.bulkexport.synthetic.SyntheticDataGenerator;
import org.openpayer.bulkexport.synthetic.SyntheticIds;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

/**
 * The synthetic payer dataset loads as is (strict parsing, required elements, compartments) and is served: the
 * generator and the store agree on what a valid payer resource is.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(AttributionTestResource.class)
class SyntheticDatasetLoadIT {

    private static final DatasetSpec SPEC = DatasetSpec.builder().members(60).groups(3).providerOrganizations(3)
            .practitioners(6).claimsPerMember(2).clinicalPerMember(8).build();

    private static boolean loaded;

    /** Once per test JVM; the application is up only once the first test runs, so not in a BeforeAll. */
    @BeforeEach
    synchronized void load() throws IOException {
        if (loaded) {
            return;
        }
        StringWriter ndjson = new StringWriter();
        try (NdjsonResourceWriter writer = NdjsonResourceWriter.combined(ndjson)) {
            new SyntheticDataGenerator(SPEC).generate(writer);
        }
        DemoData.load(ndjson.toString()).then().statusCode(200)
                .body("issue[0].diagnostics", containsString("Patient 60"));
        loaded = true;
    }

    @Test
    void groupMembers_andTheirData_areServedToTheGroupsClient() {
        List<String> members = client().get("/fhir/Group/" + SyntheticIds.group(1)).then().statusCode(200)
                .extract().jsonPath().getList("member.entity.reference");
        assertThat(members).isNotEmpty().allMatch(reference -> reference.startsWith("Patient/syn-pat-"));
        String firstMember = members.get(0).substring("Patient/".length());

        client().get("/fhir/ExplanationOfBenefit?patient=" + firstMember + "&_total=accurate").then()
                .statusCode(200).body("total", equalTo(SPEC.claimsPerMember()));
        List<String> patients = client().get("/fhir/Patient?_count=1000").then().statusCode(200)
                .extract().jsonPath().getList("entry.resource.id");
        assertThat(patients).hasSize(members.size());
    }

    @Test
    void groupDiscovery_byTheAttributedOrganizationsNpi_findsTheGroup() {
        String npi = client().get("/fhir/Group/" + SyntheticIds.group(1) + "?_summary=true").then().statusCode(200)
                .extract().jsonPath()
                .getString("identifier.find { it.system == 'http://hl7.org/fhir/sid/us-npi' }.value");

        client().get("/fhir/Group?identifier=http://hl7.org/fhir/sid/us-npi|" + npi + "&_summary=true")
                .then().statusCode(200).body("entry[0].resource.id", equalTo(SyntheticIds.group(1)));
        client().get("/fhir/Organization?identifier=http://hl7.org/fhir/sid/us-npi|" + npi)
                .then().statusCode(200).body("entry[0].resource.id", equalTo(SyntheticIds.organization(1)));
    }

    private static RequestSpecification client() {
        return given().auth().oauth2(AttributionTestResource.TOKENS.token("synthetic-client", "system/*.rs",
                List.of(SyntheticIds.group(1)), List.of()));
    }
}

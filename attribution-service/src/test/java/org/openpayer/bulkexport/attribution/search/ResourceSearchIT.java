package org.openpayer.bulkexport.attribution.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.attribution.AttributionTestResource;
import org.openpayer.bulkexport.attribution.DemoData;
import org.openpayer.bulkexport.stack.demo.DemoDataset;
import org.openpayer.bulkexport.stack.testing.TokenMint;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Search of member data and the provider directory: each parameter form, paging, result parameters, errors, and
 * that a client finds nothing of members outside its Groups.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(AttributionTestResource.class)
class ResourceSearchIT {

    private static final TokenMint TOKENS = AttributionTestResource.TOKENS;
    private static final String EAST_MEMBER = DemoDataset.patientId(2);
    private static final String WEST_MEMBER = DemoDataset.patientId(DemoDataset.EAST_MEMBERS + 2);
    private static final String LOINC = "http://loinc.org";
    private static final String NPI = "http://hl7.org/fhir/sid/us-npi";

    /** Codes unique to this test JVM, so data other tests (or earlier runs) stored never matches. */
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void demoData() {
        DemoData.ensureLoaded();
    }

    @Test
    void patientAndCode_findTheMembersObservation_neverAnotherProvidersMember() {
        String code = "code-" + run;
        DemoData.load(observation("obs-e-" + run, EAST_MEMBER, code, "final", "2024-03-15")
                + observation("obs-w-" + run, WEST_MEMBER, code, "final", "2024-03-15")).then().statusCode(200);

        eastClient().get("/fhir/Observation?code=" + LOINC + "|" + code)
                .then().statusCode(200)
                .body("resourceType", equalTo("Bundle"))
                .body("type", equalTo("searchset"))
                .body("entry.resource.id", equalTo(List.of("obs-e-" + run)))
                .body("entry[0].search.mode", equalTo("match"))
                .body("entry[0].fullUrl", containsString("/fhir/Observation/obs-e-" + run));
        eastClient().get("/fhir/Observation?patient=" + WEST_MEMBER).then().statusCode(200)
                .body("entry", nullValue());
        eastClient().get("/fhir/Observation?subject=Patient/" + EAST_MEMBER + "&code=" + code)
                .then().statusCode(200).body("entry.resource.id", equalTo(List.of("obs-e-" + run)));
        eastClient().get("/fhir/Observation?subject:Patient=" + EAST_MEMBER + "&code=" + code)
                .then().statusCode(200).body("entry", hasSize(1));
    }

    @Test
    void tokenForms_systemAndCode_codeOnly_noSystem_systemOnly_or_and() {
        String code = "tok-" + run;
        DemoData.load(observation("obs-t1-" + run, EAST_MEMBER, code, "final", "2024-01-01")
                + observation("obs-t2-" + run, EAST_MEMBER, code + "-b", "amended", "2024-01-01")
                + observationWithoutSystem("obs-t3-" + run, EAST_MEMBER, code)).then().statusCode(200);

        assertThat(ids("/fhir/Observation?code=" + code)).containsExactly("obs-t1-" + run, "obs-t3-" + run);
        assertThat(ids("/fhir/Observation?code=" + LOINC + "|" + code)).containsExactly("obs-t1-" + run);
        assertThat(ids("/fhir/Observation?code=|" + code)).containsExactly("obs-t3-" + run);
        assertThat(ids("/fhir/Observation?code=" + code + "," + code + "-b"))
                .containsExactly("obs-t1-" + run, "obs-t2-" + run, "obs-t3-" + run);
        assertThat(ids("/fhir/Observation?code=" + code + "," + code + "-b&status=amended"))
                .containsExactly("obs-t2-" + run);
        assertThat(ids("/fhir/Observation?code=" + code + "-b&status=http://hl7.org/fhir/observation-status|"))
                .containsExactly("obs-t2-" + run);
    }

    @Test
    void dates_compareAsRanges_withEveryPrefix() {
        String code = "date-" + run;
        DemoData.load(observation("obs-d1-" + run, EAST_MEMBER, code, "final", "2024-03-15")
                + observation("obs-d2-" + run, EAST_MEMBER, code, "final", "2024-05-01T10:30:00Z")
                + encounter("enc-d3-" + run, EAST_MEMBER, "2024-06-01", "2024-06-03")).then().statusCode(200);
        String obs = "/fhir/Observation?code=" + code + "&date=";

        assertThat(ids(obs + "2024-03")).containsExactly("obs-d1-" + run);
        assertThat(ids(obs + "2024")).containsExactly("obs-d1-" + run, "obs-d2-" + run);
        assertThat(ids(obs + "gt2024-04-30")).containsExactly("obs-d2-" + run);
        assertThat(ids(obs + "ge2024-05-01")).containsExactly("obs-d2-" + run);
        assertThat(ids(obs + "lt2024-05-01")).containsExactly("obs-d1-" + run);
        assertThat(ids(obs + "le2024-03-15")).containsExactly("obs-d1-" + run);
        assertThat(ids(obs + "sa2024-03-15")).containsExactly("obs-d2-" + run);
        assertThat(ids(obs + "eb2024-05-01T10:30:00Z")).containsExactly("obs-d1-" + run);
        assertThat(ids(obs + "ne2024-03-15")).containsExactly("obs-d2-" + run);
        assertThat(ids(obs + "gt2024-01-01&date=lt2024-04-01")).containsExactly("obs-d1-" + run);
        assertThat(ids("/fhir/Encounter?patient=" + EAST_MEMBER + "&_id=enc-d3-" + run + "&date=2024-06-02"))
                .as("a Period overlapping the day").isEmpty();
        assertThat(ids("/fhir/Encounter?_id=enc-d3-" + run + "&date=ge2024-06-02")).containsExactly("enc-d3-" + run);
        assertThat(ids("/fhir/Encounter?_id=enc-d3-" + run + "&date=2024-06")).containsExactly("enc-d3-" + run);
    }

    @Test
    void lastUpdatedAndId_selectByTheRowsOwnColumns() {
        Instant before = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
        String id = "obs-lu-" + run;
        DemoData.load(observation(id, EAST_MEMBER, "lu-" + run, "final", "2024-01-01")).then().statusCode(200);

        assertThat(ids("/fhir/Observation?_id=" + id + "&_lastUpdated=gt" + before)).containsExactly(id);
        assertThat(ids("/fhir/Observation?_id=" + id + "&_lastUpdated=lt" + before)).isEmpty();
        assertThat(ids("/fhir/Observation?_id=" + id + ",other")).containsExactly(id);
    }

    @Test
    void writingAgain_replacesTheIndexedValues() {
        String id = "obs-re-" + run;
        DemoData.load(observation(id, EAST_MEMBER, "re-" + run, "preliminary", "2024-01-01")).then().statusCode(200);
        DemoData.load(observation(id, EAST_MEMBER, "re-" + run, "final", "2024-01-01")).then().statusCode(200);

        assertThat(ids("/fhir/Observation?_id=" + id + "&status=preliminary")).isEmpty();
        assertThat(ids("/fhir/Observation?_id=" + id + "&status=final")).containsExactly(id);
    }

    @Test
    void directory_searchByIdentifier_needsOnlyTheScope() {
        String npi = "9" + run.hashCode();
        DemoData.load("{\"resourceType\":\"Organization\",\"id\":\"org-" + run + "\",\"identifier\":[{\"system\":\""
                + NPI + "\",\"value\":\"" + npi + "\"}],\"name\":\"Search Clinic\"}\n"
                + "{\"resourceType\":\"Practitioner\",\"id\":\"prac-" + run + "\",\"identifier\":[{\"system\":\""
                + NPI + "\",\"value\":\"" + npi + "\"}]}\n").then().statusCode(200);

        assertThat(ids("/fhir/Organization?identifier=" + NPI + "|" + npi)).containsExactly("org-" + run);
        assertThat(ids("/fhir/Practitioner?identifier=" + npi)).containsExactly("prac-" + run);
    }

    @Test
    void paging_followsNextLinksThroughEveryMatchOnce() {
        String system = "urn:test:paging:" + run;
        StringBuilder practitioners = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            practitioners.append("{\"resourceType\":\"Practitioner\",\"id\":\"page-").append(run).append('-')
                    .append(i).append("\",\"identifier\":[{\"system\":\"").append(system)
                    .append("\",\"value\":\"v\"}]}\n");
        }
        DemoData.load(practitioners.toString()).then().statusCode(200);

        List<String> seen = new ArrayList<>();
        String url = "/fhir/Practitioner?identifier=" + system + "|&_count=3&_total=accurate";
        int pages = 0;
        while (url != null) {
            // next links come encoded as served; RestAssured must not encode them again
            JsonPath page = eastClient().urlEncodingEnabled(pages == 0).get(url)
                    .then().statusCode(200).body("total", equalTo(7))
                    .extract().jsonPath();
            seen.addAll(page.getList("entry.resource.id"));
            String next = page.getString("link.find { it.relation == 'next' }.url");
            url = next == null ? null : URI.create(next).getRawPath() + "?" + URI.create(next).getRawQuery();
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(7).doesNotHaveDuplicates();
    }

    @Test
    void summaryCountAndElements_shapeTheResult() {
        String code = "shape-" + run;
        DemoData.load(observation("obs-s-" + run, EAST_MEMBER, code, "final", "2024-01-01")).then().statusCode(200);

        eastClient().get("/fhir/Observation?code=" + code + "&_summary=count")
                .then().statusCode(200).body("total", equalTo(1)).body("entry", nullValue());
        eastClient().get("/fhir/Observation?code=" + code + "&_elements=status")
                .then().statusCode(200)
                .body("entry[0].resource.status", equalTo("final"))
                .body("entry[0].resource.code", nullValue())
                .body("entry[0].resource.meta.tag.code", hasItem("SUBSETTED"));
        eastClient().get("/fhir/Observation?code=" + code + "&_summary=true")
                .then().statusCode(200)
                .body("entry[0].resource.code.coding[0].code", equalTo(code))
                .body("entry[0].resource.meta.tag.code", hasItem("SUBSETTED"));
    }

    @Test
    void postSearch_takesFormParameters() {
        String code = "post-" + run;
        DemoData.load(observation("obs-p-" + run, EAST_MEMBER, code, "final", "2024-01-01")).then().statusCode(200);

        eastClient().contentType("application/x-www-form-urlencoded").formParam("code", code)
                .post("/fhir/Observation/_search")
                .then().statusCode(200).body("entry.resource.id", equalTo(List.of("obs-p-" + run)));
    }

    @Test
    void unsupportedParameter_is400NamingTheSupportedOnes_orIgnoredWhenLenient() {
        eastClient().get("/fhir/Observation?performer=Practitioner/1")
                .then().statusCode(400)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("not-supported"))
                .body("issue[0].diagnostics", containsString("code, date"));
        eastClient().header("Prefer", "handling=lenient").get("/fhir/Observation?performer=x&_id=none-" + run)
                .then().statusCode(200)
                .body("entry.search.mode", equalTo(List.of("outcome")))
                .body("entry[0].resource.issue[0].diagnostics", containsString("performer"))
                .body("link[0].url", not(containsString("performer")));
        eastClient().get("/fhir/Observation?code:text=x").then().statusCode(400);
    }

    @Test
    void malformedValues_are400() {
        eastClient().get("/fhir/Observation?date=yesterday").then().statusCode(400)
                .body("issue[0].diagnostics", containsString("date"));
        eastClient().get("/fhir/Observation?date=ap2024").then().statusCode(400);
        eastClient().get("/fhir/Observation?_count=-1").then().statusCode(400);
        eastClient().get("/fhir/Observation?_cursor=***").then().statusCode(400);
        eastClient().get("/fhir/Observation?code=").then().statusCode(400);
    }

    @Test
    void scopeAndType_areChecked() {
        given().auth().oauth2(TOKENS.token("east-clinic", "system/Patient.rs",
                        List.of(DemoDataset.EAST_GROUP_ID), List.of()))
                .get("/fhir/Observation").then().statusCode(403).body("issue[0].code", equalTo("forbidden"));
        eastClient().get("/fhir/Spaceship").then().statusCode(404);
        given().get("/fhir/Observation").then().statusCode(401);
    }

    @Test
    void patientSearch_listsOnlyTheClientsMembers() {
        List<String> patients = eastClient().get("/fhir/Patient?_count=1000").then().statusCode(200)
                .body("entry", not(empty())).extract().jsonPath().getList("entry.resource.id");
        assertThat(patients).contains(EAST_MEMBER).doesNotContain(WEST_MEMBER);
        assertThat(ids("/fhir/Patient?_id=" + WEST_MEMBER + "," + EAST_MEMBER)).containsExactly(EAST_MEMBER);
    }

    /** The ids of the matches, in the order served. */
    private List<String> ids(String url) {
        List<String> ids = eastClient().get(url).then().statusCode(200).extract().jsonPath()
                .getList("entry.resource.id");
        return ids == null ? List.of() : ids;
    }

    private static RequestSpecification eastClient() {
        return given().auth().oauth2(TOKENS.token("east-clinic", "system/*.rs",
                List.of(DemoDataset.EAST_GROUP_ID), List.of()));
    }

    private static String observation(String id, String patient, String code, String status, String effective) {
        return "{\"resourceType\":\"Observation\",\"id\":\"" + id + "\",\"status\":\"" + status + "\","
                + "\"code\":{\"coding\":[{\"system\":\"" + LOINC + "\",\"code\":\"" + code + "\"}]},"
                + "\"subject\":{\"reference\":\"Patient/" + patient + "\"},\"effectiveDateTime\":\"" + effective
                + "\"}\n";
    }

    private static String observationWithoutSystem(String id, String patient, String code) {
        return "{\"resourceType\":\"Observation\",\"id\":\"" + id + "\",\"status\":\"final\","
                + "\"code\":{\"coding\":[{\"code\":\"" + code + "\"}]},"
                + "\"subject\":{\"reference\":\"Patient/" + patient + "\"}}\n";
    }

    private static String encounter(String id, String patient, String start, String end) {
        return "{\"resourceType\":\"Encounter\",\"id\":\"" + id + "\",\"status\":\"finished\",\"class\":{\"system\":"
                + "\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"AMB\"},"
                + "\"subject\":{\"reference\":\"Patient/" + patient + "\"},"
                + "\"period\":{\"start\":\"" + start + "\",\"end\":\"" + end + "\"}}\n";
    }
}

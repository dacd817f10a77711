package org.openpayer.bulkexport.attribution.payerpull;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.oneOf;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.specification.RequestSpecification;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.openpayer.bulkexport.attribution.AttributionTestResource;
import org.openpayer.bulkexport.smartclient.ClientKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * What pull tests do as the payer's operators and systems: register a stub payer (our key for it in the key
 * directory), store a member, start a pull, wait for its Task, and read what the store holds for the member.
 */
public final class PullFixture {

    static final String OPERATIONS_SCOPE = "system/Task.cr";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private PullFixture() {
    }

    /** Registers the scenario's payer; returns its registry id. */
    static String registerPayer(StubScenario scenario) {
        try {
            Files.writeString(AttributionTestResource.KEY_DIRECTORY.resolve(scenario.name + ".jwk"),
                    scenario.key.privateJwk());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return admin().contentType("application/json").body(Map.of(
                        "name", "Old Plan " + scenario.name,
                        "fhirBaseUrl", scenario.fhirBase(),
                        "tokenUrl", scenario.tokenUrl(),
                        "clientId", scenario.clientId,
                        "privateKey", "file:" + scenario.name + ".jwk",
                        "identifiers", List.of("http://hl7.org/fhir/sid/us-npi|9876543210")))
                .post("/admin/remote-payers").then().statusCode(201).extract().path("id");
    }

    static StubScenario scenario(StubPayer stub, String name) {
        return stub.scenario(name, "our-client-at-" + name, ClientKey.es384("key-" + name));
    }

    /** Our member: a Patient with the demographics $member-match sends. */
    static void storeMember(String patientId) {
        AttributionTestResource.payerSystem().body("{\"resourceType\":\"Patient\",\"id\":\"" + patientId
                + "\",\"name\":[{\"family\":\"Person\","
                + "\"given\":[\"Patricia\"]}],\"gender\":\"female\",\"birthDate\":\"1974-12-25\"}")
                .put("/fhir/Patient/" + patientId).then().statusCode(oneOf(200, 201));
    }

    /** The operation's Parameters: {@code remotePayer} plus whatever {@code more} adds. */
    public static String parameters(String payerId, Consumer<Parameters> more) {
        Parameters parameters = new Parameters();
        parameters.addParameter().setName("remotePayer").setValue(new StringType(payerId));
        more.accept(parameters);
        return FHIR.newJsonParser().encodeResourceToString(parameters);
    }

    /** HRex $member-match inputs, minimal (what FHIR R4 requires): the stub payer does not look at them. */
    public static void matchInputs(Parameters parameters) {
        parameters.addParameter().setName("CoverageToMatch").setResource(coverage("DH10001235"));
        parameters.addParameter().setName("CoverageToLink").setResource(coverage("NEW-1"));
        parameters.addParameter().setName("Consent").setResource(new Consent()
                .setStatus(Consent.ConsentState.ACTIVE)
                .setScope(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/consentscope",
                        "patient-privacy", null)))
                .addCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode",
                        "IDSCL", null))));
    }

    /** A Coverage with FHIR R4's required elements but the beneficiary, which the pull sets to the member. */
    public static Coverage coverage(String subscriberId) {
        Coverage coverage = new Coverage().setStatus(Coverage.CoverageStatus.ACTIVE).setSubscriberId(subscriberId);
        coverage.addPayor().setIdentifier(new Identifier().setSystem("http://hl7.org/fhir/sid/us-npi")
                .setValue("9876543210"));
        return coverage;
    }

    static RequestSpecification operations(String clientId) {
        return given().auth().oauth2(AttributionTestResource.TOKENS.token(clientId, OPERATIONS_SCOPE, List.of(),
                List.of())).contentType("application/fhir+json");
    }

    /** Starts a pull as {@code clientId}; returns the Task's id. */
    static String startPull(String clientId, String patientId, String parameters) {
        return operations(clientId).body(parameters).post("/fhir/Patient/" + patientId + "/$payer-pull")
                .then().statusCode(201).extract().path("id");
    }

    /** Waits until the Task is completed or failed; returns it. */
    static JsonNode awaitFinished(String clientId, String taskId) {
        JsonNode[] task = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            task[0] = JSON.readTree(operations(clientId).get("/fhir/Task/" + taskId).then().statusCode(200)
                    .extract().asString());
            String status = task[0].path("status").asText();
            return status.equals("completed") || status.equals("failed");
        });
        return task[0];
    }

    /** Task.output values of one kind, as {@code type.text -> value}. */
    static Map<String, JsonNode> outputs(JsonNode task, String kind) {
        Map<String, JsonNode> values = new TreeMap<>();
        for (JsonNode output : task.path("output")) {
            if (kind.equals(output.at("/type/coding/0/code").asText())) {
                values.put(output.at("/type/text").asText(""), output);
            }
        }
        return values;
    }

    /** The current resources of a member's compartment: {@code Type/id -> content}. */
    static Map<String, JsonNode> storedFor(String patientId) throws SQLException, IOException {
        Map<String, JsonNode> stored = new TreeMap<>();
        try (Connection connection = AttributionTestResource.database();
             PreparedStatement query = connection.prepareStatement(
                "select resource_type, id, content from attribution.resource where patient_id = ? and not deleted")) {
            query.setString(1, patientId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    stored.put(row.getString(1) + "/" + row.getString(2), JSON.readTree(row.getString(3)));
                }
            }
        }
        return stored;
    }

    /** How many rows pull {@code pullId} has staged (downloaded, not yet imported). */
    static int stagedRows(String pullId) throws SQLException {
        try (Connection connection = AttributionTestResource.database();
             PreparedStatement query = connection.prepareStatement(
                     "select count(*) from attribution.payer_pull_staged where pull_id = ?::uuid")) {
            query.setString(1, pullId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** Runs SQL against the service's database (to stage what a crashed instance leaves behind). */
    static void execute(String sql, Object... values) throws SQLException {
        try (Connection connection = AttributionTestResource.database();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

    static String run() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static List<String> lines(String... lines) {
        return new ArrayList<>(List.of(lines));
    }

    static RequestSpecification admin() {
        return given().header("X-Admin-Key", AttributionTestResource.ADMIN_KEY);
    }

}

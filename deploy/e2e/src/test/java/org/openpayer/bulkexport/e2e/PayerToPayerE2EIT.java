package org.openpayer.bulkexport.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.model.route.PublicUrls;
import org.openpayer.bulkexport.smartclient.ClientKey;
import org.openpayer.bulkexport.stack.client.ClientCredentials;
import org.openpayer.bulkexport.stack.client.HttpCalls;
import org.openpayer.bulkexport.stack.client.SmartBackendClient;
import org.openpayer.bulkexport.stack.demo.DemoDataset;
import org.openpayer.bulkexport.stack.demo.DemoPayerPull;
import org.openpayer.bulkexport.stack.infra.InfraEndpoints;
import org.openpayer.bulkexport.stack.infra.Infrastructure;
import org.openpayer.bulkexport.stack.infra.ProjectLayout;
import org.openpayer.bulkexport.stack.infra.ServerKind;
import org.openpayer.bulkexport.stack.suite.Suite;
import org.openpayer.bulkexport.stack.suite.SuiteApp;
import org.openpayer.bulkexport.stack.suite.SuitePorts;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Payer-to-payer exchange between two instances of the suite on loopback, each on servers of its own: the old payer
 * (the demo payer, with its members' data) and the new payer, which pulls a member who moved to it. The new payer's
 * systems start the pull through its gateway and follow the Task; the old payer sees a SMART client matching the
 * member and exporting their data through its gateway. The member's resources must arrive intact and exactly once,
 * with a Provenance, and pulling again must duplicate nothing.
 */
class PayerToPayerE2EIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<SuiteApp> OLD_PAYER_APPS = EnumSet.of(SuiteApp.AUTH, SuiteApp.ATTRIBUTION,
            SuiteApp.EXPORT, SuiteApp.FILE, SuiteApp.GATEWAY);
    /** The new payer only pulls here: no export side. */
    private static final Set<SuiteApp> NEW_PAYER_APPS = EnumSet.of(SuiteApp.AUTH, SuiteApp.ATTRIBUTION,
            SuiteApp.GATEWAY);
    private static final String OPERATIONS_SCOPE = "system/Task.cr";
    private static final HttpCalls HTTP = new HttpCalls();

    private static Infrastructure oldServers;
    private static Infrastructure newServers;
    private static Suite oldPayer;
    private static Suite newPayer;
    private static String ourClientAtOldPayer;
    private static String remotePayerId;
    private static SmartBackendClient operations;

    @BeforeAll
    static void startTwoPayers() {
        Path work = Path.of("target", "payer-to-payer").toAbsolutePath();
        oldServers = Infrastructure.forTestsFromScratch(work.resolve("old-payer"));
        InfraEndpoints oldEndpoints = oldServers.ensure(EnumSet.allOf(ServerKind.class));
        newServers = Infrastructure.forTestsFromScratch(work.resolve("new-payer"));
        InfraEndpoints newEndpoints = newServers.ensure(EnumSet.of(ServerKind.POSTGRES, ServerKind.KAFKA));
        ClientKey ourKeyAtOldPayer = ClientKey.es384("new-payer-" + UUID.randomUUID());
        oldPayer = Suite.start(new Suite.Options(ProjectLayout.locate(), work.resolve("old-payer"), oldEndpoints,
                SuitePorts.free(), "old-admin-" + UUID.randomUUID(), false, OLD_PAYER_APPS, Map.of()));
        newPayer = Suite.start(new Suite.Options(ProjectLayout.locate(), work.resolve("new-payer"), newEndpoints,
                SuitePorts.free(), "new-admin-" + UUID.randomUUID(), false, NEW_PAYER_APPS, Map.of(
                        "PAYER_IDENTIFIERS", DemoPayerPull.NEW_PAYER,
                        "PAYER_PULL_KEY_OLD_PAYER", ourKeyAtOldPayer.privateJwk())));

        // the old payer's operators: its data, and our client there (until PDex's payertopayer export of matched
        // Groups, the Patient-level export reads the members of the Groups the client is granted)
        oldPayer.admin().loadNdjson(DemoDataset.ndjsonLines());
        ourClientAtOldPayer = oldPayer.admin().registerPayerClient("New Health Plan", ourKeyAtOldPayer,
                List.of(DemoDataset.EAST_GROUP_ID), List.of(DemoPayerPull.NEW_PAYER));

        // the new payer's operators: the old payer, and a client for their member services
        PublicUrls oldUrls = new PublicUrls(oldPayer.publicBaseUrl());
        remotePayerId = newPayer.admin().registerRemotePayer(Map.of("name", "Example Health Plan",
                "fhirBaseUrl", oldUrls.fhirBase(), "tokenUrl", oldUrls.tokenUrl(), "clientId", ourClientAtOldPayer,
                "privateKey", "env:PAYER_PULL_KEY_OLD_PAYER", "identifiers", List.of(DemoPayerPull.OLD_PAYER)));
        ClientKey operationsKey = ClientKey.es384("member-services-" + UUID.randomUUID());
        String operationsId = newPayer.admin().registerClient("Member services", operationsKey,
                List.of(OPERATIONS_SCOPE), List.of(), List.of());
        PublicUrls newUrls = new PublicUrls(newPayer.publicBaseUrl());
        operations = new SmartBackendClient(HTTP, new ClientCredentials(operationsId, newUrls.tokenUrl(),
                newUrls.fhirBase(), OPERATIONS_SCOPE, operationsKey.privateJwk()));
    }

    @AfterAll
    static void stopTwoPayers() {
        for (AutoCloseable closeable : new AutoCloseable[] {newPayer, oldPayer, newServers, oldServers}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                System.err.println("could not stop " + closeable + ": " + e);
            }
        }
    }

    @Test
    void pull_movesTheMembersRecordIntactAndOnce_withProvenance_andPullingAgainDuplicatesNothing() throws Exception {
        // given: demo member 1 of the old payer, who moved to the new payer (Patient np-001 there)
        newPayer.admin().loadNdjson(List.of(DemoPayerPull.newPayerPatient(1, "np-001")));

        // when
        JsonNode task = pull("np-001", DemoPayerPull.matchingPull(remotePayerId, 1, "np-001"));

        // then: every resource of the member's compartment there, once, as sent but for ids and references
        assertThat(task.path("status").asText()).as(task.toString()).isEqualTo("completed");
        Map<String, JsonNode> theirs = compartment(oldServers, DemoDataset.patientId(1));
        theirs.keySet().removeIf(key -> key.startsWith("Patient/"));
        Map<String, JsonNode> ours = compartment(newServers, "np-001");
        ours.keySet().removeIf(key -> key.startsWith("Patient/"));
        JsonNode provenance = removeOnly(ours, "Provenance/");
        assertThat(ours).hasSameSizeAs(theirs).hasSizeGreaterThanOrEqualTo(5);
        Map<String, String> ourIds = new HashMap<>();
        ours.forEach((key, resource) -> ourIds.put(resource.at("/meta/source").asText()
                .substring(oldPayer.fhirBaseUrl().length() + 1), key));
        assertThat(ourIds.keySet()).isEqualTo(theirs.keySet());
        theirs.forEach((key, resource) -> assertThat(withoutIdAndMeta(ours.get(ourIds.get(key))))
                .as(key).isEqualTo(withoutIdAndMeta(asSentToUs(resource, ourIds))));
        assertThat(provenance.path("target")).hasSize(ours.size());
        assertThat(provenance.at("/agent/0/who/identifier/value").asText()).isEqualTo("9876543210");
        assertThat(task.toString()).contains("\"remote-member\"").contains(DemoDataset.patientId(1));

        // when: pulled again, the member's id there now known
        JsonNode again = pull("np-001", DemoPayerPull.asParameters(DemoPayerPull.parameters(remotePayerId)));

        // then: nothing new, nothing written
        assertThat(again.path("status").asText()).as(again.toString()).isEqualTo("completed");
        assertThat(again.toString()).contains("\"unchanged\"").doesNotContain("\"imported\"");
        Map<String, JsonNode> afterwards = compartment(newServers, "np-001");
        afterwards.keySet().removeIf(key -> key.startsWith("Patient/"));
        assertThat(removeOnly(afterwards, "Provenance/")).isEqualTo(provenance);
        assertThat(afterwards).isEqualTo(ours);
    }

    @Test
    void pull_withTheMembersIdThere_skipsTheMatch_andPassesTheBulkParametersToTheOldPayer() throws Exception {
        // given
        newPayer.admin().loadNdjson(List.of(DemoPayerPull.newPayerPatient(2, "np-002")));
        ArrayNode parameters = DemoPayerPull.parameters(remotePayerId)
                .add(parameter("remoteMemberId", DemoDataset.patientId(2)))
                .add(parameter("_type", "Observation,Condition"))
                .add(parameter("_typeFilter", "Observation?category=laboratory"));

        // when
        JsonNode task = pull("np-002", DemoPayerPull.asParameters(parameters));

        // then
        assertThat(task.path("status").asText()).as(task.toString()).isEqualTo("completed");
        assertThat(compartment(newServers, "np-002").keySet()).allSatisfy(key -> assertThat(key)
                .matches("(Patient|Provenance|Observation|Condition)/.*")).anyMatch(key -> key.startsWith(
                        "Observation/"));
        assertThat(lastExportOfOurClient()).isEqualTo(Map.of("resource_types", "Observation,Condition",
                "type_filter_parameter", "Observation?category=laboratory", "patients", DemoDataset.patientId(2)));
    }

    @Test
    void pull_ofSomeoneTheOldPayerDoesNotKnow_failsWithItsNoMatchAnswer() throws Exception {
        // given: member 3's demographics with another person's card
        newPayer.admin().loadNdjson(List.of(DemoPayerPull.newPayerPatient(3, "np-003")));
        String parameters = DemoPayerPull.matchingPull(remotePayerId, 3, "np-003")
                .replace("EH0000003", "EH9999999");

        // when
        JsonNode task = pull("np-003", parameters);

        // then
        assertThat(task.path("status").asText()).as(task.toString()).isEqualTo("failed");
        assertThat(task.at("/statusReason/coding/0/code").asText()).isEqualTo("member-match");
        assertThat(task.at("/statusReason/text").asText()).contains("HTTP 422").contains("No member matches");
        assertThat(compartment(newServers, "np-003").keySet()).containsExactly("Patient/np-003");
    }

    /** Starts a pull through the new payer's gateway and follows its Task there until it ends. */
    private static JsonNode pull(String patientId, String parameters) throws Exception {
        HttpResponse<String> started = HTTP.post(newPayer.fhirBaseUrl() + "/Patient/" + patientId + "/$payer-pull",
                "application/fhir+json", parameters, Map.of("Authorization", "Bearer " + operations.accessToken()));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        String taskUrl = started.headers().firstValue("Location").orElseThrow();
        assertThat(taskUrl).startsWith(newPayer.fhirBaseUrl() + "/Task/");
        JsonNode[] task = new JsonNode[1];
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
            task[0] = HttpCalls.json(HTTP.get(taskUrl, Map.of("Authorization", "Bearer " + operations.accessToken(),
                    "Accept", "application/fhir+json")));
            return Set.of("completed", "failed").contains(task[0].path("status").asText());
        });
        return task[0];
    }

    /** A member's current resources in one payer's store: {@code Type/id -> resource}. */
    private static Map<String, JsonNode> compartment(Infrastructure servers, String patientId) throws Exception {
        InfraEndpoints endpoints = servers.endpoints();
        Map<String, JsonNode> resources = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.dbUsername(),
                endpoints.dbPassword());
             PreparedStatement query = connection.prepareStatement("select resource_type, id, content from "
                     + "attribution.resource where patient_id = ? and not deleted")) {
            query.setString(1, patientId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    resources.put(row.getString(1) + "/" + row.getString(2), JSON.readTree(row.getString(3)));
                }
            }
        }
        return resources;
    }

    /** What the old payer recorded of the last export our client kicked off there. */
    private static Map<String, String> lastExportOfOurClient() throws Exception {
        InfraEndpoints endpoints = oldServers.endpoints();
        try (Connection connection = DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.dbUsername(),
                endpoints.dbPassword());
             PreparedStatement query = connection.prepareStatement("select resource_types, type_filter_parameter, "
                     + "array_to_string(patients, ',') from export.export_job where client_id = ? "
                     + "order by created_at desc limit 1")) {
            query.setString(1, ourClientAtOldPayer);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                return Map.of("resource_types", row.getString(1), "type_filter_parameter", row.getString(2),
                        "patients", row.getString(3));
            }
        }
    }

    /**
     * A resource of the old payer as the new payer must store it: the member is our Patient, resources that came
     * along are our copies, and anything else there is named by its absolute URL on the old payer's server.
     */
    private static JsonNode asSentToUs(JsonNode theirs, Map<String, String> ourIds) {
        String member = "Patient/" + DemoDataset.patientId(1);
        return withReferences(theirs.deepCopy(), reference -> reference.equals(member) ? "Patient/np-001"
                : ourIds.getOrDefault(reference, oldPayer.fhirBaseUrl() + "/" + reference));
    }

    private static JsonNode withReferences(JsonNode node, UnaryOperator<String> rewrite) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if ("reference".equals(field.getKey()) && field.getValue().isTextual()) {
                    field.setValue(TextNode.valueOf(rewrite.apply(field.getValue().asText())));
                } else {
                    withReferences(field.getValue(), rewrite);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> withReferences(element, rewrite));
        }
        return node;
    }

    private static JsonNode withoutIdAndMeta(JsonNode resource) {
        ObjectNode copy = resource.deepCopy();
        copy.remove(List.of("id", "meta"));
        return copy;
    }

    private static JsonNode removeOnly(Map<String, JsonNode> resources, String prefix) {
        List<String> keys = resources.keySet().stream().filter(key -> key.startsWith(prefix)).toList();
        assertThat(keys).hasSize(1);
        return resources.remove(keys.get(0));
    }

    private static ObjectNode parameter(String name, String value) {
        return JSON.createObjectNode().put("name", name).put("valueString", value);
    }
}

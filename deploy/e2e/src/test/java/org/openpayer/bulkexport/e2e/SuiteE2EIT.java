package org.openpayer.bulkexport.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.jose4j.jwx.JsonWebStructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.model.fhir.IdentifierSystem;
import org.openpayer.bulkexport.model.route.PublicUrls;
import org.openpayer.bulkexport.stack.client.BulkDataClient;
import org.openpayer.bulkexport.smartclient.ClientAssertion;
import org.openpayer.bulkexport.stack.client.ClientCredentials;
import org.openpayer.bulkexport.smartclient.ClientKey;
import org.openpayer.bulkexport.stack.client.HttpCalls;
import org.openpayer.bulkexport.stack.client.SmartBackendClient;
import org.openpayer.bulkexport.stack.demo.DemoClient;
import org.openpayer.bulkexport.stack.demo.DemoDataset;
import org.openpayer.bulkexport.stack.infra.InfraEndpoints;
import org.openpayer.bulkexport.stack.infra.Infrastructure;
import org.openpayer.bulkexport.stack.infra.ProjectLayout;
import org.openpayer.bulkexport.stack.infra.ServerKind;
import org.openpayer.bulkexport.stack.suite.Suite;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The whole suite as a provider's system sees it: the packaged services and a second export worker as separate
 * processes, behind the gateway, on real PostgreSQL, Kafka and S3. The demo payer data is loaded through the operator
 * API; everything else goes through the one public base URL, with real SMART tokens.
 */
class SuiteE2EIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EAST_NPI = IdentifierSystem.NPI.uri() + "|" + DemoDataset.EAST.npi();

    private static Infrastructure infrastructure;
    private static Suite suite;
    private static ClientCredentials eastClient;
    private static ClientCredentials westClient;
    private static final HttpCalls HTTP = new HttpCalls();

    @BeforeAll
    static void startSuite() throws Exception {
        Path workDir = Path.of("target", "e2e").toAbsolutePath();
        infrastructure = Infrastructure.forTests(workDir);
        InfraEndpoints endpoints = infrastructure.ensure(EnumSet.allOf(ServerKind.class));
        suite = Suite.start(new Suite.Options(ProjectLayout.locate(), workDir, endpoints, SuitePorts.free(),
                "e2e-admin-" + UUID.randomUUID(), false));
        awaitTwoExportWorkers(endpoints.kafkaBootstrapServers());
        suite.admin().loadNdjson(DemoDataset.ndjsonLines());
        PublicUrls urls = new PublicUrls(suite.publicBaseUrl());
        eastClient = DemoClient.register(suite.admin(), urls, DemoDataset.EAST);
        westClient = DemoClient.register(suite.admin(), urls, DemoDataset.WEST);
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
    }

    @Test
    void groupExport_throughTheGateway_deliversTheGroupsMembersDataOnce() throws Exception {
        // given
        BulkDataClient bulk = bulkClient(eastClient);
        JsonNode smart = HttpCalls.json(HTTP.get(suite.publicBaseUrl() + "/.well-known/smart-configuration", Map.of()));
        assertThat(smart.path("token_endpoint").asText()).isEqualTo(eastClient.tokenUrl());

        // when
        JsonNode groups = bulk.searchGroups(IdentifierSystem.NPI.uri(), DemoDataset.EAST.npi());
        String statusUrl = bulk.kickOffGroupExport(groups.at("/entry/0/resource/id").asText(), "");
        JsonNode manifest = bulk.awaitManifest(statusUrl, Duration.ofMinutes(3), progress -> { });

        // then
        assertThat(groups.path("total").asInt()).isEqualTo(1);
        assertThat(statusUrl).startsWith(suite.fhirBaseUrl() + "/bulkstatus/");
        assertThat(manifest.path("requiresAccessToken").asBoolean()).isTrue();
        assertThat(manifest.path("error").isArray()).isTrue();
        assertThat(manifest.path("error")).isEmpty();
        Map<String, Integer> downloaded = new HashMap<>();
        Set<String> fileTypes = new HashSet<>();
        for (JsonNode output : manifest.path("output")) {
            String type = output.path("type").asText();
            assertThat(fileTypes.add(type)).as("one file per type at the default batch size").isTrue();
            assertThat(output.path("url").asText()).startsWith(suite.publicBaseUrl() + "/files/");
            List<String> lines = bulk.download(output.path("url").asText());
            assertThat(lines).hasSize(output.path("count").asInt());
            for (String line : lines) {
                JsonNode resource = JSON.readTree(line);
                assertThat(resource.path("resourceType").asText()).isEqualTo(type);
                assertThat(resource.at("/meta/versionId").asText()).isNotEmpty();
            }
            downloaded.put(type, lines.size());
        }
        assertThat(downloaded).isEqualTo(expectedEastCounts());
    }

    @Test
    void exportWork_isSharedByBothWorkerInstances() throws Exception {
        // given
        BulkDataClient bulk = bulkClient(eastClient);

        // when
        String statusUrl = bulk.kickOffGroupExport(DemoDataset.EAST_GROUP_ID, "");
        bulk.awaitManifest(statusUrl, Duration.ofMinutes(3), progress -> { });

        // then: 24 tasks keyed over 12 partitions, half of them each instance's
        String jobId = statusUrl.substring(statusUrl.lastIndexOf('/') + 1);
        assertThat(workersOf(jobId)).containsExactlyInAnyOrder("export-service", "export-worker-2");
    }

    @Test
    void anotherProvidersClient_seesNoneOfTheGroupJobOrFiles() {
        // given: an export the east client owns
        BulkDataClient east = bulkClient(eastClient);
        String statusUrl = east.kickOffGroupExport(DemoDataset.EAST_GROUP_ID, "_type=Patient");
        JsonNode manifest = east.awaitManifest(statusUrl, Duration.ofMinutes(3), progress -> { });
        String fileUrl = manifest.at("/output/0/url").asText();
        BulkDataClient west = bulkClient(westClient);

        // then
        assertOperationOutcome(west.get(suite.fhirBaseUrl() + "/Group/" + DemoDataset.EAST_GROUP_ID), 404);
        assertOperationOutcome(west.get(suite.fhirBaseUrl() + "/Group/" + DemoDataset.EAST_GROUP_ID + "/$export"), 404);
        assertOperationOutcome(west.get(statusUrl), 404);
        assertOperationOutcome(west.get(fileUrl), 404);
        assertOperationOutcome(west.get(suite.fhirBaseUrl() + "/Patient/" + DemoDataset.patientId(1)), 404);
        assertThat(east.get(suite.fhirBaseUrl() + "/Patient/" + DemoDataset.patientId(1)).statusCode()).isEqualTo(200);
        assertThat(west.searchGroups(IdentifierSystem.NPI.uri(), DemoDataset.EAST.npi()).path("total").asInt())
                .isZero();
    }

    @Test
    void requestsWithoutToken_are401WithBearerChallenge() {
        for (String url : List.of(
                suite.fhirBaseUrl() + "/Group/" + DemoDataset.EAST_GROUP_ID,
                suite.fhirBaseUrl() + "/Group/" + DemoDataset.EAST_GROUP_ID + "/$export",
                suite.fhirBaseUrl() + "/bulkstatus/" + UUID.randomUUID(),
                suite.publicBaseUrl() + "/files/" + UUID.randomUUID() + "/x.Patient.ndjson")) {
            HttpResponse<String> response = HTTP.get(url, Map.of());
            assertOperationOutcome(response, 401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    challenge -> assertThat(challenge).startsWith("Bearer"));
        }
    }

    @Test
    void capabilityStatement_isPublicThroughTheGateway() {
        HttpResponse<String> response = HTTP.get(suite.fhirBaseUrl() + "/metadata", Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(HttpCalls.json(response).path("resourceType").asText()).isEqualTo("CapabilityStatement");
    }

    @Test
    void badKickOffParameter_is400OperationOutcome() {
        HttpResponse<String> response = bulkClient(eastClient).get(
                suite.fhirBaseUrl() + "/Group/" + DemoDataset.EAST_GROUP_ID + "/$export?_outputFormat=text%2Fcsv");

        assertOperationOutcome(response, 400);
    }

    @Test
    void tokenEndpoint_refusesBadRequestsWithOAuthJson() {
        SmartBackendClient auth = new SmartBackendClient(HTTP, eastClient);
        String wrongAudience = ClientAssertion.of(eastClient.key(), eastClient.clientId(), eastClient.fhirBaseUrl())
                .sign();

        HttpResponse<String> badGrant = HTTP.postForm(eastClient.tokenUrl(), Map.of("grant_type", "password"));
        HttpResponse<String> badAssertion = auth.requestToken(wrongAudience, DemoClient.SCOPE);

        assertThat(badGrant.statusCode()).isEqualTo(400);
        assertThat(HttpCalls.json(badGrant).path("error").asText()).isEqualTo("unsupported_grant_type");
        assertThat(badAssertion.statusCode()).isEqualTo(401);
        assertThat(HttpCalls.json(badAssertion).path("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void v1AndV2Scopes_giveEqualAccessToKickOffStatusAndFiles() {
        // given: the same client asking in SMART v1 syntax and in v2 syntax
        ClientCredentials v1 = withScope(eastClient, "system/*.read");
        ClientCredentials v2 = withScope(eastClient, "system/*.rs");
        HttpResponse<String> v1Token = new SmartBackendClient(HTTP, v1).requestToken(
                ClientAssertion.of(v1.key(), v1.clientId(), v1.tokenUrl()).sign(), v1.scope());

        // when
        Map<String, Integer> v1Counts = exportedCounts(bulkClient(v1), "_type=Patient,Coverage");
        Map<String, Integer> v2Counts = exportedCounts(bulkClient(v2), "_type=Patient,Coverage");

        // then
        assertThat(HttpCalls.json(v1Token).path("scope").asText()).isEqualTo("system/*.read");
        assertThat(v1Counts).isEqualTo(v2Counts).containsOnlyKeys("Patient", "Coverage");
    }

    @Test
    void tokenWithoutReadPermission_isRefusedWith403() {
        // given: a client allowed only to create, update and delete Patients, on the east Group
        ClientKey key = ClientKey.es384("cud-" + UUID.randomUUID());
        String clientId = suite.admin().registerClient("Write-only clinic", key, List.of("system/Patient.cud"),
                List.of(DemoDataset.EAST_GROUP_ID), List.of());
        BulkDataClient writeOnly = bulkClient(new ClientCredentials(clientId, eastClient.tokenUrl(),
                eastClient.fhirBaseUrl(), "system/Patient.cud", key.privateJwk()));

        // then
        String group = suite.fhirBaseUrl() + "/Group/" + DemoDataset.EAST_GROUP_ID;
        assertOperationOutcome(writeOnly.get(group + "/$export"), 403);
        assertOperationOutcome(writeOnly.get(group + "/$export?_type=Patient"), 403);
        assertOperationOutcome(writeOnly.get(group), 403);
    }

    @Test
    void signingKeyRotation_tokensOfTheNewKeyAreAcceptedByEveryService() throws Exception {
        // given
        String newKid = suite.admin().rotateSigningKey(true);

        // when: a fresh token, signed with the new key
        BulkDataClient bulk = bulkClient(eastClient);
        String token = new SmartBackendClient(HTTP, eastClient).accessToken();

        // then: each service fetches the new key on the first token naming it
        assertThat(JsonWebStructure.fromCompactSerialization(token).getKeyIdHeaderValue()).isEqualTo(newKid);
        assertThat(bulk.get(suite.fhirBaseUrl() + "/Group/" + DemoDataset.EAST_GROUP_ID).statusCode())
                .isEqualTo(200);
        assertOperationOutcome(bulk.get(suite.fhirBaseUrl() + "/bulkstatus/" + UUID.randomUUID()), 404);
        assertOperationOutcome(bulk.get(suite.publicBaseUrl() + "/files/" + UUID.randomUUID() + "/x.Patient.ndjson"),
                404);
    }

    @Test
    void adminApis_areNotReachableThroughTheGateway() {
        assertOperationOutcome(HTTP.get(suite.publicBaseUrl() + "/admin/clients", Map.of()), 404);
    }

    private static ClientCredentials withScope(ClientCredentials credentials, String scope) {
        return new ClientCredentials(credentials.clientId(), credentials.tokenUrl(), credentials.fhirBaseUrl(), scope,
                credentials.privateJwk());
    }

    private static Map<String, Integer> exportedCounts(BulkDataClient bulk, String query) {
        String statusUrl = bulk.kickOffGroupExport(DemoDataset.EAST_GROUP_ID, query);
        JsonNode manifest = bulk.awaitManifest(statusUrl, Duration.ofMinutes(3), progress -> { });
        Map<String, Integer> counts = new HashMap<>();
        for (JsonNode output : manifest.path("output")) {
            counts.merge(output.path("type").asText(), bulk.download(output.path("url").asText()).size(),
                    Integer::sum);
        }
        return counts;
    }

    private static BulkDataClient bulkClient(ClientCredentials credentials) {
        return new BulkDataClient(HTTP, new SmartBackendClient(HTTP, credentials));
    }

    /** What the east Group's export must hold: every compartment resource of members 1..50 in the demo data. */
    private static Map<String, Integer> expectedEastCounts() throws Exception {
        Set<String> members = new HashSet<>();
        for (int member = 1; member <= DemoDataset.EAST_MEMBERS; member++) {
            members.add("Patient/" + DemoDataset.patientId(member));
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String line : DemoDataset.ndjsonLines()) {
            JsonNode resource = JSON.readTree(line);
            String type = resource.path("resourceType").asText();
            String owner = switch (type) {
                case "Patient" -> "Patient/" + resource.path("id").asText();
                case "Coverage" -> resource.at("/beneficiary/reference").asText();
                case "ExplanationOfBenefit" -> resource.at("/patient/reference").asText();
                default -> resource.at("/subject/reference").asText();
            };
            if (members.contains(owner)) {
                counts.merge(type, 1, Integer::sum);
            }
        }
        return counts;
    }

    private static Set<String> workersOf(String jobId) throws Exception {
        InfraEndpoints endpoints = infrastructure.endpoints();
        Set<String> workers = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(
                endpoints.jdbcUrl(), endpoints.dbUsername(), endpoints.dbPassword());
             PreparedStatement statement = connection.prepareStatement(
                     "select distinct worker_id from export.export_task where job_id = ?::uuid")) {
            statement.setString(1, jobId);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    workers.add(result.getString(1));
                }
            }
        }
        return workers;
    }

    /** Both export instances must own task partitions before the tests, or one could take all the work. */
    private static void awaitTwoExportWorkers(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("export-workers"))
                        .describedGroups().get("export-workers").get(10, TimeUnit.SECONDS);
                return group.members().size() == 2 && group.members().stream()
                        .allMatch(member -> !member.assignment().topicPartitions().isEmpty());
            });
        }
    }

    private static void assertOperationOutcome(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as("%s %s", response.request().method(), response.request().uri())
                .isEqualTo(status);
        assertThat(HttpCalls.json(response).path("resourceType").asText()).isEqualTo("OperationOutcome");
    }
}

package org.openpayer.bulkexport.attribution.payerpull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpayer.bulkexport.attribution.payerpull.PullFixture.awaitFinished;
import static org.openpayer.bulkexport.attribution.payerpull.PullFixture.matchInputs;
import static org.openpayer.bulkexport.attribution.payerpull.PullFixture.outputs;
import static org.openpayer.bulkexport.attribution.payerpull.PullFixture.parameters;
import static org.openpayer.bulkexport.attribution.payerpull.PullFixture.startPull;
import static org.openpayer.bulkexport.attribution.payerpull.PullFixture.storedFor;
import static org.openpayer.bulkexport.attribution.payerpull.RemoteRecords.MEMBER;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openpayer.bulkexport.attribution.AttributionTestResource;

import java.util.Map;
import java.util.UUID;

/**
 * Pulls that succeed, against a stub payer on loopback (a real HTTP server): the member's data imported with our ids,
 * references rewritten and a Provenance; the Bulk parameters passed through; a second pull that finds nothing new and
 * writes nothing; deletions at the old payer; and a pull resumed after its instance died. Failures are in
 * {@link PayerPullFailuresIT}, access rules in {@link PayerPullAccessIT}.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(AttributionTestResource.class)
class PayerPullIT {

    @RegisterExtension
    static final StubPayer stub = new StubPayer();
    private final String run = PullFixture.run();
    private final String client = "payer-ops-" + run;
    private final String member = "np-" + run;

    @Test
    void pull_withMemberMatch_importsTheMembersDataWithOurIdsAndProvenance() throws Exception {
        // given
        StubScenario old = RemoteRecords.withMemberRecord(PullFixture.scenario(stub, "match-" + run));
        String payer = PullFixture.registerPayer(old);
        PullFixture.storeMember(member);

        // when
        String taskId = startPull(client, member, parameters(payer, PullFixture::matchInputs));
        JsonNode task = awaitFinished(client, taskId);

        // then: the Task
        assertThat(task.path("status").asText()).as(task.toString()).isEqualTo("completed");
        assertThat(task.at("/for/reference").asText()).isEqualTo("Patient/" + member);
        assertThat(outputs(task, "imported").keySet()).containsExactly("Condition", "Coverage", "Observation");
        assertThat(outputs(task, "skipped").keySet()).hasSize(2).anySatisfy(reason -> assertThat(reason)
                .startsWith("Patient:")).anySatisfy(reason -> assertThat(reason).startsWith("Consent:"));
        assertThat(outputs(task, "remote-member").get("").at("/valueReference/reference").asText())
                .isEqualTo(old.fhirBase() + "/Patient/" + MEMBER);
        assertThat(outputs(task, "member-identifier").get("").at("/valueIdentifier/value").asText())
                .isEqualTo("M-" + MEMBER);
        String provenanceId = outputs(task, "provenance").get("").at("/valueReference/reference").asText();

        // then: the store
        Map<String, JsonNode> stored = storedFor(member);
        assertThat(stored.keySet()).hasSize(5).contains("Patient/" + member, provenanceId);
        JsonNode observation = only(stored, "Observation/p2p-");
        assertThat(observation.at("/subject/reference").asText()).isEqualTo("Patient/" + member);
        assertThat(observation.at("/performer/0/reference").asText()).isEqualTo(old.fhirBase() + "/Practitioner/dr-1");
        assertThat(observation.at("/valueQuantity/value").asDouble()).isEqualTo(6.1);
        assertThat(observation.at("/meta/source").asText()).isEqualTo(old.fhirBase() + "/Observation/obs-1");
        assertThat(observation.at("/meta/profile/0").asText()).endsWith("us-core-observation-lab");
        assertThat(observation.at("/meta/versionId").asText()).isEqualTo("1");
        JsonNode coverage = only(stored, "Coverage/p2p-");
        assertThat(coverage.at("/beneficiary/reference").asText()).isEqualTo("Patient/" + member);
        assertThat(coverage.at("/payor/0/reference").asText()).isEqualTo(old.fhirBase() + "/Organization/old-plan");
        JsonNode provenance = stored.get(provenanceId);
        assertThat(provenance.path("target")).hasSize(3);
        assertThat(provenance.at("/agent/0/who/identifier/value").asText()).isEqualTo("9876543210");
        assertThat(provenance.at("/agent/0/type/coding/0/code").asText()).isEqualTo("transmitter");
        assertThat(provenance.at("/entity/0/what/reference").asText()).isEqualTo(old.fhirBase() + "/Patient/" + MEMBER);

        // then: what the old payer was asked
        assertThat(old.requestsTo("/token")).hasSize(1);
        assertThat(old.requestsTo("/Patient/$member-match")).singleElement().satisfies(match ->
                assertThat(match.body()).contains("\"name\":\"MemberPatient\"").contains("\"id\":\"" + member + "\"")
                        .contains("\"beneficiary\":{\"reference\":\"Patient/" + member + "\"}"));
        assertThat(old.requestsTo("/Patient/$export")).singleElement().satisfies(kickOff ->
                assertThat(kickOff.body()).contains("{\"name\":\"patient\",\"valueReference\":{\"reference\":"
                        + "\"Patient/" + MEMBER + "\"}}"));
        assertThat(old.requests).anySatisfy(request -> assertThat(request.method()).isEqualTo("DELETE"));
    }

    @Test
    void pull_again_skipsTheMatch_writesNothingUnchanged_andStoresWhatChanged() throws Exception {
        // given: a first pull, then the old payer's Observation changes
        StubScenario old = RemoteRecords.withMemberRecord(PullFixture.scenario(stub, "again-" + run));
        String payer = PullFixture.registerPayer(old);
        PullFixture.storeMember(member);
        awaitFinished(client, startPull(client, member, parameters(payer, PullFixture::matchInputs)));
        Map<String, JsonNode> first = storedFor(member);
        old.files.put("Observation", PullFixture.lines(RemoteRecords.observation("obs-1", MEMBER, "7.4")));

        // when: the same member pulled again, without match inputs
        JsonNode task = awaitFinished(client, startPull(client, member, parameters(payer, none -> { })));

        // then
        assertThat(task.path("status").asText()).as(task.toString()).isEqualTo("completed");
        assertThat(old.requestsTo("/Patient/$member-match")).hasSize(1);
        assertThat(outputs(task, "imported").keySet()).containsExactly("Observation");
        assertThat(outputs(task, "unchanged").keySet()).containsExactly("Condition", "Coverage");
        Map<String, JsonNode> second = storedFor(member);
        assertThat(second).hasSize(first.size() + 1);
        assertThat(only(second, "Observation/p2p-").at("/meta/versionId").asText()).isEqualTo("2");
        assertThat(only(second, "Coverage/p2p-")).isEqualTo(only(first, "Coverage/p2p-"));
    }

    @Test
    void pull_withRemoteMemberId_skipsTheMatch_andPassesTheBulkParametersThrough() {
        // given
        StubScenario old = PullFixture.scenario(stub, "params-" + run)
                .file("Observation", RemoteRecords.observation("obs-9", "r-9", "5.0"));
        String payer = PullFixture.registerPayer(old);
        PullFixture.storeMember(member);

        // when
        JsonNode task = awaitFinished(client, startPull(client, member, parameters(payer, parameters -> {
            parameters.addParameter().setName("remoteMemberId").setValue(new StringType("r-9"));
            parameters.addParameter().setName("_type").setValue(new StringType("Observation,Condition"));
            parameters.addParameter().setName("_since").setValue(new InstantType("2026-01-01T00:00:00Z"));
            parameters.addParameter().setName("_typeFilter").setValue(
                    new StringType("Observation?category=laboratory"));
            parameters.addParameter().setName("_typeFilter").setValue(new StringType("Condition?code=44054006"));
        })));

        // then
        assertThat(task.path("status").asText()).as(task.toString()).isEqualTo("completed");
        assertThat(old.requestsTo("/Patient/$member-match")).isEmpty();
        assertThat(old.requestsTo("/Patient/$export")).singleElement().satisfies(kickOff -> assertThat(kickOff.body())
                .contains("\"valueReference\":{\"reference\":\"Patient/r-9\"}")
                .contains("{\"name\":\"_type\",\"valueString\":\"Observation,Condition\"}")
                .contains("{\"name\":\"_since\",\"valueInstant\":\"2026-01-01T00:00:00Z\"}")
                .contains("{\"name\":\"_typeFilter\",\"valueString\":\"Observation?category=laboratory\"}")
                .contains("{\"name\":\"_typeFilter\",\"valueString\":\"Condition?code=44054006\"}"));
        assertThat(outputs(task, "imported").keySet()).containsExactly("Observation");
    }

    @Test
    void pull_withDeletionsThere_deletesWhatAnEarlierPullImported() throws Exception {
        // given
        StubScenario old = RemoteRecords.withMemberRecord(PullFixture.scenario(stub, "deleted-" + run));
        String payer = PullFixture.registerPayer(old);
        PullFixture.storeMember(member);
        awaitFinished(client, startPull(client, member, parameters(payer, PullFixture::matchInputs)));
        old.files.clear();
        old.deletedLines.add(RemoteRecords.deletion("Condition", "cond-1"));
        old.deletedLines.add(RemoteRecords.deletion("Condition", "never-imported"));

        // when
        JsonNode task = awaitFinished(client, startPull(client, member, parameters(payer, none -> { })));

        // then
        assertThat(task.path("status").asText()).as(task.toString()).isEqualTo("completed");
        assertThat(outputs(task, "deleted")).containsOnlyKeys("Condition");
        assertThat(outputs(task, "deleted").get("Condition").path("valueUnsignedInt").asInt()).isEqualTo(1);
        assertThat(storedFor(member).keySet()).noneMatch(key -> key.startsWith("Condition/"));
    }

    @Test
    void pull_whoseInstanceDiedMidExport_isResumedByPollingTheSameExport() throws Exception {
        // given: a pull an instance claimed, matched and kicked off, then died (its lease ran out)
        StubScenario old = RemoteRecords.withMemberRecord(PullFixture.scenario(stub, "resume-" + run));
        String payer = PullFixture.registerPayer(old);
        PullFixture.storeMember(member);
        UUID pullId = UUID.randomUUID();
        PullFixture.execute("""
                insert into attribution.payer_pull (id, client_id, patient_id, remote_payer_id, request, status, step,
                  remote_patient_id, export_status_url, attempts, claimed_by, lease_until, created_at, started_at,
                  updated_at)
                values (?, ?, ?, ?::uuid, '{"remoteMemberId":null,"match":null,"bulk":{"typeFilters":[]}}',
                  'in-progress', 'export', ?, ?, 1, 'a-dead-instance', clock_timestamp() - interval '1 minute',
                  clock_timestamp(), clock_timestamp(), clock_timestamp())""",
                pullId, client, member, payer, MEMBER, old.fhirBase() + "/status/1");

        // when
        JsonNode task = awaitFinished(client, pullId.toString());

        // then
        assertThat(task.path("status").asText()).as(task.toString()).isEqualTo("completed");
        assertThat(old.requestsTo("/Patient/$member-match")).isEmpty();
        assertThat(old.requestsTo("/Patient/$export")).isEmpty();
        assertThat(outputs(task, "imported").keySet()).containsExactly("Condition", "Coverage", "Observation");
    }

    private static JsonNode only(Map<String, JsonNode> stored, String prefix) {
        return stored.entrySet().stream().filter(entry -> entry.getKey().startsWith(prefix)).map(Map.Entry::getValue)
                .reduce((a, b) -> {
                    throw new AssertionError("more than one " + prefix);
                }).orElseThrow(() -> new AssertionError("no " + prefix + " in " + stored.keySet()));
    }
}

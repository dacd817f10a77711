package org.openpayer.bulkexport.attribution.payerpull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpayer.bulkexport.attribution.payerpull.PullFixture.awaitFinished;
import static org.openpayer.bulkexport.attribution.payerpull.PullFixture.parameters;
import static org.openpayer.bulkexport.attribution.payerpull.PullFixture.startPull;
import static org.openpayer.bulkexport.attribution.payerpull.PullFixture.storedFor;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openpayer.bulkexport.attribution.AttributionTestResource;

import java.util.function.Consumer;

/**
 * Pulls that cannot complete end the Task failed, with the step and a reason naming what the old payer answered, and
 * leave nothing in the store and nothing staged: a refused token, no match (422), a failing or silent
 * {@code $member-match} (5xx, no answer within the request timeout), a failing export service (5xx at kick-off or
 * while polling), an export that does not finish in time, a file that fails after others arrived, and files holding a
 * resource we cannot store or another patient's data.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(AttributionTestResource.class)
class PayerPullFailuresIT {

    @RegisterExtension
    static final StubPayer stub = new StubPayer();
    private final String run = PullFixture.run();
    private final String client = "payer-ops-" + run;
    private final String member = "np-" + run;

    @Test
    void pull_tokenRefused_failsAtTheTokenStep() throws Exception {
        JsonNode task = pull("token", old -> old.tokenStatus = 401);

        assertFailed(task, "token", "HTTP 401: invalid_client (client disabled)");
    }

    @Test
    void pull_noMatchThere_failsAtTheMatchStepWithTheOldPayersReason() throws Exception {
        JsonNode task = pull("nomatch", old -> old.matchStatus = 422);

        assertFailed(task, "member-match", "No unique member at the old payer: $member-match answered HTTP 422: "
                + "No member matches MemberPatient and CoverageToMatch.");
    }

    @Test
    void pull_memberMatchFailingThere_failsAtTheMatchStepWithTheOldPayersReason() throws Exception {
        JsonNode task = pull("match500", old -> old.matchStatus = 500);

        assertFailed(task, "member-match", "answered HTTP 500: The member service failed.");
    }

    @Test
    void pull_memberMatchNeverAnswering_failsAtTheMatchStepAfterTheRequestTimeout() throws Exception {
        JsonNode task = pull("silent", old -> old.matchHangs = true);

        assertFailed(task, "member-match", "the old payer did not answer within 3 s");
    }

    @Test
    void pull_exportServiceDown_failsAtTheExportStep() throws Exception {
        JsonNode task = pull("down", old -> old.kickOffStatus = 503);

        assertFailed(task, "export", "HTTP 503: The export service is down.");
    }

    @Test
    void pull_exportStatusFailingWhilePolled_failsAtTheExportStep() throws Exception {
        JsonNode task = pull("poll500", old -> old.pollStatus = 500);

        assertFailed(task, "export", "answered HTTP 500: The export job store failed.");
    }

    @Test
    void pull_fileFailingAfterOthersArrived_importsNothingAndKeepsNothingStaged() throws Exception {
        JsonNode task = pull("file500", old -> old.failingFiles.add("Condition"));

        assertFailed(task, "download", "answered HTTP 500: The file store failed.");
    }

    @Test
    void pull_exportNeverFinishing_failsAtThePullsTimeLimit() throws Exception {
        JsonNode task = pull("slow", old -> old.pollsBeforeDone = -1);

        assertFailed(task, "export", "did not finish within its time limit");
    }

    @Test
    void pull_fileWithAResourceWeCannotStore_importsNothing() throws Exception {
        JsonNode task = pull("invalid", old -> old.file("Condition",
                "{\"resourceType\":\"Condition\",\"id\":\"c-2\",\"code\":{\"text\":\"no subject\"}}"));

        assertFailed(task, "import", "Condition/c-2 from the old payer cannot be stored: required elements are "
                + "missing: Condition.subject");
    }

    @Test
    void pull_fileWithAnotherPatientsData_importsNothing() throws Exception {
        JsonNode task = pull("stranger", old -> old.file("Observation",
                RemoteRecords.observation("obs-x", "someone-else", "9.9")));

        assertFailed(task, "import", "Observation/obs-x from the old payer belongs to another patient");
    }

    /** A pull with match inputs from a stub whose member record {@code change} alters. */
    private JsonNode pull(String name, Consumer<StubScenario> change) {
        StubScenario old = RemoteRecords.withMemberRecord(PullFixture.scenario(stub, name + "-" + run));
        change.accept(old);
        String payer = PullFixture.registerPayer(old);
        PullFixture.storeMember(member);
        return awaitFinished(client, startPull(client, member, parameters(payer, PullFixture::matchInputs)));
    }

    private void assertFailed(JsonNode task, String step, String reason) throws Exception {
        assertThat(task.path("status").asText()).as(task.toString()).isEqualTo("failed");
        assertThat(task.at("/statusReason/coding/0/code").asText()).isEqualTo(step);
        assertThat(task.at("/statusReason/text").asText()).contains(reason);
        assertThat(storedFor(member).keySet()).containsExactly("Patient/" + member);
        assertThat(PullFixture.outputs(task, "imported")).isEmpty();
        assertThat(PullFixture.stagedRows(task.path("id").asText())).isZero();
    }
}

package org.openpayer.bulkexport.export.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpayer.bulkexport.export.ExportTestClient.awaitManifest;
import static org.openpayer.bulkexport.export.ExportTestClient.kickOff;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.export.ExportJobFixture;
import org.openpayer.bulkexport.export.ExportTestResource;
import org.openpayer.bulkexport.export.MemberDataFixture;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Workers are shared between jobs: a job has at most {@code export.max-queued-tasks-per-job} tasks on the work queue,
 * so a small export started after a large one finishes long before it rather than queueing behind all its tasks.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(ExportTestResource.class)
class FairSharingIT {

    @Test
    void smallExportAfterALargeOne_finishesFirst_andNoJobQueuesMoreThanItsShare() throws Exception {
        String large = ExportTestResource.TOKENS.token("large-exporter", "system/*.rs",
                List.of(MemberDataFixture.GROUP, MemberDataFixture.OTHER_GROUP), List.of());
        String small = ExportTestResource.TOKENS.token("small-exporter", "system/*.rs",
                List.of(MemberDataFixture.GROUP), List.of());

        // Every patient type for three patients, one patient per task: some seventy tasks.
        String largeStatus = kickOff(large, "/fhir/Patient/$export", "");
        UUID largeJob = jobId(largeStatus);
        AtomicInteger mostQueued = new AtomicInteger();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> mostQueued.accumulateAndGet(
                ExportJobFixture.tasks(largeJob, "PLANNED"), Math::max), 0, 10, TimeUnit.MILLISECONDS);
        try {
            String smallStatus = kickOff(small, "/fhir/Group/" + MemberDataFixture.GROUP + "/$export",
                    "_type=Patient");
            awaitManifest(small, smallStatus);
            Instant smallDone = ExportJobFixture.completedAt(jobId(smallStatus));
            awaitManifest(large, largeStatus);

            int largeTasks = ExportJobFixture.tasks(largeJob, "COMPLETED");
            assertThat(largeTasks).as("the large job's tasks").isGreaterThan(40);
            assertThat(ExportJobFixture.completedAt(largeJob)).isAfter(smallDone);
            assertThat(ExportJobFixture.tasksCompletedBy(largeJob, smallDone))
                    .as("large job's tasks done when the small one completed").isLessThan(largeTasks / 2);
        } finally {
            sampler.shutdownNow();
        }
        assertThat(mostQueued.get()).as("most tasks of the large job queued at once")
                .isBetween(1, ExportTestResource.MAX_QUEUED_TASKS_PER_JOB);
    }

    private static UUID jobId(String statusUrl) {
        return UUID.fromString(statusUrl.substring(statusUrl.lastIndexOf('/') + 1));
    }
}

package org.openpayer.bulkexport.attribution.payerpull.task;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PullStatusTest {

    @Test
    void transitions_finishedPullsNeverChange_andOnlyRunningOnesComplete() {
        assertThat(PullStatus.IN_PROGRESS.from()).containsExactlyInAnyOrder(PullStatus.REQUESTED,
                PullStatus.IN_PROGRESS);
        assertThat(PullStatus.COMPLETED.from()).containsExactly(PullStatus.IN_PROGRESS);
        assertThat(PullStatus.FAILED.from()).doesNotContain(PullStatus.COMPLETED, PullStatus.FAILED);
        assertThat(PullStatus.COMPLETED.sqlFrom()).isEqualTo("status in ('in-progress')");
    }

    @Test
    void codes_areFhirTaskStatusCodes() {
        for (PullStatus status : PullStatus.values()) {
            assertThat(org.hl7.fhir.r4.model.Task.TaskStatus.fromCode(status.code())).isNotNull();
            assertThat(PullStatus.byCode(status.code())).isEqualTo(status);
        }
    }
}

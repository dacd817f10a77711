package org.openpayer.bulkexport.export.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JobStatusTest {

    @Test
    void runningJob_canFinishEitherWayOrBeCancelled() {
        assertThat(JobStatus.IN_PROGRESS.canMoveTo(JobStatus.COMPLETED)).isTrue();
        assertThat(JobStatus.IN_PROGRESS.canMoveTo(JobStatus.FAILED)).isTrue();
        assertThat(JobStatus.IN_PROGRESS.canMoveTo(JobStatus.CANCELLED)).isTrue();
        assertThat(JobStatus.IN_PROGRESS.canMoveTo(JobStatus.ACCEPTED)).isFalse();
    }

    @Test
    void finishedJob_canOnlyBeDiscarded() {
        assertThat(JobStatus.COMPLETED.canMoveTo(JobStatus.IN_PROGRESS)).isFalse();
        assertThat(JobStatus.COMPLETED.canMoveTo(JobStatus.FAILED)).isFalse();
        assertThat(JobStatus.FAILED.canMoveTo(JobStatus.COMPLETED)).isFalse();
        assertThat(JobStatus.COMPLETED.canMoveTo(JobStatus.CANCELLED)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(JobStatus.class)
    void cancelledJob_isFinal(JobStatus target) {
        assertThat(JobStatus.CANCELLED.canMoveTo(target)).isFalse();
    }

    @Test
    void isRunning_onlyBeforeTheJobFinishes() {
        assertThat(JobStatus.ACCEPTED.isRunning()).isTrue();
        assertThat(JobStatus.IN_PROGRESS.isRunning()).isTrue();
        assertThat(JobStatus.COMPLETED.isRunning()).isFalse();
        assertThat(JobStatus.CANCELLED.isRunning()).isFalse();
    }
}

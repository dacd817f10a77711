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
    void finishedJob_canOnlyBeDiscardedOrExpire() {
        assertThat(JobStatus.COMPLETED.canMoveTo(JobStatus.IN_PROGRESS)).isFalse();
        assertThat(JobStatus.COMPLETED.canMoveTo(JobStatus.FAILED)).isFalse();
        assertThat(JobStatus.FAILED.canMoveTo(JobStatus.COMPLETED)).isFalse();
        assertThat(JobStatus.COMPLETED.canMoveTo(JobStatus.CANCELLED)).isTrue();
        assertThat(JobStatus.FAILED.canMoveTo(JobStatus.EXPIRED)).isTrue();
        assertThat(JobStatus.IN_PROGRESS.canMoveTo(JobStatus.EXPIRED)).as("files of a running job are not purged")
                .isFalse();
    }

    @ParameterizedTest
    @EnumSource(JobStatus.class)
    void cancelledOrExpiredJob_isFinalAndGone(JobStatus target) {
        assertThat(JobStatus.CANCELLED.canMoveTo(target)).isFalse();
        assertThat(JobStatus.EXPIRED.canMoveTo(target)).isFalse();
        assertThat(JobStatus.CANCELLED.isGone()).isTrue();
        assertThat(JobStatus.EXPIRED.isGone()).isTrue();
    }

    @Test
    void isRunning_onlyBeforeTheJobFinishes() {
        assertThat(JobStatus.ACCEPTED.isRunning()).isTrue();
        assertThat(JobStatus.IN_PROGRESS.isRunning()).isTrue();
        assertThat(JobStatus.COMPLETED.isRunning()).isFalse();
        assertThat(JobStatus.CANCELLED.isRunning()).isFalse();
    }
}

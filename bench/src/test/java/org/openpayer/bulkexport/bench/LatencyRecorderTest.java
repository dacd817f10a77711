package org.openpayer.bulkexport.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    @Test
    void summary_afterRecordingInAnyOrder_summarizesEverySlot() {
        // given
        LatencyRecorder recorder = new LatencyRecorder(4);

        // when
        recorder.record(3, 40);
        recorder.record(0, 10);
        recorder.record(2, 30);
        recorder.record(1, 20);

        // then
        assertThat(recorder.summary()).isEqualTo(new LatencySummary(20, 40, 40, 40));
    }
}

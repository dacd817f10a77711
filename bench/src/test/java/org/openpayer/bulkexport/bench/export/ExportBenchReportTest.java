package org.openpayer.bulkexport.bench.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.List;

/** Download rounds are reported by their median round. */
class ExportBenchReportTest {

    @Test
    void median_oddRounds_isTheMiddleTime() {
        List<RawLimit.Transfer> rounds = List.of(transfer(3.0), transfer(1.0), transfer(2.0), transfer(9.0),
                transfer(1.5));

        assertThat(ExportBenchReport.median(rounds).seconds()).isEqualTo(2.0);
    }

    @Test
    void median_evenRounds_isTheLowerMiddleTime() {
        List<RawLimit.Transfer> rounds = List.of(transfer(4.0), transfer(1.0), transfer(3.0), transfer(2.0));

        assertThat(ExportBenchReport.median(rounds).seconds()).isEqualTo(2.0);
    }

    private static RawLimit.Transfer transfer(double seconds) {
        return new RawLimit.Transfer(100, 596_000_000L, seconds);
    }
}

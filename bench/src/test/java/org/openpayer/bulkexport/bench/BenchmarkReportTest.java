package org.openpayer.bulkexport.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

class BenchmarkReportTest {

    private static final MachineFacts MACHINE = new MachineFacts(2, "17.0.15 (OpenJDK)", "Linux 6.1 amd64");

    @Test
    void markdown_oneRun_rendersARowInMillisecondsAndTheSettings() {
        // given 1000 tokens in 2 s
        RunResult run = new RunResult("ES384", 1000, 0, Duration.ofSeconds(2),
                new LatencySummary(1_500_000, 3_000_000, 4_250_000, 12_000_000), List.of());

        // when
        String report = BenchmarkReport.markdown(List.of(run), BenchOptions.defaults(), MACHINE);

        // then
        assertThat(report)
                .contains("| ES384 | 1000 | 0 | 2.00 | 500.0 | 1.50 | 3.00 | 4.25 | 12.00 |")
                .contains("2 cores", "Java 17.0.15 (OpenJDK)", "Linux 6.1 amd64")
                .contains("16 concurrent", "`-Xmx384m -XX:+UseSerialGC`")
                .doesNotContain("error:");
    }

    @Test
    void markdown_runWithErrors_countsOnlyIssuedTokensAndListsTheSamples() {
        // given
        RunResult run = new RunResult("RS384", 100, 10, Duration.ofSeconds(1),
                new LatencySummary(1_000_000, 1_000_000, 1_000_000, 1_000_000), List.of("HTTP 401: expired"));

        // when
        String report = BenchmarkReport.markdown(List.of(run), BenchOptions.defaults(), MACHINE);

        // then
        assertThat(report).contains("| RS384 | 100 | 10 | 1.00 | 90.0 |").contains("- RS384 error: HTTP 401: expired");
    }
}

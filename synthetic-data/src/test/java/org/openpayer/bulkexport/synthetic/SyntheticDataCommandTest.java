package org.openpayer.bulkexport.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

class SyntheticDataCommandTest {

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void run_smallDataset_writesOneFilePerTypeAndPrintsCounts() throws IOException {
        // when
        int status = run("--members", "30", "--groups", "2", "--organizations", "2", "--practitioners", "4",
                "--seed", "7", "--out", directory.toString());

        // then
        assertThat(status).as(text(err)).isZero();
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(file -> file.getFileName().toString())).hasSize(15)
                    .contains("Patient.ndjson", "Group.ndjson", "ExplanationOfBenefit.ndjson");
        }
        assertThat(Files.readAllLines(directory.resolve("Patient.ndjson"))).hasSize(30);
        assertThat(text(out)).containsPattern("Patient +30").containsPattern("Group +2")
                .contains("total", "seed 7", directory.toAbsolutePath().toString());
    }

    @Test
    void run_singleFile_everythingInResourcesNdjson() throws IOException {
        // when
        int status = run("--members", "10", "--groups", "1", "--organizations", "1", "--practitioners", "1",
                "--claims-per-member", "1", "--clinical-per-member", "2", "--out", directory.toString(),
                "--single-file");

        // then
        assertThat(status).as(text(err)).isZero();
        assertThat(Files.readAllLines(directory.resolve("resources.ndjson"))).hasSize(1 + 2 + 2 + 10 * 5 + 1);
    }

    @Test
    void run_dryRun_countsWithoutWriting() {
        // when
        int status = run("--members", "5", "--groups", "1", "--dry-run");

        // then
        assertThat(status).isZero();
        assertThat(text(out)).containsPattern("Patient +5").contains("counted only, nothing written");
    }

    @Test
    void run_withoutOut_usageError() {
        assertThat(run("--members", "5")).isEqualTo(2);
        assertThat(text(err)).contains("--out DIR is required").contains("Usage:");
    }

    @Test
    void run_unknownOption_usageError() {
        assertThat(run("--patients", "5", "--out", directory.toString())).isEqualTo(2);
        assertThat(text(err)).contains("unknown option --patients");
    }

    @Test
    void run_invalidSpec_usageErrorWithTheSpecsMessage() {
        assertThat(run("--members", "0", "--dry-run")).isEqualTo(2);
        assertThat(text(err)).contains("members must be at least 1, but was 0");
    }

    @Test
    void run_notANumber_usageError() {
        assertThat(run("--seed", "abc", "--dry-run")).isEqualTo(2);
        assertThat(text(err)).contains("--seed needs a whole number, not abc");
    }

    @Test
    void run_optionWithoutValue_usageError() {
        assertThat(run("--dry-run", "--members")).isEqualTo(2);
        assertThat(text(err)).contains("--members needs a value");
    }

    @Test
    void run_help_printsUsage() {
        assertThat(run("--help")).isZero();
        assertThat(text(out)).startsWith("Usage: synthetic-data");
    }

    private int run(String... args) {
        return SyntheticDataCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}

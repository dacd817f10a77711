package org.openpayer.bulkexport.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The generator streams: a separate JVM with a 16 MB heap generates 20,000 members, hundreds of megabytes of JSON,
 * and one Group listing all of them (a single line of about 11 MB, more than the heap could buffer as a string).
 * Nothing here measures time; the run either fits in the heap or fails with OutOfMemoryError.
 */
class StreamingMemoryTest {

    private static final Pattern JSON_MEGABYTES = Pattern.compile("([0-9.]+) MB of JSON");

    @Test
    void dryRun_twentyThousandMembersInOneGroup_fitsInSixteenMegabytesOfHeap() throws Exception {
        // given
        ProcessBuilder command = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx16m", "-XX:+UseSerialGC",
                "-cp", location(SyntheticDataCommand.class) + File.pathSeparator + location(JsonFactory.class),
                SyntheticDataCommand.class.getName(),
                "--members", "20000", "--groups", "1", "--claims-per-member", "2", "--clinical-per-member", "8",
                "--dry-run")
                .redirectErrorStream(true);

        // when
        Process process = command.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);

        // then
        assertThat(finished).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).containsPattern("Patient +20,000").containsPattern("Group +1\\b")
                .containsPattern("total +240,442");
        Matcher megabytes = JSON_MEGABYTES.matcher(output);
        assertThat(megabytes.find()).as(output).isTrue();
        assertThat(Double.parseDouble(megabytes.group(1))).isGreaterThan(16 * 10);
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}

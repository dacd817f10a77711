package org.openpayer.bulkexport.stack.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** An S3-compatible server: s3proxy over the filesystem, run from the native-s3 module's classpath. */
final class NativeS3 {

    private NativeS3() {
    }

    static ManagedProcess start(ProjectLayout layout, Path workDir, int port, boolean detached) {
        Path config = workDir.resolve("s3proxy.properties");
        Path dataDir = workDir.resolve("s3-data");
        try {
            Files.createDirectories(dataDir);
            Files.writeString(config, String.join("\n",
                    "s3proxy.endpoint=" + endpoint(port),
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + InfraEndpoints.S3_ACCESS_KEY,
                    "s3proxy.credential=" + InfraEndpoints.S3_SECRET_KEY,
                    "jclouds.provider=filesystem",
                    "jclouds.filesystem.basedir=" + dataDir,
                    ""));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + config, e);
        }
        ManagedProcess process = ManagedProcess.start("s3",
                JavaCommand.withHeap("192m").mainClass(layout.serverClasspath("s3"), "org.gaul.s3proxy.Main",
                        "--properties", config.toString()),
                Map.of(), workDir.resolve("logs/s3.log"), detached);
        process.awaitReady(Duration.ofSeconds(60), () -> FreePort.isListening(port));
        return process;
    }

    static String endpoint(int port) {
        return "http://127.0.0.1:" + port;
    }
}

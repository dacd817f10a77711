package org.openpayer.bulkexport.stack.infra;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

/** PostgreSQL 17 from Maven-fetched binaries, run by the native-postgres module's wrapper as a child JVM. */
final class NativePostgres {

    static final String DATABASE = "payer";
    static final String USER = "postgres";

    private NativePostgres() {
    }

    static ManagedProcess start(ProjectLayout layout, Path workDir, int port, boolean detached) {
        ManagedProcess process = ManagedProcess.start("postgres",
                JavaCommand.withHeap("192m").mainClass(layout.serverClasspath("postgres"),
                        "org.openpayer.bulkexport.servers.postgres.PostgresServerMain",
                        String.valueOf(port), workDir.resolve("postgres-data").toString(), DATABASE),
                Map.of(), workDir.resolve("logs/postgres.log"), detached);
        process.awaitReady(Duration.ofSeconds(90), () -> canConnect(jdbcUrl(port)));
        return process;
    }

    static String jdbcUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    private static boolean canConnect(String jdbcUrl) {
        try (Connection ignored = DriverManager.getConnection(jdbcUrl, USER, "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}

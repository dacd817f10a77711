package org.openpayer.bulkexport.stack.infra;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The same three servers as Testcontainers, for machines with a Docker engine. Images are pinned to the versions the
 * native servers run, so both paths test against the same major versions.
 */
final class ContainerServers {

    private ContainerServers() {
    }

    /**
     * Asks Testcontainers only when a Docker endpoint is configured at all: without one its probing costs seconds
     * and logs errors on every test run of a Docker-less machine.
     */
    static boolean dockerAvailable() {
        boolean endpointConfigured = System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"));
        return endpointConfigured && DockerClientFactory.instance().isDockerAvailable();
    }

    static PostgreSQLContainer postgres() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine")
                .withDatabaseName(NativePostgres.DATABASE)
                .withUsername(NativePostgres.USER)
                .withPassword("postgres");
        container.start();
        return container;
    }

    static KafkaContainer kafka() {
        KafkaContainer container = new KafkaContainer("apache/kafka:4.1.1")
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        container.start();
        KafkaTopics.createAll(container.getBootstrapServers());
        return container;
    }

    static MinIOContainer s3() {
        MinIOContainer container = new MinIOContainer("minio/minio:RELEASE.2025-09-07T16-13-09Z")
                .withUserName(InfraEndpoints.S3_ACCESS_KEY)
                .withPassword(InfraEndpoints.S3_SECRET_KEY);
        container.start();
        return container;
    }

    static AutoCloseable stopper(GenericContainer<?> container) {
        return container::stop;
    }
}

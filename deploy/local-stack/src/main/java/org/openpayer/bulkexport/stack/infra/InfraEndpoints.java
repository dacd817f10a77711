package org.openpayer.bulkexport.stack.infra;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to reach the running servers, and the one mapping from them to the services' configuration: as environment
 * variables for processes the local stack starts, and as Quarkus properties for {@code @QuarkusIntegrationTest}s.
 * A server that was not started leaves its fields {@code null} and its settings out.
 */
public record InfraEndpoints(
        String jdbcUrl,
        String dbUsername,
        String dbPassword,
        String kafkaBootstrapServers,
        String s3Endpoint,
        String s3AccessKey,
        String s3SecretKey) {

    public static final String S3_ACCESS_KEY = "local-access-key";
    public static final String S3_SECRET_KEY = "local-secret-key-0123456789";

    /** Environment variables read by every service's application.properties. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        putIfSet(env, "DB_URL", jdbcUrl);
        putIfSet(env, "DB_USERNAME", dbUsername);
        putIfSet(env, "DB_PASSWORD", dbPassword);
        putIfSet(env, "KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
        putIfSet(env, "S3_ENDPOINT", s3Endpoint);
        putIfSet(env, "S3_ACCESS_KEY", s3AccessKey);
        putIfSet(env, "S3_SECRET_KEY", s3SecretKey);
        return env;
    }

    /** The same settings as Quarkus configuration keys, which override the properties files in tests. */
    public Map<String, String> quarkusConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        putIfSet(config, "quarkus.datasource.jdbc.url", jdbcUrl);
        putIfSet(config, "quarkus.datasource.username", dbUsername);
        putIfSet(config, "quarkus.datasource.password", dbPassword);
        putIfSet(config, "kafka.bootstrap.servers", kafkaBootstrapServers);
        putIfSet(config, "storage.s3.endpoint", s3Endpoint);
        putIfSet(config, "storage.s3.access-key", s3AccessKey);
        putIfSet(config, "storage.s3.secret-key", s3SecretKey);
        return config;
    }

    private static void putIfSet(Map<String, String> target, String key, String value) {
        if (value != null) {
            target.put(key, value);
        }
    }
}

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
        return settings(true);
    }

    /** The same settings as Quarkus configuration keys, which override the properties files in tests. */
    public Map<String, String> quarkusConfig() {
        return settings(false);
    }

    private Map<String, String> settings(boolean asEnvironment) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (Setting setting : Setting.values()) {
            String value = setting.valueOf(this);
            if (value != null) {
                settings.put(asEnvironment ? setting.environmentVariable : setting.configKey, value);
            }
        }
        return settings;
    }

    /** Each server setting under its environment variable and its configuration key: the one mapping of both. */
    private enum Setting {
        DB_URL("DB_URL", "quarkus.datasource.jdbc.url"),
        DB_USERNAME("DB_USERNAME", "quarkus.datasource.username"),
        DB_PASSWORD("DB_PASSWORD", "quarkus.datasource.password"),
        KAFKA("KAFKA_BOOTSTRAP_SERVERS", "kafka.bootstrap.servers"),
        S3_ENDPOINT("S3_ENDPOINT", "storage.s3.endpoint"),
        S3_ACCESS_KEY("S3_ACCESS_KEY", "storage.s3.access-key"),
        S3_SECRET_KEY("S3_SECRET_KEY", "storage.s3.secret-key");

        private final String environmentVariable;
        private final String configKey;

        Setting(String environmentVariable, String configKey) {
            this.environmentVariable = environmentVariable;
            this.configKey = configKey;
        }

        String valueOf(InfraEndpoints endpoints) {
            return switch (this) {
                case DB_URL -> endpoints.jdbcUrl();
                case DB_USERNAME -> endpoints.dbUsername();
                case DB_PASSWORD -> endpoints.dbPassword();
                case KAFKA -> endpoints.kafkaBootstrapServers();
                case S3_ENDPOINT -> endpoints.s3Endpoint();
                case S3_ACCESS_KEY -> endpoints.s3AccessKey();
                case S3_SECRET_KEY -> endpoints.s3SecretKey();
            };
        }
    }
}

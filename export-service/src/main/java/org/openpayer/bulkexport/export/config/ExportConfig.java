package org.openpayer.bulkexport.export.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Settings of export-service; each comes from an environment variable with a local default. */
@ConfigMapping(prefix = "export")
public interface ExportConfig {

    /** Patients per task: bounds the work and the memory of one task, and how finely a job spreads over workers. */
    @WithDefault("1000")
    int patientBatchSize();

    /** Names this instance in task events; defaults to host name and process id. */
    Optional<String> workerId();

    /** What a running job's status answers in {@code Retry-After}; Bulk Data clients poll at this pace. */
    @WithDefault("PT2S")
    Duration retryAfter();

    /** How long files of a finished job stay downloadable; the manifest's {@code Expires}. */
    @WithDefault("P1D")
    Duration fileRetention();

    /** Object storage behaviour. */
    Storage storage();

    interface Storage {
        /** Create the bucket at start-up when missing (local stacks); production buckets are provisioned. */
        @WithDefault("false")
        boolean createBucket();
    }
}

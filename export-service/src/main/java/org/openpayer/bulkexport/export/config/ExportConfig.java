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

    /** How long files of a finished job stay downloadable; the manifest's {@code Expires}. Then they are purged. */
    @WithDefault("P1D")
    Duration fileRetention();

    /** Status requests of one running job closer together than this are answered 429. */
    @WithDefault("PT1S")
    Duration minPollInterval();

    /** Jobs one client may have running at once; one more kick-off is answered 429. */
    @WithDefault("5")
    int maxRunningJobsPerClient();

    /** A task unreported this long is published again, the wait doubling with each attempt. */
    @WithDefault("PT15M")
    Duration taskTimeout();

    /** How often a task is published again before its job fails. */
    @WithDefault("3")
    int taskRetries();

    /** A job still running this long after kick-off fails: no job runs forever. */
    @WithDefault("PT12H")
    Duration jobTimeout();

    /** How often the supervisor looks for stuck tasks, overdue jobs and expired files. */
    @WithDefault("PT30S")
    Duration supervisorInterval();

    /** A file is rolled over to the next before this many bytes (at a line boundary; a longer line goes out whole). */
    @WithDefault("104857600")
    long fileMaxBytes();

    /** A file is rolled over to the next at this many resources. */
    @WithDefault("50000")
    long fileMaxResources();

    /** Store files gzipped; file-service sends them as they are to clients that accept gzip, inflated to others. */
    @WithDefault("false")
    boolean gzipFiles();

    /**
     * Tasks one instance runs at once. A task mostly waits on the database and the object store, so a few at once keep
     * the cores busy on small tasks; each holds one upload part (5 MB) and one member-data connection.
     */
    @WithDefault("4")
    int workerConcurrency();

    /**
     * Tasks of one job published and unfinished at a time; its other tasks wait their turn, so jobs share the workers
     * (see {@code TaskWindow}). Set it to at least the workers' total concurrency (instances times
     * {@link #workerConcurrency()}), or a lone job cannot use them all.
     */
    @WithDefault("32")
    int maxQueuedTasksPerJob();

    /** Object storage behaviour. */
    Storage storage();

    interface Storage {
        /** Create the bucket at start-up when missing (local stacks); production buckets are provisioned. */
        @WithDefault("false")
        boolean createBucket();
    }
}

package org.openpayer.bulkexport.model.storage;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of export files and their keys in object storage: {@code {jobId}-{seq}.{ResourceType}.ndjson} under
 * {@code exports/{jobId}/}. Names are deterministic in (job, sequence, type), so a task that is redelivered overwrites
 * its own files instead of adding copies. Workers write under these keys and file-service reads them, so both call
 * this class and nothing else builds a key.
 */
public final class ExportFileNames {

    private static final String PREFIX = "exports/";
    private static final String JOB_ID = "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})";
    private static final Pattern FILE_NAME =
            Pattern.compile(JOB_ID + "-(\\d{1,9})\\.([A-Z][A-Za-z]{1,63})\\.ndjson");

    private ExportFileNames() {
    }

    /**
     * @param seq a number unique within the job for this type's files, from 1
     */
    public static String fileName(UUID jobId, int seq, String resourceType) {
        if (seq < 1) {
            throw new IllegalArgumentException("file sequence numbers start at 1");
        }
        String name = jobId + "-" + seq + "." + resourceType + ".ndjson";
        if (!FILE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a FHIR resource type: " + resourceType);
        }
        return name;
    }

    public static String objectKey(UUID jobId, String fileName) {
        return jobPrefix(jobId) + fileName;
    }

    /** The key prefix under which every file of a job is stored, for listing or purging them together. */
    public static String jobPrefix(UUID jobId) {
        return PREFIX + jobId + "/";
    }

    /**
     * Reads a job id a client sent back in a status or file URL; anything that is not a UUID is empty, so callers
     * answer it like an unknown job.
     */
    public static Optional<UUID> parseJobId(String jobId) {
        try {
            return Optional.of(UUID.fromString(jobId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Reads a file name a client sent back. Anything that is not exactly a name this class made is empty, which keeps
     * path tricks ({@code ../}, other jobs' prefixes) away from storage.
     */
    public static Optional<ExportFile> parse(UUID jobId, String fileName) {
        Matcher matcher = FILE_NAME.matcher(fileName);
        if (!matcher.matches() || !matcher.group(1).equals(jobId.toString())) {
            return Optional.empty();
        }
        return Optional.of(new ExportFile(jobId, Integer.parseInt(matcher.group(2)), matcher.group(3)));
    }

    /** A parsed export file name. */
    public record ExportFile(UUID jobId, int seq, String resourceType) {

        public String objectKey() {
            return ExportFileNames.objectKey(jobId, fileName(jobId, seq, resourceType));
        }
    }
}

package org.openpayer.bulkexport.model.storage;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of export files and their keys in object storage, under {@code exports/{jobId}/}:
 * <ul>
 *   <li>{@code {jobId}-{seq}-{part}.{ResourceType}.ndjson}: output;</li>
 *   <li>{@code {jobId}-{seq}-{part}.{ResourceType}.deleted.ndjson}: deleted resources of that type;</li>
 *   <li>{@code {jobId}-{seq}-{part}.OperationOutcome.ndjson}: errors ({@code seq} 0 for the job's own).</li>
 * </ul>
 * {@code seq} is the task that wrote the file and {@code part} counts the files a task rolled over to, from 1. Names
 * are deterministic in (job, task, part, kind, type), so a redelivered task overwrites its own files instead of adding
 * copies. Workers write under these keys and file-service reads them, so both call this class and nothing else builds
 * a key.
 */
public final class ExportFileNames {

    /** The resource type of every error file. */
    public static final String ERROR_TYPE = "OperationOutcome";

    private static final String PREFIX = "exports/";
    private static final String DELETED_SUFFIX = ".deleted";
    private static final String JOB_ID = "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})";
    private static final Pattern FILE_NAME =
            Pattern.compile(JOB_ID + "-(\\d{1,9})-(\\d{1,6})\\.([A-Z][A-Za-z]{1,63})(\\.deleted)?\\.ndjson");

    private ExportFileNames() {
    }

    /**
     * @param seq  the task that writes the file, from 1; 0 for the job's own error file
     * @param part the file's number among its task's files of this kind, from 1
     */
    public static String fileName(UUID jobId, int seq, int part, ExportFileKind kind, String resourceType) {
        return new ExportFile(jobId, seq, part, kind, resourceType).fileName();
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
        String type = matcher.group(4);
        boolean deleted = matcher.group(5) != null;
        ExportFileKind kind = deleted ? ExportFileKind.DELETED
                : ERROR_TYPE.equals(type) ? ExportFileKind.ERROR : ExportFileKind.OUTPUT;
        try {
            return Optional.of(new ExportFile(jobId, Integer.parseInt(matcher.group(2)),
                    Integer.parseInt(matcher.group(3)), kind, type));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * One export file, by what its name says.
     *
     * @param resourceType the type of its resources, of the resources its deletions name, or {@link #ERROR_TYPE}
     */
    public record ExportFile(UUID jobId, int seq, int part, ExportFileKind kind, String resourceType) {

        public ExportFile {
            if (seq < 0 || seq == 0 && kind != ExportFileKind.ERROR) {
                throw new IllegalArgumentException("task numbers start at 1; 0 names the job's own error file");
            }
            if (part < 1) {
                throw new IllegalArgumentException("part numbers start at 1");
            }
            if (kind == ExportFileKind.ERROR != ERROR_TYPE.equals(resourceType)) {
                throw new IllegalArgumentException("error files, and only they, hold " + ERROR_TYPE);
            }
        }

        public String fileName() {
            String name = jobId + "-" + seq + "-" + part + "." + resourceType
                    + (kind == ExportFileKind.DELETED ? DELETED_SUFFIX : "") + ".ndjson";
            if (!FILE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a FHIR resource type: " + resourceType);
            }
            return name;
        }

        public String objectKey() {
            return ExportFileNames.objectKey(jobId, fileName());
        }
    }
}

package org.openpayer.bulkexport.model.storage;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * User-metadata keys every export file carries in object storage. The owning client is written onto the object by
 * the worker that stores it, so file-service authorizes a download from the object alone, without reading
 * export-service's tables.
 */
public final class ExportObjectMetadata {

    /** The SMART client id that started the export; only this client may download the file. */
    public static final String CLIENT_ID = "client-id";
    public static final String JOB_ID = "job-id";
    /**
     * The resource type the file is about: the type of its resources ({@link ExportFileKind#OUTPUT}), of the deleted
     * resources its Bundles list ({@link ExportFileKind#DELETED}), or {@code OperationOutcome} for an error file. A
     * download needs read access to it, except for error files.
     */
    public static final String RESOURCE_TYPE = "resource-type";
    /** The {@link ExportFileKind#wireName()} of the file. */
    public static final String FILE_KIND = "file-kind";
    /**
     * {@value #GZIP} when the stored bytes are the NDJSON gzipped; absent when they are the NDJSON itself. The URL is
     * the same either way: file-service sends the gzip to clients that accept it and inflates it for others.
     */
    public static final String CONTENT_CODING = "content-coding";
    public static final String GZIP = "gzip";

    private ExportObjectMetadata() {
    }

    /** The metadata of one file, as the services that write export files record it. */
    public static Map<String, String> of(String clientId, UUID jobId, ExportFileKind kind, String resourceType,
                                         boolean gzipped) {
        Map<String, String> metadata = new HashMap<>();
        metadata.put(CLIENT_ID, clientId);
        metadata.put(JOB_ID, jobId.toString());
        metadata.put(FILE_KIND, kind.wireName());
        metadata.put(RESOURCE_TYPE, resourceType);
        if (gzipped) {
            metadata.put(CONTENT_CODING, GZIP);
        }
        return Map.copyOf(metadata);
    }
}

package org.openpayer.bulkexport.model.storage;

/**
 * User-metadata keys every export file carries in object storage. The owning client is written onto the object by
 * the worker that stores it, so file-service authorizes a download from the object alone, without reading
 * export-service's tables.
 */
public final class ExportObjectMetadata {

    /** The SMART client id that started the export; only this client may download the file. */
    public static final String CLIENT_ID = "client-id";
    public static final String JOB_ID = "job-id";
    /** The one resource type in the file: a download also needs read access to it. */
    public static final String RESOURCE_TYPE = "resource-type";

    private ExportObjectMetadata() {
    }
}

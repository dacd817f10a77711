package org.openpayer.bulkexport.model.storage;

import java.util.Arrays;
import java.util.Optional;

/**
 * Which list of the Bulk Data manifest a file belongs to. Written onto every object as
 * {@link ExportObjectMetadata#FILE_KIND}, so file-service can authorize a download from the object alone.
 */
public enum ExportFileKind {
    /** Resources of one type: the manifest's {@code output}. Downloading needs read access to the type. */
    OUTPUT("output"),
    /**
     * OperationOutcomes about the export itself (ignored parameters, Patients it could not include): the manifest's
     * {@code error}. The job's owner may always read them; they carry no member data.
     */
    ERROR("error"),
    /**
     * Bundles of DELETE entries for resources of one type deleted after {@code _since}: the manifest's
     * {@code deleted}. Downloading needs read access to the deleted type.
     */
    DELETED("deleted");

    private final String wireName;

    ExportFileKind(String wireName) {
        this.wireName = wireName;
    }

    /** The value written as object metadata and used as the manifest key. */
    public String wireName() {
        return wireName;
    }

    public static Optional<ExportFileKind> byWireName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.wireName.equals(name)).findFirst();
    }
}

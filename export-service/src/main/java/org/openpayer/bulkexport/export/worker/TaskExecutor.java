package org.openpayer.bulkexport.export.worker;

import io.agroal.api.AgroalDataSource;
import io.minio.errors.MinioException;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.openpayer.bulkexport.export.config.ExportConfig;
import org.openpayer.bulkexport.export.storage.ExportStorage;
import org.openpayer.bulkexport.model.event.ExportTaskPlanned;
import org.openpayer.bulkexport.model.event.WrittenFile;
import org.openpayer.bulkexport.model.fhir.ResourceType;
import org.openpayer.bulkexport.model.storage.ExportFileKind;
import org.openpayer.bulkexport.model.storage.ExportFileNames;
import org.openpayer.bulkexport.model.storage.ExportObjectMetadata;
import org.openpayer.bulkexport.search.CriterionParser;
import org.openpayer.bulkexport.search.SearchParameterCatalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Runs one export task: streams the task's resources from the member data into NDJSON objects, rolled over to a new
 * file by size and count, gzipped on the way when so configured, then (with {@code _since}) its deletions. Keys
 * depend only on the task and the part, so running a task twice replaces its files rather than adding any. Each file
 * records its owner, kind, type and coding as object metadata, which is all file-service needs to serve it.
 */
@ApplicationScoped
public class TaskExecutor {

    private final AgroalDataSource memberData;
    private final ExportStorage storage;
    private final ElementsProjection elements;
    private final CriterionParser filterParser;
    private final long fileMaxBytes;
    private final long fileMaxResources;
    private final boolean gzipFiles;

    public TaskExecutor(@DataSource("memberdata") AgroalDataSource memberData, ExportStorage storage,
                        ElementsProjection elements, SearchParameterCatalog searchParameters, ExportConfig config) {
        this.fileMaxBytes = config.fileMaxBytes();
        this.fileMaxResources = config.fileMaxResources();
        this.gzipFiles = config.gzipFiles();
        this.filterParser = new CriterionParser(searchParameters);
        this.memberData = memberData;
        this.storage = storage;
        this.elements = elements;
    }

    /** @return the file written, or none when the task matched no resources */
    public List<WrittenFile> run(ExportTaskPlanned task) throws SQLException, MinioException {
        try (Connection connection = memberData.getConnection()) {
            connection.setAutoCommit(false);
            try {
                return ResourceType.Group.name().equals(task.resourceType())
                        ? exportGroup(connection, task) : exportRows(connection, task);
            } finally {
                connection.rollback();
            }
        }
    }

    /** The task's resources in as many files as the limits need; with {@code _since}, then its deletions. */
    private List<WrittenFile> exportRows(Connection connection, ExportTaskPlanned task)
            throws SQLException, MinioException {
        List<WrittenFile> files = new ArrayList<>();
        Optional<ConsentScope> consent = ConsentScope.of(connection, task);
        try (ResultSet rows = ResourceQuery.open(connection, task, filterParser, consent)) {
            files.addAll(storeParts(task, ExportFileKind.OUTPUT,
                    new RowCursor(rows, elements.forTask(task.resourceType(), task.elements()))));
        }
        if (task.since() != null) {
            try (ResultSet deleted = ResourceQuery.openDeleted(connection, task, consent)) {
                files.addAll(storeParts(task, ExportFileKind.DELETED,
                        new RowCursor(deleted, DeletedLines.fromReference())));
            }
        }
        return files;
    }

    /** One file per part, rolled by size and count; none when there are no lines. */
    private List<WrittenFile> storeParts(ExportTaskPlanned task, ExportFileKind kind, RowCursor cursor)
            throws SQLException, MinioException {
        List<WrittenFile> files = new ArrayList<>();
        for (int part = 1; cursor.hasNext(); part++) {
            NdjsonRowStream ndjson = new NdjsonRowStream(cursor, fileMaxBytes, fileMaxResources);
            files.add(store(task, kind, part, ndjson, ndjson::lines));
        }
        return files;
    }

    /** ATR: the Group itself, one line however many members it has. */
    private List<WrittenFile> exportGroup(Connection connection, ExportTaskPlanned task)
            throws SQLException, MinioException {
        Optional<Iterator<String>> pieces = GroupSnapshot.open(connection, task,
                elements.keptElements(task.resourceType(), task.elements()));
        if (pieces.isEmpty()) {
            return List.of();
        }
        return List.of(store(task, ExportFileKind.OUTPUT, 1, new PiecesStream(pieces.get()), () -> 1L));
    }

    /**
     * Uploads one file of the task, gzipped on the way when so configured; its counts are read once the upload has
     * consumed the stream.
     */
    private WrittenFile store(ExportTaskPlanned task, ExportFileKind kind, int part, ChunkStream ndjson,
                              LongSupplier lines) throws MinioException {
        ExportFileNames.ExportFile file = new ExportFileNames.ExportFile(task.jobId(), task.taskSeq(), part, kind,
                task.resourceType());
        ChunkStream stored = ndjson;
        if (gzipFiles) {
            try {
                stored = new GzipStream(ndjson);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start compressing an export file", e);
            }
        }
        storage.putNdjson(file.objectKey(), stored, ExportObjectMetadata.of(task.clientId(), task.jobId(), kind,
                task.resourceType(), gzipFiles));
        return new WrittenFile(task.resourceType(), file.fileName(), lines.getAsLong(), stored.bytes(), kind);
    }
}

package org.openpayer.bulkexport.export.worker;

import io.agroal.api.AgroalDataSource;
import io.minio.errors.MinioException;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.openpayer.bulkexport.export.storage.ExportStorage;
import org.openpayer.bulkexport.model.event.ExportTaskPlanned;
import org.openpayer.bulkexport.model.event.WrittenFile;
import org.openpayer.bulkexport.model.fhir.ResourceType;
import org.openpayer.bulkexport.model.storage.ExportFileKind;
import org.openpayer.bulkexport.model.storage.ExportFileNames;
import org.openpayer.bulkexport.model.storage.ExportObjectMetadata;
import org.openpayer.bulkexport.search.CriterionParser;
import org.openpayer.bulkexport.search.SearchParameterCatalog;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Runs one export task: streams the task's resources from the member data into one NDJSON object. The object's key
 * depends only on the task, so running a task twice replaces its file rather than adding one. Each file records its
 * owner and type as object metadata, which is all file-service needs to authorize a download.
 */
@ApplicationScoped
public class TaskExecutor {

    private final AgroalDataSource memberData;
    private final ExportStorage storage;
    private final ElementsProjection elements;
    private final CriterionParser filterParser;

    public TaskExecutor(@DataSource("memberdata") AgroalDataSource memberData, ExportStorage storage,
                        ElementsProjection elements, SearchParameterCatalog searchParameters) {
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

    private List<WrittenFile> exportRows(Connection connection, ExportTaskPlanned task)
            throws SQLException, MinioException {
        try (ResultSet rows = ResourceQuery.open(connection, task, filterParser)) {
            NdjsonRowStream ndjson = new NdjsonRowStream(rows, elements.forTask(task.resourceType(), task.elements()));
            if (!ndjson.hasRows()) {
                return List.of();
            }
            return List.of(store(task, ndjson, ndjson::lines, ndjson::bytes));
        }
    }

    /** ATR: the Group itself, one line however many members it has. */
    private List<WrittenFile> exportGroup(Connection connection, ExportTaskPlanned task)
            throws SQLException, MinioException {
        Optional<Iterator<String>> pieces = GroupSnapshot.open(connection, task);
        if (pieces.isEmpty()) {
            return List.of();
        }
        PiecesStream line = new PiecesStream(pieces.get());
        return List.of(store(task, line, () -> 1L, line::bytes));
    }

    /** Uploads one output file of the task; its counts are read once the upload has consumed the stream. */
    private WrittenFile store(ExportTaskPlanned task, InputStream ndjson, LongSupplier lines, LongSupplier bytes)
            throws MinioException {
        ExportFileNames.ExportFile file = new ExportFileNames.ExportFile(task.jobId(), task.taskSeq(), 1,
                ExportFileKind.OUTPUT, task.resourceType());
        storage.putNdjson(file.objectKey(), ndjson, ExportObjectMetadata.of(task.clientId(), task.jobId(),
                ExportFileKind.OUTPUT, task.resourceType(), false));
        return new WrittenFile(task.resourceType(), file.fileName(), lines.getAsLong(), bytes.getAsLong(),
                ExportFileKind.OUTPUT);
    }
}

package org.openpayer.bulkexport.export.worker;

import io.agroal.api.AgroalDataSource;
import io.minio.errors.MinioException;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.openpayer.bulkexport.export.storage.ExportStorage;
import org.openpayer.bulkexport.model.event.ExportTaskPlanned;
import org.openpayer.bulkexport.model.event.WrittenFile;
import org.openpayer.bulkexport.model.storage.ExportFileNames;
import org.openpayer.bulkexport.model.storage.ExportObjectMetadata;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

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

    public TaskExecutor(@DataSource("memberdata") AgroalDataSource memberData, ExportStorage storage,
                        ElementsProjection elements) {
        this.memberData = memberData;
        this.storage = storage;
        this.elements = elements;
    }

    /** @return the file written, or none when the task matched no resources */
    public List<WrittenFile> run(ExportTaskPlanned task) throws SQLException, MinioException {
        try (Connection connection = memberData.getConnection()) {
            connection.setAutoCommit(false);
            try (ResultSet rows = ResourceQuery.open(connection, task)) {
                NdjsonRowStream ndjson = new NdjsonRowStream(rows,
                        elements.forTask(task.resourceType(), task.elements()));
                if (!ndjson.hasRows()) {
                    return List.of();
                }
                String fileName = ExportFileNames.fileName(task.jobId(), task.taskSeq(), task.resourceType());
                storage.putNdjson(ExportFileNames.objectKey(task.jobId(), fileName), ndjson, Map.of(
                        ExportObjectMetadata.CLIENT_ID, task.clientId(),
                        ExportObjectMetadata.JOB_ID, task.jobId().toString(),
                        ExportObjectMetadata.RESOURCE_TYPE, task.resourceType()));
                return List.of(new WrittenFile(task.resourceType(), fileName, ndjson.lines(), ndjson.bytes()));
            } finally {
                connection.rollback();
            }
        }
    }
}

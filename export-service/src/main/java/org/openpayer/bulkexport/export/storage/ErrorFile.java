package org.openpayer.bulkexport.export.storage;

import io.minio.errors.MinioException;
import org.openpayer.bulkexport.model.event.WrittenFile;
import org.openpayer.bulkexport.model.fhir.IssueSeverity;
import org.openpayer.bulkexport.model.fhir.IssueType;
import org.openpayer.bulkexport.model.fhir.OperationOutcomes;
import org.openpayer.bulkexport.model.storage.ExportFileKind;
import org.openpayer.bulkexport.model.storage.ExportFileNames;
import org.openpayer.bulkexport.model.storage.ExportObjectMetadata;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * An error file of the manifest: one OperationOutcome per line, each about one thing the export left out and why.
 * They hold diagnostics only, never member data, and are small (a line per ignored parameter or per Patient named),
 * so they are built in memory.
 */
public final class ErrorFile {

    private ErrorFile() {
    }

    /** A diagnostic and how FHIR classifies it. */
    public record Issue(IssueSeverity severity, IssueType type, String diagnostics) {
    }

    /**
     * Stores the issues as the error file of a task ({@code seq} 0: the job's own).
     *
     * @return the file written
     */
    public static WrittenFile write(ExportStorage storage, UUID jobId, int seq, String clientId, List<Issue> issues)
            throws MinioException {
        ByteArrayOutputStream ndjson = new ByteArrayOutputStream();
        for (Issue issue : issues) {
            String line = OperationOutcomes.toJsonLine(
                    OperationOutcomes.of(issue.severity(), issue.type(), issue.diagnostics()));
            ndjson.writeBytes(line.getBytes(StandardCharsets.UTF_8));
            ndjson.write('\n');
        }
        ExportFileNames.ExportFile file = new ExportFileNames.ExportFile(jobId, seq, 1, ExportFileKind.ERROR,
                ExportFileNames.ERROR_TYPE);
        byte[] bytes = ndjson.toByteArray();
        storage.putNdjson(file.objectKey(), new ByteArrayInputStream(bytes), ExportObjectMetadata.of(clientId, jobId,
                ExportFileKind.ERROR, ExportFileNames.ERROR_TYPE, false));
        return new WrittenFile(ExportFileNames.ERROR_TYPE, file.fileName(), issues.size(), bytes.length,
                ExportFileKind.ERROR);
    }
}

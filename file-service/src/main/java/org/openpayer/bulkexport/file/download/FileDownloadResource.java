package org.openpayer.bulkexport.file.download;

import io.minio.errors.MinioException;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.openpayer.bulkexport.model.fhir.FhirMediaType;
import org.openpayer.bulkexport.model.route.PublicPaths;
import org.openpayer.bulkexport.model.storage.ExportFileNames;
import org.openpayer.bulkexport.rest.Caller;
import org.openpayer.bulkexport.rest.FhirException;

import java.io.InputStream;
import java.util.Optional;

/**
 * {@code GET /files/{jobId}/{fileName}}: an export file, to the client that started the export and no one else. The
 * owner is read from the object's metadata, written there by the worker that stored it, so no other service's tables
 * are consulted. Another client's file answers exactly like a missing one. The body is copied from storage to the
 * client in small buffers, never held whole in memory.
 */
@Path(PublicPaths.FILES + "/{jobId}/{fileName}")
@Authenticated
public class FileDownloadResource {

    private final JsonWebToken token;
    private final ExportFileStore files;

    public FileDownloadResource(JsonWebToken token, ExportFileStore files) {
        this.token = token;
        this.files = files;
    }

    @GET
    public Response download(@PathParam("jobId") String jobId, @PathParam("fileName") String fileName)
            throws MinioException {
        Caller caller = Caller.from(token);
        ExportFileStore.StoredFile file = ExportFileNames.parseJobId(jobId)
                .flatMap(job -> ExportFileNames.parse(job, fileName))
                .flatMap(this::find)
                .filter(found -> caller.clientId().equals(found.ownerClientId()))
                .orElseThrow(() -> FhirException.notFound("No export file " + fileName + " for this client."));
        caller.requireRead(file.resourceType());
        InputStream content = files.open(file);
        StreamingOutput body = output -> {
            try (content) {
                content.transferTo(output);
            }
        };
        return Response.ok(body, FhirMediaType.FHIR_NDJSON)
                .header(HttpHeaders.CONTENT_LENGTH, file.size())
                .build();
    }

    private Optional<ExportFileStore.StoredFile> find(ExportFileNames.ExportFile name) {
        try {
            return files.find(name.objectKey());
        } catch (MinioException e) {
            throw new IllegalStateException("object storage is unavailable", e);
        }
    }
}

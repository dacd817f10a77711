package org.openpayer.bulkexport.file.download;

import io.minio.errors.MinioException;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.openpayer.bulkexport.model.fhir.IssueType;
import org.openpayer.bulkexport.model.route.PublicPaths;
import org.openpayer.bulkexport.model.storage.ExportFileNames;
import org.openpayer.bulkexport.model.storage.ExportFileNames.ExportFile;
import org.openpayer.bulkexport.rest.Caller;
import org.openpayer.bulkexport.rest.OperationOutcomeResponses;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * {@code GET} and {@code HEAD /files/{jobId}/{fileName}}: an export file, to the client that started the export and
 * no one else ({@link FileAccess}). The answer follows HTTP's rules for large files: one byte range per request
 * ({@link ByteRange}), stored gzip sent as it is or inflated depending on {@code Accept-Encoding}
 * ({@link Representation}), and a body copied from storage in small buffers ({@link DownloadBody}). Every GET that
 * sends content is recorded in the download audit ({@link DownloadAudit}); HEAD sends none and is not.
 */
@Path(PublicPaths.FILES + "/{jobId}/{fileName}")
@Authenticated
public class FileDownloadResource {

    private static final String RANGE = "Range";
    private static final String IF_RANGE = "If-Range";
    private static final String CONTENT_RANGE = "Content-Range";
    private static final int OK = 200;
    private static final int PARTIAL_CONTENT = 206;
    private static final int RANGE_NOT_SATISFIABLE = 416;

    private final JsonWebToken token;
    private final ExportFileStore files;
    private final DownloadAudit audit;

    public FileDownloadResource(JsonWebToken token, ExportFileStore files, DownloadAudit audit) {
        this.token = token;
        this.files = files;
        this.audit = audit;
    }

    @GET
    public Response download(@PathParam("jobId") String jobId, @PathParam("fileName") String fileName,
                             @Context HttpHeaders request, @Context HttpServerResponse connection)
            throws MinioException, IOException {
        Caller caller = Caller.from(token);
        StoredFile file = authorized(caller, jobId, fileName);
        Representation representation = Representation.choose(file,
                AcceptEncoding.parse(request.getHeaderString(HttpHeaders.ACCEPT_ENCODING)));
        String range = request.getHeaderString(RANGE);
        boolean rangeApplies = representation.servesRanges()
                && representation.rangeValidFor(request.getHeaderString(IF_RANGE));
        ByteRange.Selection selection = rangeApplies ? ByteRange.select(range, file.size()) : ByteRange.WHOLE;
        if (selection instanceof ByteRange.Unsatisfiable) {
            return notSatisfiable(representation);
        }
        Optional<ByteRange> part = selection instanceof ByteRange.Part found
                ? Optional.of(found.range()) : Optional.empty();
        DownloadAudit.Started download = new DownloadAudit.Started(caller.clientId(), file.name(),
                representation.encoding(), range, part.isPresent() ? PARTIAL_CONTENT : OK);
        InputStream stored = files.open(file, part);
        try {
            InputStream body = representation.body(stored);
            DownloadAudit.Entry entry = audit.start(download);
            Response.ResponseBuilder response = representation.withHeaders(Response.status(download.status()))
                    .entity(new DownloadBody(body, connection::closed, audit, entry));
            if (part.isPresent()) {
                response.header(CONTENT_RANGE, part.get().contentRange(file.size()))
                        .header(HttpHeaders.CONTENT_LENGTH, part.get().length());
            } else {
                representation.length().ifPresent(length -> response.header(HttpHeaders.CONTENT_LENGTH, length));
            }
            return response.build();
        } catch (IOException | RuntimeException e) {
            // Nothing was sent: give the storage connection back before the error answer.
            stored.close();
            throw e;
        }
    }

    /** The headers a GET of the same request would carry, without the body; ranges apply to GET only. */
    @HEAD
    public Response describe(@PathParam("jobId") String jobId, @PathParam("fileName") String fileName,
                             @Context HttpHeaders request) throws MinioException {
        StoredFile file = authorized(Caller.from(token), jobId, fileName);
        Representation representation = Representation.choose(file,
                AcceptEncoding.parse(request.getHeaderString(HttpHeaders.ACCEPT_ENCODING)));
        Response.ResponseBuilder response = representation.withHeaders(Response.ok());
        representation.length().ifPresent(length -> response.header(HttpHeaders.CONTENT_LENGTH, length));
        return response.build();
    }

    private StoredFile authorized(Caller caller, String jobId, String fileName) throws MinioException {
        ExportFile requested = ExportFileNames.parseJobId(jobId)
                .flatMap(job -> ExportFileNames.parse(job, fileName))
                .orElseThrow(() -> FileAccess.notFound(fileName));
        return FileAccess.authorize(caller, requested, files.find(requested));
    }

    /** RFC 9110 §15.5.17: 416 names the current length, so the client can ask again within it. */
    private static Response notSatisfiable(Representation representation) {
        long size = representation.file().size();
        return Response.fromResponse(OperationOutcomeResponses.of(RANGE_NOT_SATISFIABLE, IssueType.VALUE,
                        "The requested range starts past the end of this " + size + "-byte file."))
                .header(CONTENT_RANGE, "bytes */" + size)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .build();
    }
}

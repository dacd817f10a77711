package org.openpayer.bulkexport.file.download;

import io.quarkus.security.Authenticated;
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

import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code GET} and {@code HEAD /files/{jobId}/{fileName}}: an export file, to the client that started the export and
 * no one else ({@link FileAccess}). The answer follows HTTP's rules for large files: one byte range per request
 * ({@link ByteRange}), stored gzip sent as it is or inflated depending on {@code Accept-Encoding}
 * ({@link Representation}), and a body relayed from storage on the event loop ({@link DownloadRelay}). Every GET
 * that sends content is recorded in the download audit ({@link DownloadAudit}); HEAD sends none and is not.
 *
 * <p>Design note: a whole file costs one storage request, a GET whose answer is authorized before its bytes flow; a
 * {@code Range} costs two, since which bytes to read depends on the metadata (size, stored coding) read first.
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
                             @Context HttpHeaders request) {
        Caller caller = Caller.from(token);
        ExportFile requested = requested(jobId, fileName);
        String range = request.getHeaderString(RANGE);
        if (range != null) {
            return downloadRange(caller, requested, request, range);
        }
        Optional<ExportFileStore.Opened> opened = files.open(requested);
        try {
            StoredFile file = FileAccess.authorize(caller, requested, opened.map(ExportFileStore.Opened::file));
            Representation representation = Representation.choose(file, accepted(request));
            return send(caller, representation, null, Optional.empty(), opened.get().bytes());
        } catch (RuntimeException e) {
            // Nothing was sent: give the storage connection back before the error answer.
            opened.ifPresent(stored -> stored.bytes().discard().run());
            throw e;
        }
    }

    /** The headers a GET of the same request would carry, without the body; ranges apply to GET only. */
    @HEAD
    public Response describe(@PathParam("jobId") String jobId, @PathParam("fileName") String fileName,
                             @Context HttpHeaders request) {
        ExportFile requested = requested(jobId, fileName);
        StoredFile file = FileAccess.authorize(Caller.from(token), requested, files.find(requested));
        Representation representation = Representation.choose(file, accepted(request));
        Response.ResponseBuilder response = representation.withHeaders(Response.ok());
        representation.length().ifPresent(length -> response.header(HttpHeaders.CONTENT_LENGTH, length));
        return response.build();
    }

    private Response downloadRange(Caller caller, ExportFile requested, HttpHeaders request, String range) {
        StoredFile file = FileAccess.authorize(caller, requested, files.find(requested));
        Representation representation = Representation.choose(file, accepted(request));
        boolean rangeApplies = representation.servesRanges()
                && representation.rangeValidFor(request.getHeaderString(IF_RANGE));
        ByteRange.Selection selection = rangeApplies ? ByteRange.select(range, file.size()) : ByteRange.WHOLE;
        if (selection instanceof ByteRange.Unsatisfiable) {
            return notSatisfiable(representation);
        }
        Optional<ByteRange> part = selection instanceof ByteRange.Part found
                ? Optional.of(found.range()) : Optional.empty();
        StoredBytes bytes = files.open(file, part);
        try {
            return send(caller, representation, range, part, bytes);
        } catch (RuntimeException e) {
            bytes.discard().run();
            throw e;
        }
    }

    /** Audits the start of the download, then answers with the relay that sends its bytes. */
    private Response send(Caller caller, Representation representation, String range, Optional<ByteRange> part,
                          StoredBytes bytes) {
        DownloadAudit.Entry entry = audit.start(new DownloadAudit.Started(caller.clientId(),
                representation.file().name(), representation.encoding(), range,
                part.isPresent() ? PARTIAL_CONTENT : OK));
        OptionalLong length = part.map(found -> OptionalLong.of(found.length())).orElseGet(representation::length);
        Response.ResponseBuilder response = representation.withHeaders(Response.status(entry.download().status()))
                .entity(new DownloadRelay(bytes, representation.transform(), length,
                        outcome -> audit.finishLater(entry, outcome)));
        part.ifPresent(found -> response.header(CONTENT_RANGE, found.contentRange(representation.file().size())));
        length.ifPresent(bytesLong -> response.header(HttpHeaders.CONTENT_LENGTH, bytesLong));
        return response.build();
    }

    private static ExportFile requested(String jobId, String fileName) {
        return ExportFileNames.parseJobId(jobId)
                .flatMap(job -> ExportFileNames.parse(job, fileName))
                .orElseThrow(() -> FileAccess.notFound(fileName));
    }

    private static AcceptEncoding accepted(HttpHeaders request) {
        return AcceptEncoding.parse(request.getHeaderString(HttpHeaders.ACCEPT_ENCODING));
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

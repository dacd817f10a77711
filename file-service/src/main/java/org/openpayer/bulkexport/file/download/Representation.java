package org.openpayer.bulkexport.file.download;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response.ResponseBuilder;
import org.openpayer.bulkexport.model.fhir.FhirMediaType;
import org.openpayer.bulkexport.model.storage.ExportObjectMetadata;

import java.util.Date;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The bytes a download sends for a stored file and the headers that describe them, chosen from how the file is
 * stored and what the client accepts. Stored gzip goes out as it is to clients that accept gzip, and is inflated while
 * streaming for the others; plain NDJSON always goes out as it is, since compressing here would cost CPU on every
 * download that the worker could have spent once. Only bytes sent as stored have a length and byte ranges.
 *
 * @param file     the stored file
 * @param encoding how its bytes go out
 */
record Representation(StoredFile file, Encoding encoding) {

    /** How the stored bytes go out; its name is what the download audit records. */
    enum Encoding {
        /** Stored as NDJSON, sent as it is. */
        IDENTITY,
        /** Stored as gzip, sent as it is with {@code Content-Encoding: gzip}. */
        GZIP,
        /** Stored as gzip, inflated while streaming for a client that does not accept gzip. */
        INFLATED;

        String auditName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static Representation choose(StoredFile file, AcceptEncoding accepted) {
        if (file.contentCoding() == null) {
            return new Representation(file, Encoding.IDENTITY);
        }
        if (!ExportObjectMetadata.GZIP.equals(file.contentCoding())) {
            // The export worker writes gzip or nothing: anything else is a broken contract, not the client's fault.
            throw new IllegalStateException("unknown content coding " + file.contentCoding() + " on "
                    + file.name().objectKey());
        }
        boolean sendGzip = accepted.accepts(ExportObjectMetadata.GZIP);
        return new Representation(file, sendGzip ? Encoding.GZIP : Encoding.INFLATED);
    }

    /** Ranges count stored bytes, which an inflated body does not have. */
    boolean servesRanges() {
        return encoding != Encoding.INFLATED;
    }

    /** The length of the whole body; unknown (sent chunked) when inflating. */
    OptionalLong length() {
        return servesRanges() ? OptionalLong.of(file.size()) : OptionalLong.empty();
    }

    /**
     * A strong entity tag of these bytes. S3's tag names the stored bytes; the inflated body is another
     * representation (RFC 9110 §8.8.3), so its tag differs.
     */
    String etag() {
        return "\"" + file.etag() + (encoding == Encoding.INFLATED ? "-inflated" : "") + "\"";
    }

    /**
     * Whether a {@code Range} may apply under the request's {@code If-Range} (RFC 9110 §13.1.5): always without one,
     * else only when it is this strong entity tag. A date is never taken: S3's second-precision modification time is
     * not a strong validator, and ignoring the range (sending the whole file) is always correct.
     */
    boolean rangeValidFor(String ifRange) {
        return ifRange == null || ifRange.trim().equals(etag());
    }

    /** The headers every answer for this file carries, GET or HEAD, 200 or 206. Lengths are the caller's. */
    ResponseBuilder withHeaders(ResponseBuilder response) {
        response.type(FhirMediaType.FHIR_NDJSON)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .header(HttpHeaders.ETAG, etag())
                .lastModified(Date.from(file.lastModified()))
                .header("Accept-Ranges", servesRanges() ? "bytes" : "none");
        if (encoding == Encoding.GZIP) {
            response.header(HttpHeaders.CONTENT_ENCODING, ExportObjectMetadata.GZIP);
        }
        return response;
    }

    /** How the body's bytes come from the stored ones: inflated when that is the encoding, else as they are. */
    BodyTransform transform() {
        return encoding == Encoding.INFLATED ? new GzipInflation() : BodyTransform.identity();
    }
}

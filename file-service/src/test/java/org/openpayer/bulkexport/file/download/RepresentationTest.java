package org.openpayer.bulkexport.file.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.model.storage.ExportFileKind;
import org.openpayer.bulkexport.model.storage.ExportFileNames.ExportFile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/** How stored bytes go out: as stored, as gzip, or inflated, and what each allows. */
class RepresentationTest {

    private static final ExportFile NAME = new ExportFile(UUID.randomUUID(), 1, 1, ExportFileKind.OUTPUT, "Coverage");
    private static final AcceptEncoding GZIP_OK = AcceptEncoding.parse("gzip");
    private static final AcceptEncoding NO_GZIP = AcceptEncoding.parse(null);

    @Test
    void choose_plainFile_isSentAsStoredWhateverTheClientAccepts() {
        // when
        Representation plain = Representation.choose(stored(null), GZIP_OK);

        // then
        assertThat(plain.encoding()).isEqualTo(Representation.Encoding.IDENTITY);
        assertThat(plain.servesRanges()).isTrue();
        assertThat(plain.length()).hasValue(42);
        assertThat(plain.etag()).isEqualTo("\"abc\"");
    }

    @Test
    void choose_gzipFileForGzipClient_isSentAsStored() {
        // when
        Representation gzip = Representation.choose(stored("gzip"), GZIP_OK);

        // then
        assertThat(gzip.encoding()).isEqualTo(Representation.Encoding.GZIP);
        assertThat(gzip.servesRanges()).isTrue();
        assertThat(gzip.length()).hasValue(42);
        assertThat(gzip.etag()).isEqualTo("\"abc\"");
    }

    @Test
    void choose_gzipFileForOtherClient_isInflatedWithoutLengthOrRanges() {
        // when
        Representation inflated = Representation.choose(stored("gzip"), NO_GZIP);

        // then
        assertThat(inflated.encoding()).isEqualTo(Representation.Encoding.INFLATED);
        assertThat(inflated.servesRanges()).isFalse();
        assertThat(inflated.length()).isEmpty();
        assertThat(inflated.etag()).isEqualTo("\"abc-inflated\"");
    }

    @Test
    void choose_unknownStoredCoding_isAServerError() {
        assertThatThrownBy(() -> Representation.choose(stored("br"), GZIP_OK))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rangeValidFor_onlyTheStrongEtagOrNoIfRange() {
        // given
        Representation plain = Representation.choose(stored(null), GZIP_OK);

        // then
        assertThat(plain.rangeValidFor(null)).isTrue();
        assertThat(plain.rangeValidFor("\"abc\"")).isTrue();
        assertThat(plain.rangeValidFor("\"other\"")).isFalse();
        assertThat(plain.rangeValidFor("W/\"abc\"")).isFalse();
        assertThat(plain.rangeValidFor("Thu, 01 Jan 1970 00:00:00 GMT")).isFalse();
    }

    @Test
    void transform_inflated_isTheNdjson() throws IOException {
        // given
        byte[] ndjson = "{\"resourceType\":\"Coverage\"}\n".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
            out.write(ndjson);
        }
        BodyTransform transform = Representation.choose(stored("gzip"), NO_GZIP).transform();

        // when
        transform.offer(Buffer.buffer(gzipped.toByteArray()));
        Buffer body = transform.poll();

        // then
        assertThat(body.getBytes()).isEqualTo(ndjson);
        assertThat(transform.poll()).isNull();
        transform.finish();
    }

    @Test
    void transform_asStored_passesChunksThroughUnchanged() throws IOException {
        // given
        Buffer chunk = Buffer.buffer("{\"resourceType\":\"Coverage\"}\n");
        BodyTransform transform = Representation.choose(stored("gzip"), GZIP_OK).transform();

        // when
        transform.offer(chunk);

        // then
        assertThat(transform.poll()).isSameAs(chunk);
        assertThat(transform.poll()).isNull();
    }

    private static StoredFile stored(String contentCoding) {
        return new StoredFile(NAME, "east-clinic", "output", "Coverage", contentCoding, 42, "abc", Instant.EPOCH);
    }
}

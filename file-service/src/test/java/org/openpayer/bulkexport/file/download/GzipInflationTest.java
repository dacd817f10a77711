package org.openpayer.bulkexport.file.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/** Incremental gzip decoding: any chunking gives the NDJSON back, and a damaged or cut stream never ends quietly. */
class GzipInflationTest {

    private static final byte[] NDJSON = ndjson(200);
    private static final int FTEXT_FHCRC_FEXTRA_FNAME_FCOMMENT = 0x1f;

    @Test
    void inflate_wholeStreamInOneChunk_isTheNdjson() throws IOException {
        assertThat(inflate(gzip(NDJSON), Integer.MAX_VALUE)).isEqualTo(NDJSON);
    }

    @Test
    void inflate_splitAtAnyByte_isTheNdjson() throws IOException {
        // given
        byte[] gzipped = gzip(NDJSON);

        // then
        for (int split = 1; split < gzipped.length; split++) {
            byte[] first = Arrays.copyOfRange(gzipped, 0, split);
            byte[] second = Arrays.copyOfRange(gzipped, split, gzipped.length);
            assertThat(inflate(first, second)).as("split at %d", split).isEqualTo(NDJSON);
        }
    }

    @Test
    void inflate_headerWithEveryOptionalField_byteByByte_isTheNdjson() throws IOException {
        assertThat(inflate(gzipWithAllHeaderFields(NDJSON), 1)).isEqualTo(NDJSON);
    }

    @Test
    void inflate_concatenatedMembers_isBothInOrder() throws IOException {
        // given
        byte[] second = "{\"resourceType\":\"Patient\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] both = concat(gzip(NDJSON), gzipWithAllHeaderFields(second));

        // then
        assertThat(inflate(both, 7)).isEqualTo(concat(NDJSON, second));
    }

    @Test
    void inflate_highlyCompressedChunk_comesOutInBoundedPieces() throws IOException {
        // given
        byte[] zeros = new byte[10 << 20];
        GzipInflation inflation = new GzipInflation();
        inflation.offer(Buffer.buffer(gzip(zeros)));

        // when
        long total = 0;
        for (Buffer piece = inflation.poll(); piece != null; piece = inflation.poll()) {
            assertThat(piece.length()).isLessThanOrEqualTo(64 * 1024);
            total += piece.length();
        }
        inflation.finish();

        // then
        assertThat(total).isEqualTo(zeros.length);
    }

    @Test
    void inflate_streamCutAnywhere_failsInsteadOfEnding() {
        byte[] gzipped = gzip(NDJSON);
        for (int cut = 0; cut < gzipped.length; cut++) {
            byte[] truncated = Arrays.copyOf(gzipped, cut);
            assertThatThrownBy(() -> inflate(truncated, 100)).as("cut at %d", cut).isInstanceOf(ZipException.class);
        }
    }

    @Test
    void inflate_wrongCrc_fails() {
        // given
        byte[] gzipped = gzip(NDJSON);
        gzipped[gzipped.length - 8] ^= 1;

        // then
        assertThatThrownBy(() -> inflate(gzipped, 1000)).isInstanceOf(ZipException.class).hasMessageContaining("CRC");
    }

    @Test
    void inflate_corruptData_fails() {
        // given
        byte[] gzipped = gzip(NDJSON);
        Arrays.fill(gzipped, 12, 40, (byte) 0xff);

        // then
        assertThatThrownBy(() -> inflate(gzipped, 1000)).isInstanceOf(ZipException.class);
    }

    @Test
    void inflate_notGzipOrGarbageAfterAMember_fails() {
        assertThatThrownBy(() -> inflate(NDJSON, 1000)).isInstanceOf(ZipException.class);
        assertThatThrownBy(() -> inflate(concat(gzip(NDJSON), NDJSON), 1000)).isInstanceOf(ZipException.class);
    }

    @Test
    void headerLength_incompleteHeader_asksForMore() throws ZipException {
        byte[] header = gzipWithAllHeaderFields(NDJSON);
        int length = GzipInflation.headerLength(header);
        for (int available = 0; available < length; available++) {
            assertThat(GzipInflation.headerLength(Arrays.copyOf(header, available))).isEqualTo(-1);
        }
        assertThat(length).isGreaterThan(10);
    }

    /** Offers {@code gzipped} in chunks of {@code chunkSize} bytes, pulling everything after each. */
    private static byte[] inflate(byte[] gzipped, int chunkSize) throws IOException {
        GzipInflation inflation = new GzipInflation();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int from = 0; from < gzipped.length; from += chunkSize) {
            byte[] chunk = Arrays.copyOfRange(gzipped, from, (int) Math.min(gzipped.length, (long) from + chunkSize));
            inflation.offer(Buffer.buffer(chunk));
            drain(inflation, out);
        }
        inflation.finish();
        inflation.close();
        return out.toByteArray();
    }

    private static byte[] inflate(byte[] first, byte[] second) throws IOException {
        GzipInflation inflation = new GzipInflation();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        inflation.offer(Buffer.buffer(first));
        drain(inflation, out);
        inflation.offer(Buffer.buffer(second));
        drain(inflation, out);
        inflation.finish();
        return out.toByteArray();
    }

    private static void drain(GzipInflation inflation, ByteArrayOutputStream out) throws IOException {
        for (Buffer piece = inflation.poll(); piece != null; piece = inflation.poll()) {
            out.writeBytes(piece.getBytes());
        }
    }

    private static byte[] gzip(byte[] content) {
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
            out.write(content);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return gzipped.toByteArray();
    }

    /** A member whose header has every optional field RFC 1952 allows: extra, name, comment and header CRC. */
    private static byte[] gzipWithAllHeaderFields(byte[] content) {
        ByteArrayOutputStream member = new ByteArrayOutputStream();
        member.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, FTEXT_FHCRC_FEXTRA_FNAME_FCOMMENT, 0, 0, 0, 0, 0, 3});
        member.writeBytes(new byte[] {4, 0, 'a', 'b', 'c', 'd'});
        member.writeBytes("export.ndjson\0".getBytes(StandardCharsets.ISO_8859_1));
        member.writeBytes("a comment\0".getBytes(StandardCharsets.ISO_8859_1));
        CRC32 headerCrc = new CRC32();
        headerCrc.update(member.toByteArray());
        writeLittleEndian(member, headerCrc.getValue(), 2);
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(content);
        deflater.finish();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            member.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        CRC32 crc = new CRC32();
        crc.update(content);
        writeLittleEndian(member, crc.getValue(), 4);
        writeLittleEndian(member, content.length, 4);
        return member.toByteArray();
    }

    private static void writeLittleEndian(ByteArrayOutputStream out, long value, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out.write((int) (value >>> (8 * i)) & 0xff);
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static byte[] ndjson(int lines) {
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            content.append("{\"resourceType\":\"Coverage\",\"id\":\"c").append(i).append("\"}\n");
        }
        return content.toString().getBytes(StandardCharsets.UTF_8);
    }
}

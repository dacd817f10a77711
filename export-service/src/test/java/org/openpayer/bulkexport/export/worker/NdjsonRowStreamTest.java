package org.openpayer.bulkexport.export.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;

class NdjsonRowStreamTest {

    private static final long NO_LIMIT = Long.MAX_VALUE;

    @Test
    void read_joinsRowsWithNewlinesAndCountsThem() throws Exception {
        // given
        RowCursor cursor = cursor("{\"id\":\"a\"}", "{\"id\":\"bb\"}", "{}");
        NdjsonRowStream stream = new NdjsonRowStream(cursor, NO_LIMIT, NO_LIMIT);

        // when
        byte[] written = readInChunksOf(3, stream);

        // then
        assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"a\"}\n{\"id\":\"bb\"}\n{}\n");
        assertThat(stream.lines()).isEqualTo(3);
        assertThat(stream.bytes()).isEqualTo(written.length);
        assertThat(cursor.hasNext()).isFalse();
    }

    @Test
    void emptyResult_hasNoLines_andReadsNothing() throws Exception {
        RowCursor cursor = cursor();

        assertThat(cursor.hasNext()).isFalse();
        NdjsonRowStream stream = new NdjsonRowStream(cursor, NO_LIMIT, NO_LIMIT);
        assertThat(stream.read()).isEqualTo(-1);
        assertThat(stream.lines()).isZero();
    }

    @Test
    void read_singleBytes_giveTheSameStream() throws Exception {
        assertThat(readInChunksOf(1, new NdjsonRowStream(cursor("ab", "c"), NO_LIMIT, NO_LIMIT)))
                .isEqualTo("ab\nc\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void files_rollByCount_thenBySize_atLineBoundaries_neverLosingOrRepeatingALine() throws Exception {
        assertThat(parts(cursor("a", "b", "c", "d", "e"), NO_LIMIT, 2)).containsExactly("a\nb\n", "c\nd\n", "e\n");
        // 4 bytes per file: "aa\n" fits, "aa\nb\n" would not; a line longer than the limit still goes out whole
        assertThat(parts(cursor("aa", "b", "cccccc", "d"), 4, NO_LIMIT))
                .containsExactly("aa\n", "b\n", "cccccc\n", "d\n");
    }

    @Test
    void gzip_storesTheSameBytesCompressed() throws Exception {
        StringBuilder text = new StringBuilder();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            lines.add("{\"resourceType\":\"Observation\",\"id\":\"o" + i + "\"}");
            text.append(lines.get(i)).append('\n');
        }
        GzipStream gzip = new GzipStream(new NdjsonRowStream(cursor(lines.toArray(String[]::new)), NO_LIMIT,
                NO_LIMIT));

        byte[] compressed = readInChunksOf(777, gzip);

        assertThat(gzip.bytes()).isEqualTo(compressed.length).isLessThan(text.length() / 4);
        try (InputStream inflated = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            assertThat(new String(inflated.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(text.toString());
        }
    }

    @Test
    void deletedLines_areTransactionBundlesOfOneDelete() throws Exception {
        RowCursor cursor = new RowCursor(rows("Observation/o3"), DeletedLines.fromReference());

        assertThat(new String(readInChunksOf(64, new NdjsonRowStream(cursor, NO_LIMIT, NO_LIMIT)),
                StandardCharsets.UTF_8)).isEqualTo("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":"
                + "[{\"request\":{\"method\":\"DELETE\",\"url\":\"Observation/o3\"}}]}\n");
    }

    private static List<String> parts(RowCursor cursor, long maxBytes, long maxLines) throws Exception {
        List<String> parts = new ArrayList<>();
        while (cursor.hasNext()) {
            parts.add(new String(readInChunksOf(2, new NdjsonRowStream(cursor, maxBytes, maxLines)),
                    StandardCharsets.UTF_8));
        }
        return parts;
    }

    private static byte[] readInChunksOf(int size, InputStream stream) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[size];
        for (int read = stream.read(buffer, 0, size); read != -1; read = stream.read(buffer, 0, size)) {
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    private static RowCursor cursor(String... contents) {
        return new RowCursor(rows(contents), UnaryOperator.identity());
    }

    /** A forward-only result set over fixed rows, answering only what the stream calls. */
    private static ResultSet rows(String... contents) {
        Iterator<String> rows = List.of(contents).iterator();
        String[] current = new String[1];
        return (ResultSet) Proxy.newProxyInstance(ResultSet.class.getClassLoader(), new Class<?>[] {ResultSet.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "next" -> {
                        current[0] = rows.hasNext() ? rows.next() : null;
                        yield current[0] != null;
                    }
                    case "getBytes" -> current[0].getBytes(StandardCharsets.UTF_8);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}

package org.openpayer.bulkexport.export.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.util.Iterator;
import java.util.List;

class NdjsonRowStreamTest {

    @Test
    void read_joinsRowsWithNewlinesAndCountsThem() throws Exception {
        // given
        NdjsonRowStream stream = new NdjsonRowStream(rows("{\"id\":\"a\"}", "{\"id\":\"bb\"}", "{}"));

        // when
        boolean hasRows = stream.hasRows();
        byte[] written = readInChunksOf(3, stream);

        // then
        assertThat(hasRows).isTrue();
        assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"a\"}\n{\"id\":\"bb\"}\n{}\n");
        assertThat(stream.lines()).isEqualTo(3);
        assertThat(stream.bytes()).isEqualTo(written.length);
    }

    @Test
    void hasRows_onEmptyResult_isFalseAndReadsNothing() throws Exception {
        NdjsonRowStream stream = new NdjsonRowStream(rows());

        assertThat(stream.hasRows()).isFalse();
        assertThat(stream.read()).isEqualTo(-1);
        assertThat(stream.lines()).isZero();
    }

    @Test
    void read_singleBytes_giveTheSameStream() throws Exception {
        NdjsonRowStream stream = new NdjsonRowStream(rows("ab", "c"));
        stream.hasRows();

        assertThat(readInChunksOf(1, stream)).isEqualTo("ab\nc\n".getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] readInChunksOf(int size, NdjsonRowStream stream) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[size];
        for (int read = stream.read(buffer, 0, size); read != -1; read = stream.read(buffer, 0, size)) {
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
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

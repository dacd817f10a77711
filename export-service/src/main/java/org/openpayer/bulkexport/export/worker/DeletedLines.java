package org.openpayer.bulkexport.export.worker;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * Bulk Data's {@code deleted} lines: for each resource deleted after {@code _since}, a transaction Bundle with one
 * DELETE entry naming it. The rows of the deleted query carry {@code Type/id} only; this turns each into its line.
 */
final class DeletedLines {

    private static final byte[] START = ("{\"resourceType\":\"Bundle\",\"type\":\"transaction\","
            + "\"entry\":[{\"request\":{\"method\":\"DELETE\",\"url\":\"").getBytes(StandardCharsets.UTF_8);
    private static final byte[] END = "\"}}]}".getBytes(StandardCharsets.UTF_8);

    private DeletedLines() {
    }

    /** {@code Type/id} bytes to the Bundle line. */
    static UnaryOperator<byte[]> fromReference() {
        return reference -> {
            byte[] escaped = JsonStringEncoder.getInstance()
                    .quoteAsUTF8(new String(reference, StandardCharsets.UTF_8));
            byte[] line = new byte[START.length + escaped.length + END.length];
            System.arraycopy(START, 0, line, 0, START.length);
            System.arraycopy(escaped, 0, line, START.length, escaped.length);
            System.arraycopy(END, 0, line, START.length + escaped.length, END.length);
            return line;
        };
    }
}

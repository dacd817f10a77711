package org.openpayer.bulkexport.synthetic;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;

/**
 * Where generated resources go, one at a time, as compact single-line JSON. A sink sees every resource once and
 * should keep none of them: holding them would defeat the generator's bounded memory.
 */
public interface ResourceSink {

    /** One resource of ordinary size. */
    void accept(String resourceType, String id, String json) throws IOException;

    /**
     * A resource that may be too large to hold as a string, such as a Group listing a million members: the sink
     * hands {@code json} a writer to write it into. By default it is buffered and passed to {@link #accept}; sinks
     * that write to files or count should override this and write straight through.
     */
    default void acceptStreamed(String resourceType, String id, StreamedJson json) throws IOException {
        StringWriter buffer = new StringWriter();
        json.writeTo(buffer);
        accept(resourceType, id, buffer.toString());
    }

    /** Writes one resource's JSON, without a line break, into the writer it is given (and leaves it open). */
    @FunctionalInterface
    interface StreamedJson {
        void writeTo(Writer out) throws IOException;
    }
}

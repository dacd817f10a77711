package org.openpayer.bulkexport.synthetic;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts resources per type and JSON characters on their way to another sink, or on their way nowhere: a dry run
 * still builds every resource (Groups included, written into a null writer) and holds none of them.
 */
public final class ResourceCounter implements ResourceSink {

    private final ResourceSink delegate;
    private final Map<String, Long> counts = new TreeMap<>();
    private long characters;

    public ResourceCounter(ResourceSink delegate) {
        this.delegate = delegate;
    }

    /** A counter that discards what it counts. */
    public static ResourceCounter discarding() {
        return new ResourceCounter(new ResourceSink() {
            @Override
            public void accept(String resourceType, String id, String json) {
                // Counting is the whole point: the resource itself is dropped.
            }

            @Override
            public void acceptStreamed(String resourceType, String id, StreamedJson json) throws IOException {
                json.writeTo(Writer.nullWriter());
            }
        });
    }

    @Override
    public void accept(String resourceType, String id, String json) throws IOException {
        counts.merge(resourceType, 1L, Long::sum);
        characters += json.length();
        delegate.accept(resourceType, id, json);
    }

    @Override
    public void acceptStreamed(String resourceType, String id, StreamedJson json) throws IOException {
        counts.merge(resourceType, 1L, Long::sum);
        delegate.acceptStreamed(resourceType, id, out -> json.writeTo(new CountingWriter(out)));
    }

    /** Resources seen per type, sorted by type. */
    public Map<String, Long> counts() {
        return Collections.unmodifiableMap(counts);
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** JSON characters of all resources, line breaks not included. */
    public long characters() {
        return characters;
    }

    /** Counts what a streamed resource writes through it. */
    private final class CountingWriter extends FilterWriter {
        CountingWriter(Writer out) {
            super(out);
        }

        @Override
        public void write(int c) throws IOException {
            characters++;
            out.write(c);
        }

        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            characters += length;
            out.write(buffer, offset, length);
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            characters += length;
            out.write(text, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}

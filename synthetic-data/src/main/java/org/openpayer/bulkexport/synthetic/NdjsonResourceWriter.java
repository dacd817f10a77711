package org.openpayer.bulkexport.synthetic;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes resources as NDJSON, one per line: either one file per resource type ({@code Patient.ndjson}, …), the
 * layout of a bulk load or export, or everything into one stream. Files are opened on a type's first resource and
 * buffered; only one writer per type is kept, so memory does not grow with the data.
 */
public final class NdjsonResourceWriter implements ResourceSink, Closeable {

    private static final Pattern RESOURCE_TYPE = Pattern.compile("[A-Z][A-Za-z]{1,63}");
    private static final int BUFFER_CHARS = 64 * 1_024;

    private final Path directory;
    private final Writer combined;
    private final Map<String, Writer> perType = new LinkedHashMap<>();

    private NdjsonResourceWriter(Path directory, Writer combined) {
        this.directory = directory;
        this.combined = combined;
    }

    /** One {@code {ResourceType}.ndjson} file per type in {@code directory}, created if missing. */
    public static NdjsonResourceWriter perType(Path directory) throws IOException {
        Files.createDirectories(directory);
        return new NdjsonResourceWriter(directory, null);
    }

    /** Every resource into one file, in generation order. */
    public static NdjsonResourceWriter singleFile(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new NdjsonResourceWriter(null, Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    }

    /** Every resource into {@code out}, in generation order; closing this writer closes {@code out}. */
    public static NdjsonResourceWriter combined(Writer out) {
        return new NdjsonResourceWriter(null, out);
    }

    /** The file a type's resources go to in the per-type layout. */
    public static String fileName(String resourceType) {
        return resourceType + ".ndjson";
    }

    @Override
    public void accept(String resourceType, String id, String json) throws IOException {
        Writer out = writerFor(resourceType);
        out.write(json);
        out.write('\n');
    }

    @Override
    public void acceptStreamed(String resourceType, String id, StreamedJson json) throws IOException {
        Writer out = writerFor(resourceType);
        json.writeTo(out);
        out.write('\n');
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (Writer out : combined == null ? perType.values() : List.of(combined)) {
            try {
                out.close();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private Writer writerFor(String resourceType) throws IOException {
        if (combined != null) {
            return combined;
        }
        Writer out = perType.get(resourceType);
        if (out == null) {
            if (!RESOURCE_TYPE.matcher(resourceType).matches()) {
                throw new IllegalArgumentException("not a resource type: " + resourceType);
            }
            out = new BufferedWriter(new OutputStreamWriter(
                    Files.newOutputStream(directory.resolve(fileName(resourceType))), StandardCharsets.UTF_8),
                    BUFFER_CHARS);
            perType.put(resourceType, out);
        }
        return out;
    }
}

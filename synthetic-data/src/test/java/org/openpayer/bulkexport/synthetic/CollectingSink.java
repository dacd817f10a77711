package org.openpayer.bulkexport.synthetic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Keeps every generated resource, in order: for the small datasets of tests only. */
final class CollectingSink implements ResourceSink {

    /** One generated NDJSON line with the type and id the generator gave for it. */
    record Line(String resourceType, String id, String json) {
    }

    private final List<Line> lines = new ArrayList<>();

    static List<Line> generate(DatasetSpec spec) {
        CollectingSink sink = new CollectingSink();
        try {
            new SyntheticDataGenerator(spec).generate(sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sink.lines();
    }

    /** A small dataset that still has several organizations, practitioners per organization and Groups. */
    static DatasetSpec small(int members) {
        return DatasetSpec.builder().members(members).providerOrganizations(4).practitioners(12).groups(3).build();
    }

    @Override
    public void accept(String resourceType, String id, String json) {
        lines.add(new Line(resourceType, id, json));
    }

    List<Line> lines() {
        return lines;
    }

    static String ndjson(List<Line> lines) {
        return lines.stream().map(Line::json).collect(Collectors.joining("\n", "", "\n"));
    }
}

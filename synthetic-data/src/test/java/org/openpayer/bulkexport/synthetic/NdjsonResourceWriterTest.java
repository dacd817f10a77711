package org.openpayer.bulkexport.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

class NdjsonResourceWriterTest {

    @TempDir
    Path directory;

    @Test
    void perType_resourcesOfTwoTypes_oneFileEach() throws IOException {
        // given
        try (NdjsonResourceWriter writer = NdjsonResourceWriter.perType(directory.resolve("out"))) {
            // when
            writer.accept("Patient", "a", "{\"resourceType\":\"Patient\",\"id\":\"a\"}");
            writer.acceptStreamed("Group", "g", out -> out.write("{\"resourceType\":\"Group\",\"id\":\"g\"}"));
            writer.accept("Patient", "b", "{\"resourceType\":\"Patient\",\"id\":\"b\"}");
        }

        // then
        assertThat(directory.resolve("out/Patient.ndjson")).hasContent(
                "{\"resourceType\":\"Patient\",\"id\":\"a\"}\n{\"resourceType\":\"Patient\",\"id\":\"b\"}\n");
        assertThat(Files.readString(directory.resolve("out/Group.ndjson")))
                .isEqualTo("{\"resourceType\":\"Group\",\"id\":\"g\"}\n");
    }

    @Test
    void singleFile_resourcesOfTwoTypes_oneLineEachInOrder() throws IOException {
        // given
        Path file = directory.resolve("all/resources.ndjson");
        try (NdjsonResourceWriter writer = NdjsonResourceWriter.singleFile(file)) {
            // when
            writer.accept("Patient", "a", "{\"id\":\"a\"}");
            writer.acceptStreamed("Group", "g", out -> out.write("{\"id\":\"g\"}"));
        }

        // then
        assertThat(Files.readAllLines(file)).containsExactly("{\"id\":\"a\"}", "{\"id\":\"g\"}");
    }

    @Test
    void combined_aWholeDataset_sameLinesAsCollected() throws IOException {
        // given
        DatasetSpec spec = CollectingSink.small(15);
        StringWriter text = new StringWriter();

        // when
        try (NdjsonResourceWriter writer = NdjsonResourceWriter.combined(text)) {
            new SyntheticDataGenerator(spec).generate(writer);
        }

        // then
        assertThat(text.toString()).isEqualTo(CollectingSink.ndjson(CollectingSink.generate(spec)));
    }

    @Test
    void perType_aTypeThatIsNoFileName_rejected() throws IOException {
        try (NdjsonResourceWriter writer = NdjsonResourceWriter.perType(directory)) {
            assertThatThrownBy(() -> writer.accept("../Patient", "a", "{}"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("not a resource type: ../Patient");
        }
    }
}

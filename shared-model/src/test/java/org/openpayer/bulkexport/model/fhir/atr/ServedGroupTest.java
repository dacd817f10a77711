package org.openpayer.bulkexport.model.fhir.atr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Iterator;
import java.util.List;

class ServedGroupTest {

    private static final String GROUP = "{\"resourceType\":\"Group\",\"id\":\"g1\"}";

    @Test
    void write_and_pieces_produceTheSameJson_withAndWithoutMembers() throws IOException {
        List<List<String>> cases = List.of(List.of(), List.of("{\"a\":1}"), List.of("{\"a\":1}", "{\"b\":2}"));
        for (List<String> members : cases) {
            StringWriter pushed = new StringWriter();
            ServedGroup.write(pushed, GROUP, sink -> {
                for (String member : members) {
                    sink.accept(member);
                }
            });
            StringBuilder pulled = new StringBuilder();
            Iterator<String> pieces = ServedGroup.pieces(GROUP, members.iterator());
            pieces.forEachRemaining(pulled::append);

            assertThat(pulled.toString()).isEqualTo(pushed.toString());
        }
        StringBuilder two = new StringBuilder();
        ServedGroup.pieces(GROUP, List.of("{\"a\":1}", "{\"b\":2}").iterator()).forEachRemaining(two::append);
        assertThat(two.toString())
                .isEqualTo("{\"resourceType\":\"Group\",\"id\":\"g1\",\"member\":[{\"a\":1},{\"b\":2}]}");
    }
}

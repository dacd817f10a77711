package org.openpayer.bulkexport.model.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openpayer.bulkexport.model.event.EventBuilders.anExportTaskPlanned;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.model.event.ExportTaskPlanned;
import org.openpayer.bulkexport.model.event.Topic;

import java.nio.charset.StandardCharsets;

class EventDeserializerTest {

    private final EventDeserializer deserializer = new EventDeserializer();

    @Test
    void deserialize_knownTopic_returnsItsEventType() {
        // given
        ExportTaskPlanned task = anExportTaskPlanned().build();
        byte[] wire = new EventSerializer().serialize(Topic.EXPORT_TASK_PLANNED.topicName(), task);

        // when
        Object read = deserializer.deserialize(Topic.EXPORT_TASK_PLANNED.topicName(), wire);

        // then
        assertThat(read).isEqualTo(task);
    }

    @Test
    void deserialize_unknownTopic_failsAsSerializationError() {
        assertThatThrownBy(() -> deserializer.deserialize("someone-elses-topic", "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("someone-elses-topic");
    }

    @Test
    void deserialize_garbage_failsAsSerializationError() {
        byte[] garbage = "not json".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> deserializer.deserialize(Topic.EXPORT_REQUESTED.topicName(), garbage))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void deserialize_tombstone_isNull() {
        assertThat(deserializer.deserialize(Topic.EXPORT_REQUESTED.topicName(), null)).isNull();
    }
}

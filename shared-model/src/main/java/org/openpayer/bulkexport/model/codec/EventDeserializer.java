package org.openpayer.bulkexport.model.codec;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.openpayer.bulkexport.model.event.Topic;

import java.io.UncheckedIOException;

/**
 * Kafka value deserializer for every event record: the topic a record comes from decides its type, as declared in
 * {@link Topic}, so no channel repeats the mapping. A record that cannot be read is a {@link SerializationException},
 * which the messaging layer hands to the channel's failure strategy instead of looping on it.
 */
public class EventDeserializer implements Deserializer<Object> {

    @Override
    public Object deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        Topic source = Topic.byName(topic)
                .orElseThrow(() -> new SerializationException("topic " + topic + " carries no known event"));
        try {
            return EventCodec.fromJson(data, source.eventType());
        } catch (UncheckedIOException e) {
            throw new SerializationException("unreadable event on " + topic, e);
        }
    }
}

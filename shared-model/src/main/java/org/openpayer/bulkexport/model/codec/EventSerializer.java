package org.openpayer.bulkexport.model.codec;

import org.apache.kafka.common.serialization.Serializer;

/** Kafka value serializer for every event record; name it as {@code value.serializer} of each outgoing channel. */
public class EventSerializer implements Serializer<Object> {

    @Override
    public byte[] serialize(String topic, Object event) {
        return event == null ? null : EventCodec.toJson(event);
    }
}

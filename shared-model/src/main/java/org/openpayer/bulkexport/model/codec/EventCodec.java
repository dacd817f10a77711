package org.openpayer.bulkexport.model.codec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON form of every event on the wire. Producers, consumers and the golden-sample tests all go through this one
 * mapper, so the contract cannot drift between a service's framework defaults and the tests.
 *
 * <p>Instants are ISO-8601 strings; unknown fields are ignored so that adding a field is not a breaking change; null
 * fields are left out.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private EventCodec() {
    }

    public static byte[] toJson(Object event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write event " + event.getClass().getSimpleName(), e);
        }
    }

    public static <T> T fromJson(byte[] json, Class<T> eventType) {
        try {
            return MAPPER.readValue(json, eventType);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + eventType.getSimpleName() + " event", e);
        }
    }
}

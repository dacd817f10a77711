package org.openpayer.bulkexport.synthetic;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;

/**
 * Writes one FHIR resource as compact JSON with Jackson's streaming generator, plus the few FHIR datatypes the
 * dataset uses (Coding, CodeableConcept, Reference, Period, Identifier, Money, Quantity, Address).
 * Streaming keeps generation fast and lets a Group with a million members go straight to its file instead of into
 * memory.
 */
final class FhirJsonWriter {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private final JsonGenerator json;
    private final StringWriter buffer;

    private FhirJsonWriter(Writer out, StringWriter buffer) throws IOException {
        this.json = FACTORY.createGenerator(out);
        this.buffer = buffer;
    }

    /** For an ordinary resource, returned as a string by {@link #finish()}. */
    static FhirJsonWriter toText() throws IOException {
        StringWriter buffer = new StringWriter(1_024);
        return new FhirJsonWriter(buffer, buffer);
    }

    /** For a resource too large to hold: written straight to {@code out}, which stays open. */
    static FhirJsonWriter streamingTo(Writer out) throws IOException {
        return new FhirJsonWriter(out, null);
    }

    /** Flushes the resource; returns its text, or {@code null} when it was streamed. */
    String finish() throws IOException {
        json.close();
        return buffer == null ? null : buffer.toString();
    }

    void beginResource(String resourceType, String id) throws IOException {
        json.writeStartObject();
        json.writeStringField("resourceType", resourceType);
        json.writeStringField("id", id);
    }

    void beginObject(String name) throws IOException {
        json.writeObjectFieldStart(name);
    }

    /** An object inside an array. */
    void beginObject() throws IOException {
        json.writeStartObject();
    }

    void endObject() throws IOException {
        json.writeEndObject();
    }

    void beginArray(String name) throws IOException {
        json.writeArrayFieldStart(name);
    }

    void endArray() throws IOException {
        json.writeEndArray();
    }

    void string(String name, String value) throws IOException {
        json.writeStringField(name, value);
    }

    void bool(String name, boolean value) throws IOException {
        json.writeBooleanField(name, value);
    }

    void integer(String name, long value) throws IOException {
        json.writeNumberField(name, value);
    }

    void decimal(String name, BigDecimal value) throws IOException {
        json.writeNumberField(name, value);
    }

    void stringArray(String name, String... values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    void integerArray(String name, long... values) throws IOException {
        json.writeArrayFieldStart(name);
        for (long value : values) {
            json.writeNumber(value);
        }
        json.writeEndArray();
    }

    void reference(String name, String reference) throws IOException {
        json.writeObjectFieldStart(name);
        json.writeStringField("reference", reference);
        json.writeEndObject();
    }

    /** An array holding one Reference, for 0..* elements such as {@code Coverage.payor}. */
    void referenceArray(String name, String reference) throws IOException {
        json.writeArrayFieldStart(name);
        json.writeStartObject();
        json.writeStringField("reference", reference);
        json.writeEndObject();
        json.writeEndArray();
    }

    void coding(String name, Code code) throws IOException {
        json.writeObjectFieldStart(name);
        codingFields(code);
        json.writeEndObject();
    }

    void codeableConcept(String name, Code... codings) throws IOException {
        json.writeObjectFieldStart(name);
        codingArray(codings);
        json.writeEndObject();
    }

    /** An array holding one CodeableConcept, for 0..* elements such as {@code Condition.category}. */
    void codeableConceptArray(String name, Code... codings) throws IOException {
        json.writeArrayFieldStart(name);
        json.writeStartObject();
        codingArray(codings);
        json.writeEndObject();
        json.writeEndArray();
    }

    /** A Period; {@code end} may be {@code null} for an open one. */
    void period(String name, String start, String end) throws IOException {
        json.writeObjectFieldStart(name);
        json.writeStringField("start", start);
        if (end != null) {
            json.writeStringField("end", end);
        }
        json.writeEndObject();
    }

    /** An Identifier inside an {@code identifier} array; {@code type} may be {@code null}. */
    void identifier(Code type, String system, String value) throws IOException {
        json.writeStartObject();
        if (type != null) {
            codeableConcept("type", type);
        }
        json.writeStringField("system", system);
        json.writeStringField("value", value);
        json.writeEndObject();
    }

    /** US dollars, given in cents so that amounts add up exactly. */
    void money(String name, long cents) throws IOException {
        json.writeObjectFieldStart(name);
        json.writeNumberField("value", BigDecimal.valueOf(cents, 2));
        json.writeStringField("currency", "USD");
        json.writeEndObject();
    }

    /** A Quantity in UCUM, the code doubling as the human-readable unit. */
    void quantity(String name, BigDecimal value, String ucumUnit) throws IOException {
        json.writeObjectFieldStart(name);
        json.writeNumberField("value", value);
        json.writeStringField("unit", ucumUnit);
        json.writeStringField("system", CodeSystems.UCUM);
        json.writeStringField("code", ucumUnit);
        json.writeEndObject();
    }

    /** An {@code address} array holding one US address. */
    void addressArray(String use, Demographics.Address address) throws IOException {
        json.writeArrayFieldStart("address");
        json.writeStartObject();
        json.writeStringField("use", use);
        stringArray("line", address.line());
        json.writeStringField("city", address.city().name());
        json.writeStringField("state", address.city().state());
        json.writeStringField("postalCode", address.city().postalCode());
        json.writeStringField("country", "US");
        json.writeEndObject();
        json.writeEndArray();
    }

    /** A {@code telecom} array holding one phone number. */
    void phoneArray(String number, String use) throws IOException {
        json.writeArrayFieldStart("telecom");
        json.writeStartObject();
        json.writeStringField("system", "phone");
        json.writeStringField("value", number);
        json.writeStringField("use", use);
        json.writeEndObject();
        json.writeEndArray();
    }

    private void codingArray(Code... codings) throws IOException {
        json.writeArrayFieldStart("coding");
        for (Code code : codings) {
            json.writeStartObject();
            codingFields(code);
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private void codingFields(Code code) throws IOException {
        json.writeStringField("system", code.system());
        json.writeStringField("code", code.code());
        if (code.display() != null) {
            json.writeStringField("display", code.display());
        }
    }
}

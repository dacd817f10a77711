package org.openpayer.bulkexport.attribution.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import org.openpayer.bulkexport.model.route.PublicUrls;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A resource's history as a FHIR {@code history} Bundle, newest version first. Stored versions are copied into the
 * Bundle as they are, without being parsed.
 */
@ApplicationScoped
public class HistoryBundle {

    private static final JsonFactory JSON = new JsonFactory();

    private final PublicUrls urls;

    public HistoryBundle(PublicUrls urls) {
        this.urls = urls;
    }

    public String render(String type, String id, List<StoredVersion> newestFirst) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("resourceType", "Bundle");
            json.writeStringField("type", "history");
            json.writeNumberField("total", newestFirst.size());
            json.writeArrayFieldStart("link");
            json.writeStartObject();
            json.writeStringField("relation", "self");
            json.writeStringField("url", urls.fhirBase() + "/" + type + "/" + id + "/_history");
            json.writeEndObject();
            json.writeEndArray();
            json.writeArrayFieldStart("entry");
            for (int i = 0; i < newestFirst.size(); i++) {
                boolean first = i == newestFirst.size() - 1;
                writeEntry(json, type, id, newestFirst.get(i), first);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private void writeEntry(JsonGenerator json, String type, String id, StoredVersion version, boolean first)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("fullUrl", urls.fhirBase() + "/" + type + "/" + id);
        if (!version.deleted()) {
            json.writeFieldName("resource");
            json.writeRawValue(version.content());
        }
        json.writeObjectFieldStart("request");
        json.writeStringField("method", version.deleted() ? "DELETE" : first ? "POST" : "PUT");
        json.writeStringField("url", first && !version.deleted() ? type : type + "/" + id);
        json.writeEndObject();
        json.writeObjectFieldStart("response");
        json.writeStringField("status", version.deleted() ? "204 No Content" : first ? "201 Created" : "200 OK");
        json.writeStringField("etag", "W/\"" + version.versionId() + "\"");
        json.writeStringField("lastModified", version.lastUpdated().toString());
        json.writeEndObject();
        json.writeEndObject();
    }
}

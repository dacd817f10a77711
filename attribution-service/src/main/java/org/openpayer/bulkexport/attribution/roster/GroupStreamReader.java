package org.openpayer.bulkexport.attribution.roster;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.openpayer.bulkexport.rest.FhirException;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;

/**
 * Reads a Group's JSON as a stream: every element but {@code member} is collected into the Group's own element, and
 * each member is handed on as it is read. A list of 10^5 or 10^6 members is never held in memory, only one member
 * (and one batch of the consumer's) at a time.
 */
public final class GroupStreamReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Receives each member element in list order. */
    @FunctionalInterface
    public interface MemberConsumer {
        void accept(ObjectNode member) throws SQLException;
    }

    private GroupStreamReader() {
    }

    /** @return the Group without {@code member}; 400 if the body is not one JSON object */
    public static ObjectNode read(InputStream body, MemberConsumer members) throws IOException, SQLException {
        try (JsonParser parser = JSON.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw FhirException.badRequest("The body is not a JSON object.");
            }
            ObjectNode group = readObject(parser, members);
            if (parser.nextToken() != null) {
                throw FhirException.badRequest("The body holds more than one JSON object.");
            }
            return group;
        } catch (JsonParseException e) {
            throw FhirException.badRequest("The body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * Reads one JSON object from a parser positioned on its {@code START_OBJECT}: every field but a top-level
     * {@code member} array (only Group has one) into the result, each member to {@code members}.
     */
    public static ObjectNode readObject(JsonParser parser, MemberConsumer members) throws IOException,
            SQLException {
        ObjectNode resource = JSON.createObjectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("member".equals(field) && value == JsonToken.START_ARRAY) {
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (parser.currentToken() != JsonToken.START_OBJECT) {
                        throw FhirException.badRequest("Each Group.member must be an object.");
                    }
                    members.accept(parser.readValueAsTree());
                }
            } else {
                resource.set(field, parser.readValueAsTree());
            }
        }
        return resource;
    }
}

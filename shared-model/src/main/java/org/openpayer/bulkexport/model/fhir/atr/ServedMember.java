package org.openpayer.bulkexport.model.fhir.atr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A stored member element as a given Group version serves it: with ATR's changeType for that version. A member last
 * changed in the version served carries how it changed then; in later versions it is {@code nochange}.
 */
public final class ServedMember {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ServedMember() {
    }

    /**
     * @param content       the stored member element
     * @param changedIn     the Group version that last changed the member
     * @param change        how it changed then
     * @param servedVersion the Group version being served
     */
    public static String render(String content, long changedIn, String change, long servedVersion) {
        ChangeType changeType = changedIn == servedVersion ? ChangeType.of(change) : ChangeType.NOCHANGE;
        ObjectNode stored = parse(content);
        ObjectNode served = JSON.createObjectNode();
        ArrayNode extensions = served.putArray("extension");
        extensions.addObject().put("url", AtrVocabulary.CHANGE_TYPE).put("valueCode", changeType.code());
        stored.properties().forEach(field -> {
            if (!"extension".equals(field.getKey())) {
                served.set(field.getKey(), field.getValue());
                return;
            }
            for (JsonNode extension : field.getValue()) {
                // rows stored before changeType was computed may still carry one of their own
                if (!AtrVocabulary.CHANGE_TYPE.equals(extension.path("url").asText())) {
                    extensions.add(extension);
                }
            }
        });
        return served.toString();
    }

    private static ObjectNode parse(String content) {
        try {
            return (ObjectNode) JSON.readTree(content);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("stored Group member is unreadable", e);
        }
    }
}

package org.openpayer.bulkexport.model.fhir.atr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Set;

/**
 * A stored member element as a given Group version serves it: with ATR's changeType for that version and, once the
 * member's data went out in a PDex provider-download, the download bookkeeping of that version. A member last changed
 * in the version served carries how it changed then; in later versions it is {@code nochange}. Element order is
 * FHIR's ({@code id}, {@code extension}, then the rest as stored), and within {@code extension}: changeType, the
 * stored extensions, then lastTransmitted, lastResources and lastFilters.
 */
public final class ServedMember {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Extensions the server computes; a client's own are dropped when stored, and when served from older rows. */
    private static final Set<String> SERVER_OWNED = Set.of(AtrVocabulary.CHANGE_TYPE, AtrVocabulary.LAST_TRANSMITTED,
            AtrVocabulary.LAST_TYPES, AtrVocabulary.LAST_TYPE_FILTER);

    private ServedMember() {
    }

    /**
     * One stored member row of a Group version: what serving it takes.
     *
     * @param content      the stored member element
     * @param changedIn    the Group version that last changed the member
     * @param change       how it changed then
     * @param lastDownload its provider-download bookkeeping in the version served, or {@code null} for none
     */
    public record Row(String content, long changedIn, String change, LastDownload lastDownload) {

        /**
         * The columns a row is read from, in {@link #read}'s order: attribution-service's {@code group_member}
         * ({@code since_version}) and {@code group_member_history} ({@code version_from}) both have them.
         *
         * @param changedInColumn the column holding the version that last changed the member
         */
        public static String columns(String changedInColumn) {
            return "content, " + changedInColumn + ", change_type, last_transmitted, last_types, last_type_filter";
        }

        /** Reads the current row of a result set that selected {@link #columns} first. */
        public static Row read(ResultSet result) throws SQLException {
            Timestamp transmitted = result.getTimestamp(4);
            return new Row(result.getString(1), result.getLong(2), result.getString(3), LastDownload.ofNullable(
                    transmitted == null ? null : transmitted.toInstant(), result.getString(5), result.getString(6)));
        }
    }

    /** Whether the server computes this member extension, so a client's value of it is never kept. */
    public static boolean isServerOwned(String extensionUrl) {
        return SERVER_OWNED.contains(extensionUrl);
    }

    /**
     * @param row           the stored member row
     * @param servedVersion the Group version being served
     */
    public static String render(Row row, long servedVersion) {
        ChangeType changeType = row.changedIn() == servedVersion ? ChangeType.of(row.change()) : ChangeType.NOCHANGE;
        ObjectNode stored = parse(row.content());
        ObjectNode served = JSON.createObjectNode();
        if (stored.has("id")) {
            served.set("id", stored.get("id"));
        }
        ArrayNode extensions = served.putArray("extension");
        extensions.addObject().put("url", AtrVocabulary.CHANGE_TYPE).put("valueCode", changeType.code());
        stored.properties().forEach(field -> {
            if ("id".equals(field.getKey())) {
                return;
            }
            if (!"extension".equals(field.getKey())) {
                served.set(field.getKey(), field.getValue());
                return;
            }
            for (JsonNode extension : field.getValue()) {
                // rows stored before the server computed these may still carry a client's own
                if (!isServerOwned(extension.path("url").asText())) {
                    extensions.add(extension);
                }
            }
        });
        if (row.lastDownload() != null) {
            row.lastDownload().appendTo(extensions);
        }
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

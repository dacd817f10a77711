package org.openpayer.bulkexport.model.fhir.atr;

import com.fasterxml.jackson.databind.node.ArrayNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * PDex 2.1's provider-download bookkeeping of one Group member: when the member's data was last sent with exportType
 * {@code provider-download}, and which {@code _type} and {@code _typeFilter} that export had. Served as the member
 * extensions lastTransmitted, lastResources and lastFilters (PDex 2.2 removed them). attribution-service keeps it with
 * each member version, so every Group version serves the values it had.
 *
 * @param transmitted when the data was sent: the export's transactionTime, or its {@code _until} if earlier
 * @param types       {@code _type} as the client gave it, or {@code null} when it gave none
 * @param typeFilter  {@code _typeFilter} as the client gave it, or {@code null} when it gave none
 */
public record LastDownload(Instant transmitted, String types, String typeFilter) {

    /** FHIR dateTime, always to the millisecond and in UTC, so a value renders the same wherever it is served. */
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

    public LastDownload {
        if (transmitted == null) {
            throw new IllegalArgumentException("a download has a transmission time");
        }
    }

    /** The bookkeeping of a stored member row, or {@code null} when the member was never booked. */
    public static LastDownload ofNullable(Instant transmitted, String types, String typeFilter) {
        return transmitted == null ? null : new LastDownload(transmitted, types, typeFilter);
    }

    /** Appends the extensions in PDex's order; a parameter the client did not give has none. */
    void appendTo(ArrayNode extensions) {
        extensions.addObject().put("url", AtrVocabulary.LAST_TRANSMITTED)
                .put("valueDateTime", DATE_TIME.format(transmitted));
        if (types != null) {
            extensions.addObject().put("url", AtrVocabulary.LAST_TYPES).put("valueString", types);
        }
        if (typeFilter != null) {
            extensions.addObject().put("url", AtrVocabulary.LAST_TYPE_FILTER).put("valueString", typeFilter);
        }
    }
}

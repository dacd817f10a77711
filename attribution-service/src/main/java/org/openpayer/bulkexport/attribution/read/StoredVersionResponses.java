package org.openpayer.bulkexport.attribution.read;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import org.openpayer.bulkexport.model.fhir.FhirMediaType;
import org.openpayer.bulkexport.rest.FhirException;

import java.util.Date;

/** How a stored version is served: its JSON as stored, with the version in ETag and Last-Modified; 410 if deleted. */
public final class StoredVersionResponses {

    private StoredVersionResponses() {
    }

    public static Response served(String type, String id, StoredVersion version) {
        if (version.deleted()) {
            throw FhirException.gone(type + "/" + id + " was deleted (version " + version.versionId() + ").");
        }
        return Response.ok(version.content(), FhirMediaType.FHIR_JSON)
                .tag(new EntityTag(String.valueOf(version.versionId()), true))
                .lastModified(Date.from(version.lastUpdated()))
                .build();
    }

    /** {@code _history/{vid}}: versions are numbers; anything else names no version. */
    public static long versionNumber(String type, String id, String versionId) {
        try {
            return Long.parseLong(versionId);
        } catch (NumberFormatException e) {
            throw FhirException.notFound(type + "/" + id + " has no version " + versionId + ": versions are numbers.");
        }
    }
}

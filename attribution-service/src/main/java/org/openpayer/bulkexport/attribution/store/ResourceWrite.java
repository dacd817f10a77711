package org.openpayer.bulkexport.attribution.store;

import org.openpayer.bulkexport.attribution.roster.GroupMembers;
import org.openpayer.bulkexport.attribution.search.SearchIndexValues;

import java.time.Instant;

/**
 * One resource to store. The content is rendered only once the store knows the version and time it assigns, so the
 * stored JSON carries the same {@code meta.versionId} and {@code meta.lastUpdated} as the row.
 *
 * @param resourceType the FHIR type
 * @param id           the resource id
 * @param patientId    the patient compartment it belongs to, or {@code null}
 * @param content      renders the JSON to store for a given version and update time
 * @param searchValues what the search index keeps for it
 * @param groupMembers a Group's members, stored apart from the Group's own row; none for other types
 */
public record ResourceWrite(String resourceType, String id, String patientId, ContentRenderer content,
                            SearchIndexValues searchValues, GroupMembers groupMembers) {

    /** Renders a resource's JSON with the server-assigned meta. */
    @FunctionalInterface
    public interface ContentRenderer {
        String render(long versionId, Instant lastUpdated);
    }

    /** The same write, for a Group whose members the caller staged already. */
    public ResourceWrite withMembersStaged() {
        return new ResourceWrite(resourceType, id, patientId, content, searchValues, GroupMembers.alreadyStaged());
    }

    /** {@code Type/id}: what identifies the resource across versions. */
    public String key() {
        return resourceType + "/" + id;
    }
}

package org.openpayer.bulkexport.export.roster;

import org.openpayer.bulkexport.model.event.ExportLevel;
import org.openpayer.bulkexport.model.event.ExportRequested;

import java.util.List;

/**
 * Whose compartments an export covers: the active, not opted-out members of one Group (group level) or of every
 * Group a token grants (patient and system level), narrowed to the {@code patient} parameter's list when given.
 *
 * @param groupId                 the Group, at group level; otherwise {@code null}
 * @param grantedGroupIds         the granted Group ids, at patient and system level; otherwise {@code null}
 * @param grantedGroupIdentifiers the granted Group identifiers ({@code system|value}); otherwise {@code null}
 * @param onlyPatients            the {@code patient} parameter's Patient ids, or {@code null} for everyone
 */
public record Population(String groupId, List<String> grantedGroupIds, List<String> grantedGroupIdentifiers,
                         List<String> onlyPatients) {

    public static Population of(ExportRequested request) {
        return request.level() == ExportLevel.GROUP
                ? new Population(request.groupId(), null, null, request.patients())
                : new Population(null, request.grantedGroupIds(), request.grantedGroupIdentifiers(),
                request.patients());
    }
}

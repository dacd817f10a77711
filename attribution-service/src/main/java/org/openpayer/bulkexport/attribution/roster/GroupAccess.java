package org.openpayer.bulkexport.attribution.roster;

import jakarta.enterprise.context.ApplicationScoped;
import org.openpayer.bulkexport.rest.Caller;
import org.openpayer.bulkexport.rest.FhirException;

import java.sql.SQLException;

/**
 * ATR's per-instance rule: a client reaches a Group only through its grant (by id or by identifier). A Group it may
 * not reach answers exactly like one that does not exist, so ids and identifiers cannot be probed.
 */
@ApplicationScoped
public class GroupAccess {

    private final GroupRepository groups;

    public GroupAccess(GroupRepository groups) {
        this.groups = groups;
    }

    /** The Group, if it exists and the caller's grant covers it; 404 otherwise. */
    public GroupRepository.GroupRow require(Caller caller, String groupId) throws SQLException {
        return groups.find(groupId)
                .filter(row -> caller.groups().permits(row.id(),
                        row.identifiers().stream().map(GroupIdentifier::token).toList()))
                .orElseThrow(() -> FhirException.notFound(
                        "Group/" + groupId + " is not known or not accessible to this client."));
    }
}

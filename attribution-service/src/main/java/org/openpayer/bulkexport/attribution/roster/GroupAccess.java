package org.openpayer.bulkexport.attribution.roster;

import jakarta.enterprise.context.ApplicationScoped;
import org.openpayer.bulkexport.rest.Caller;
import org.openpayer.bulkexport.rest.FhirException;

import java.sql.SQLException;

/**
 * Who reaches which Group. ATR's per-instance rule: a client reaches an attribution list only through its grant (by id
 * or by identifier). A Group of matched members ({@link MatchGroups}) is reached only by the client whose
 * {@code $bulk-member-match} made it, and only to read it. A Group a client may not reach answers exactly like one
 * that does not exist, so ids and identifiers cannot be probed.
 */
@ApplicationScoped
public class GroupAccess {

    private final GroupRepository groups;

    public GroupAccess(GroupRepository groups) {
        this.groups = groups;
    }

    /** The Group, if it exists and the caller may read it; 404 otherwise. */
    public GroupRepository.GroupRow require(Caller caller, String groupId) throws SQLException {
        return groups.find(groupId).filter(row -> readable(caller, row)).orElseThrow(() -> notFound(groupId));
    }

    /**
     * An attribution list the caller's grant covers, for ATR's operations; a Group of matched members is refused
     * (422) to its owner, and is unknown (404) to anyone else.
     */
    public GroupRepository.GroupRow requireAttributionList(Caller caller, String groupId) throws SQLException {
        GroupRepository.GroupRow group = require(caller, groupId);
        if (group.matchOwner() != null) {
            throw MatchGroups.readOnly(groupId);
        }
        return group;
    }

    private static boolean readable(Caller caller, GroupRepository.GroupRow group) {
        if (group.matchOwner() != null) {
            return group.matchOwner().equals(caller.clientId());
        }
        return caller.groups().permits(group.id(), group.identifiers().stream().map(GroupIdentifier::token).toList());
    }

    private static FhirException notFound(String groupId) {
        return FhirException.notFound("Group/" + groupId + " is not known or not accessible to this client.");
    }
}

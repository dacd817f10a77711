package org.openpayer.bulkexport.model.security;

import java.util.Collection;
import java.util.Set;

/**
 * Which attribution Groups a client may access: Groups named by id, and any Group that carries one of the granted
 * identifiers (a provider organization's NPI or TIN, a contract id). ATR asks producers to check access per Group
 * instance; the scope alone is not enough.
 *
 * @param groupIds    Group ids granted one by one
 * @param identifiers identifiers in {@code system|value} form
 */
public record GroupGrant(Set<String> groupIds, Set<String> identifiers) {

    public static final GroupGrant NONE = new GroupGrant(Set.of(), Set.of());

    public GroupGrant {
        groupIds = Set.copyOf(groupIds);
        identifiers = Set.copyOf(identifiers);
    }

    /**
     * @param groupId          the Group asked for
     * @param groupIdentifiers that Group's identifiers in {@code system|value} form
     */
    public boolean permits(String groupId, Collection<String> groupIdentifiers) {
        return groupIds.contains(groupId) || groupIdentifiers.stream().anyMatch(identifiers::contains);
    }

    public static String identifierToken(String system, String value) {
        return system + "|" + value;
    }
}

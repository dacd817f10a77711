package org.openpayer.bulkexport.attribution.roster;

import org.openpayer.bulkexport.model.security.GroupGrant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The Group grant rule of {@link GroupGrant#permits} as SQL, for queries that decide access in the database: a Group
 * is granted by its id or by any {@code system|value} identifier it carries, unless it is a Group of matched members
 * ({@link MatchGroups}), which no grant reaches. Every such query uses this one condition, so Group search and
 * member-data reads cannot disagree about which Groups a client has.
 */
public final class GrantedGroupsSql {

    private GrantedGroupsSql() {
    }

    /** A condition on {@code groupIdColumn} with two parameters, bound by {@link #bind}. */
    public static String condition(String groupIdColumn) {
        return "((" + groupIdColumn + " = any(?) or exists (select 1 from attribution.group_identifier i "
                + "where i.group_id = " + groupIdColumn + " and i.system || '|' || i.value = any(?))) and not "
                + MatchGroups.isMatchGroup(groupIdColumn) + ")";
    }

    /** Binds the grant to the condition's two parameters, starting at {@code index}. */
    public static void bind(Connection connection, PreparedStatement statement, int index, GroupGrant grant)
            throws SQLException {
        statement.setArray(index, connection.createArrayOf("varchar", grant.groupIds().toArray()));
        statement.setArray(index + 1, connection.createArrayOf("varchar", grant.identifiers().toArray()));
    }
}

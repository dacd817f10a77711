package org.openpayer.bulkexport.attribution.roster;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The members a Group write brings: a list parsed with the Group (bulk load, transactions), or members a streaming
 * reader already staged in this transaction (large Groups over REST), which must not be staged again.
 */
public sealed interface GroupMembers {

    /** Puts the members into a fresh stage of {@code membership}, unless they are there already. */
    void stage(Connection connection, GroupMembership membership) throws SQLException;

    /** Whether the members were staged already, by a reader that streamed them. */
    boolean preStaged();

    static GroupMembers of(List<GroupMember> members) {
        return new Listed(members);
    }

    static GroupMembers alreadyStaged() {
        return new AlreadyStaged();
    }

    /** Members held in a list. */
    record Listed(List<GroupMember> members) implements GroupMembers {
        @Override
        public void stage(Connection connection, GroupMembership membership) throws SQLException {
            GroupMembership.Stage stage = membership.stage(connection);
            for (GroupMember member : members) {
                stage.add(member);
            }
            stage.finish();
        }

        @Override
        public boolean preStaged() {
            return false;
        }
    }

    /** Members staged while the request streamed in. */
    record AlreadyStaged() implements GroupMembers {
        @Override
        public void stage(Connection connection, GroupMembership membership) {
            // staged by the reader, in this transaction
        }

        @Override
        public boolean preStaged() {
            return true;
        }
    }
}

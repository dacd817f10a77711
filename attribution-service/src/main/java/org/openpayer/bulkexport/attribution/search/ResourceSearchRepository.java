package org.openpayer.bulkexport.attribution.search;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.openpayer.bulkexport.attribution.optout.OptOutSql;
import org.openpayer.bulkexport.attribution.roster.GrantedGroupsSql;
import org.openpayer.bulkexport.model.security.GroupGrant;
import org.openpayer.bulkexport.search.SearchCriterion;
import org.openpayer.bulkexport.search.SqlCondition;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs searches in SQL: access first (member data only of the caller's active Group members, as for reads), then
 * the criteria, then a keyset page by id, so page N costs what page 1 costs.
 */
@ApplicationScoped
public class ResourceSearchRepository {

    /** Resources outside every compartment, or in the compartment of an active member of a granted Group. */
    private static final String ACCESSIBLE = """
            (r.patient_id is null or r.patient_id in (
              select m.patient_id from attribution.group_member m
              join attribution.resource g on g.resource_type = 'Group' and g.id = m.group_id and not g.deleted
              where not m.inactive and %s and %s))""".formatted(GrantedGroupsSql.condition("m.group_id"),
            OptOutSql.notOptedOut("m.patient_id"));

    private final AgroalDataSource dataSource;

    public ResourceSearchRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * One page: up to {@code query.count() + 1} matches, so the caller knows whether another page follows.
     *
     * @param memberGrant the caller's Groups, whose active members' data it may see; empty for the server's own
     *                    lookups (conditional create), which see every resource
     */
    public List<Match> page(ResourceQuery query, Optional<GroupGrant> memberGrant) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return page(connection, query, memberGrant);
        }
    }

    /** {@link #page(ResourceQuery, Optional)} inside the caller's transaction. */
    public List<Match> page(Connection connection, ResourceQuery query, Optional<GroupGrant> memberGrant)
            throws SQLException {
        List<Object> binds = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select r.id, r.content from attribution.resource r where ");
        sql.append(where(query, memberGrant, binds));
        if (query.afterId() != null) {
            sql.append(" and r.id > ?");
            binds.add(query.afterId());
        }
        sql.append(" order by r.id limit ?");
        binds.add(query.count() + 1);
        List<Match> matches = new ArrayList<>();
        try (PreparedStatement statement = prepare(connection, sql.toString(), binds);
             ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                matches.add(new Match(row.getString(1), row.getString(2)));
            }
        }
        return matches;
    }

    public long count(ResourceQuery query, Optional<GroupGrant> memberGrant) throws SQLException {
        List<Object> binds = new ArrayList<>();
        String sql = "select count(*) from attribution.resource r where "
                + where(query, memberGrant, binds);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, binds);
             ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** The WHERE clause; the grant's two placeholders follow the type's when member access is checked. */
    private static String where(ResourceQuery query, Optional<GroupGrant> memberGrant, List<Object> binds) {
        StringBuilder where = new StringBuilder("r.resource_type = ? and not r.deleted");
        binds.add(query.type().name());
        if (memberGrant.isPresent() && query.type().inPatientCompartment()) {
            where.append(" and ").append(ACCESSIBLE);
            binds.add(memberGrant.get());
        }
        for (SearchCriterion criterion : query.criteria()) {
            SqlCondition condition = criterion.toSql();
            where.append(" and ").append(condition.sql());
            binds.addAll(condition.values());
        }
        return where.toString();
    }

    /** Binds in order; a GroupGrant fills the grant condition's two placeholders. */
    private static PreparedStatement prepare(Connection connection, String sql, List<Object> binds)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        int index = 1;
        for (Object value : binds) {
            if (value instanceof GroupGrant grant) {
                GrantedGroupsSql.bind(connection, statement, index, grant);
                index += 2;
            } else if (value instanceof String[] array) {
                statement.setArray(index++, connection.createArrayOf("varchar", array));
            } else {
                statement.setObject(index++, value);
            }
        }
        return statement;
    }

    /** A matching resource: its id and stored JSON. */
    public record Match(String id, String content) {
    }
}

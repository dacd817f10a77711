package org.openpayer.bulkexport.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * A piece of a WHERE clause over {@code attribution.resource r}, with the values of its {@code ?} placeholders in
 * order. Values are bound, never spliced into the text.
 */
public record SqlCondition(String sql, List<Object> values) {

    /**
     * Binds the values from placeholder {@code first} on; a {@code String[]} becomes a SQL array.
     *
     * @return the next placeholder's index
     */
    public int bind(Connection connection, PreparedStatement statement, int first) throws SQLException {
        int index = first;
        for (Object value : values) {
            if (value instanceof String[] array) {
                statement.setArray(index++, connection.createArrayOf("varchar", array));
            } else {
                statement.setObject(index++, value);
            }
        }
        return index;
    }
}

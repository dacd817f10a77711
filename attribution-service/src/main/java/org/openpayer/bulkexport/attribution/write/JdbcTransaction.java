package org.openpayer.bulkexport.attribution.write;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;

/** Runs work in one JDBC transaction: committed when it returns, rolled back when it throws. */
@ApplicationScoped
public class JdbcTransaction {

    /** Work that needs the transaction's connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final AgroalDataSource dataSource;

    public JdbcTransaction(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> T run(Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }
}

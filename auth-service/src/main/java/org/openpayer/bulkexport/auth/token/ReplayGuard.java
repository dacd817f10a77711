package org.openpayer.bulkexport.auth.token;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Remembers every client assertion {@code jti} until the assertion expires, in the database so that all auth-service
 * instances share it: an assertion replayed against another instance is refused as well. Plain JDBC in autocommit,
 * since this runs for every token: one statement, one round trip, no ORM session.
 */
@ApplicationScoped
public class ReplayGuard {

    private final AgroalDataSource dataSource;

    public ReplayGuard(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records the jti; false when it was already used. The primary key makes this atomic across instances. */
    public boolean firstUse(String clientId, String jti, Instant expiresAt) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into auth.used_assertion (client_id, jti, expires_at) values (?, ?, ?) "
                             + "on conflict do nothing")) {
            insert.setString(1, clientId);
            insert.setString(2, jti);
            insert.setTimestamp(3, Timestamp.from(expiresAt));
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record a client assertion id", e);
        }
    }

    @Scheduled(every = "5m", delayed = "1m")
    void forgetExpired() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "delete from auth.used_assertion where expires_at < now()")) {
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot forget expired client assertion ids", e);
        }
    }
}

package org.openpayer.bulkexport.auth.token;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * Remembers every client assertion {@code jti} until the assertion expires, in the database so that all auth-service
 * instances share it: an assertion replayed against another instance is refused as well.
 */
@ApplicationScoped
public class ReplayGuard {

    private final EntityManager entityManager;

    public ReplayGuard(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Records the jti; false when it was already used. The primary key makes this atomic across instances. */
    @Transactional
    public boolean firstUse(String clientId, String jti, Instant expiresAt) {
        int inserted = entityManager.createNativeQuery(
                        "insert into auth.used_assertion (client_id, jti, expires_at) values (?1, ?2, ?3) "
                                + "on conflict do nothing")
                .setParameter(1, clientId)
                .setParameter(2, jti)
                .setParameter(3, Timestamp.from(expiresAt))
                .executeUpdate();
        return inserted == 1;
    }

    @Scheduled(every = "5m", delayed = "1m")
    @Transactional
    void forgetExpired() {
        entityManager.createNativeQuery("delete from auth.used_assertion where expires_at < now()").executeUpdate();
    }
}

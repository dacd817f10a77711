package org.openpayer.bulkexport.auth.keys;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One of the keys that sign our access tokens, shared by every auth-service instance through the database. A key is
 * published from {@link #createdAt}, signs from {@link #signsFrom} until a newer key takes over, and is published
 * until {@link #retiredAt}.
 */
@Entity
@Table(name = "signing_key")
public class SigningKey extends PanacheEntityBase {

    @Id
    public String kid;

    public String algorithm;

    @Column(name = "private_jwk")
    public String privateJwk;

    @Column(name = "public_jwk")
    public String publicJwk;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "signs_from")
    public Instant signsFrom;

    /** When the key stopped being published; {@code null} while it is. */
    @Column(name = "retired_at")
    public Instant retiredAt;

    KeyPeriod period() {
        return new KeyPeriod(kid, signsFrom);
    }
}

package org.openpayer.bulkexport.auth.client;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;

/** A SMART Backend Services client as the payer's operators registered it. */
@Entity
@Table(name = "client")
public class RegisteredClient extends PanacheEntityBase {

    @Id
    @Column(name = "client_id")
    public String clientId;

    public String name;

    /** Where the client publishes its public keys (preferred), or {@code null} when they are stored inline. */
    @Column(name = "jwks_url")
    public String jwksUrl;

    /** The client's public JWK Set as JSON, or {@code null} when it is fetched from {@link #jwksUrl}. */
    public String jwks;

    /** Space-separated SMART scopes the client may be granted at most. */
    @Column(name = "allowed_scopes")
    public String allowedScopes;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "group_ids")
    public List<String> groupIds;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "group_identifiers")
    public List<String> groupIdentifiers;

    /** {@code system|value} identifiers of the health plan the client acts for; empty for providers' systems. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "payer_identifiers")
    public List<String> payerIdentifiers;

    public boolean active;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}

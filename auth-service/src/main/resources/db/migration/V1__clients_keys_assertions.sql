-- SMART Backend Services clients registered by the payer's operators.
create table client (
    client_id         varchar(64)  primary key,
    name              varchar(200) not null,
    -- Exactly one of jwks_url (preferred: lets the client rotate keys) and jwks (inline) is set.
    jwks_url          varchar(2000),
    jwks              text,
    allowed_scopes    text         not null,
    group_ids         jsonb        not null default '[]',
    group_identifiers jsonb        not null default '[]',
    active            boolean      not null default true,
    created_at        timestamptz  not null default now(),
    constraint client_has_one_key_source check ((jwks_url is null) <> (jwks is null))
);

-- Keys that sign our access tokens. Every instance signs with the newest active key and publishes all active ones.
create table signing_key (
    kid         varchar(64) primary key,
    algorithm   varchar(16) not null,
    private_jwk text        not null,
    public_jwk  text        not null,
    created_at  timestamptz not null default now(),
    active      boolean     not null default true
);

-- Client assertion ids already used, shared by every auth-service instance (SMART: a jti is never accepted twice).
-- Rows are kept until the assertion would have expired anyway.
create table used_assertion (
    client_id  varchar(64)  not null,
    jti        varchar(256) not null,
    expires_at timestamptz  not null,
    primary key (client_id, jti)
);
create index used_assertion_expiry on used_assertion (expires_at);

-- Payer-to-payer pull, this payer as the new one: operators register the payers we pull from, and each pull of a
-- member's data is a job (served as a FHIR Task) that any instance may run. None of this is member data: it is never
-- served as stored resources, searched or exported to providers.

-- Other payers we pull from: where their FHIR API and token endpoint are, our client there and where our private key
-- for that client is kept. The key itself is never stored: private_key_ref names a secret (an environment variable or
-- a file in the mounted key directory) that is read when a pull needs a token.
create table remote_payer (
    id              uuid          primary key,
    name            varchar(200)  not null,
    fhir_base_url   varchar(2000) not null,
    token_url       varchar(2000) not null,
    client_id       varchar(256)  not null,
    scope           varchar(1000) not null,
    private_key_ref varchar(300)  not null,
    -- system|value identifiers of that payer (e.g. its NPI): who the Provenance of imported data names as the source.
    identifiers     jsonb         not null,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null
);

-- One pull: the Task's state, owned by the client that started it. Instances claim runnable pulls with
-- "for update skip locked" and hold them by a lease they renew while working; a pull whose lease ran out (its
-- instance died) is claimed again and resumes from what it stored (the member's id there, the export's status URL).
create table payer_pull (
    id                       uuid          primary key,
    client_id                varchar(256)  not null,
    patient_id               varchar(64)   not null,
    remote_payer_id          uuid          not null references remote_payer (id),
    -- The request as accepted: Bulk parameters, the member's id there if given, the $member-match inputs.
    request                  jsonb         not null,
    status                   varchar(16)   not null,
    step                     varchar(32),
    progress                 varchar(300),
    status_reason            text,
    remote_patient_id        varchar(64),
    remote_member_identifier varchar(1600),
    export_status_url        varchar(2000),
    -- What the import did (counts by type, the Provenance written), once completed.
    outcome                  jsonb,
    attempts                 integer       not null default 0,
    claimed_by               varchar(200),
    lease_until              timestamptz,
    created_at               timestamptz   not null,
    started_at               timestamptz,
    updated_at               timestamptz   not null,
    finished_at              timestamptz
);
create index payer_pull_runnable on payer_pull (created_at) where status in ('requested', 'in-progress');

-- The NDJSON lines of a pull's export, downloaded before anything is imported, so the import is one transaction
-- that either stores all of them or none. Deleted rows come from the manifest's deleted Bundles (no content).
create table payer_pull_staged (
    pull_id       uuid        not null,
    seq           integer     not null,
    deleted       boolean     not null,
    resource_type varchar(64) not null,
    remote_id     varchar(64) not null,
    content       text,
    primary key (pull_id, seq)
);
create index payer_pull_staged_by_resource on payer_pull_staged (pull_id, resource_type, remote_id);

-- The member's id at another payer, from a successful $member-match there: later pulls skip the match.
create table remote_member (
    remote_payer_id          uuid          not null references remote_payer (id),
    patient_id               varchar(64)   not null,
    remote_patient_id        varchar(64)   not null,
    remote_member_identifier varchar(1600),
    matched_at               timestamptz   not null,
    primary key (remote_payer_id, patient_id)
);

-- Every resource a pull stored, with a hash of what it stored: a later pull that brings the same content writes
-- nothing (no new version, no new lastUpdated for providers' _since exports), and deletions at the old payer find
-- what to delete here.
create table payer_pull_import (
    resource_type   varchar(64)  not null,
    id              varchar(64)  not null,
    remote_payer_id uuid         not null,
    remote_id       varchar(64)  not null,
    content_hash    varchar(64)  not null,
    pull_id         uuid         not null,
    primary key (resource_type, id)
);

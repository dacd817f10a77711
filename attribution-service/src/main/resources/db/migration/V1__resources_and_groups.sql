-- The payer's FHIR resources, current versions. content is the JSON exactly as served (one line, meta included),
-- so reads and exports copy it without parsing. Export workers read this table directly (read-only): the columns
-- resource_type, patient_id, last_updated and deleted are their contract, documented in docs/architecture.md.
create table resource (
    resource_type varchar(64)  not null,
    id            varchar(64)  not null,
    version_id    bigint       not null,
    last_updated  timestamptz  not null,
    -- The patient compartment the resource belongs to (the Patient's own id for a Patient); null outside them.
    patient_id    varchar(64),
    deleted       boolean      not null default false,
    content       text,
    primary key (resource_type, id)
);
-- The export hot path: one type, a batch of patients.
create index resource_by_type_patient on resource (resource_type, patient_id) include (last_updated)
    where not deleted;

-- Every version ever stored, for vread and history (deletes are tombstones with no content).
create table resource_history (
    resource_type varchar(64)  not null,
    id            varchar(64)  not null,
    version_id    bigint       not null,
    last_updated  timestamptz  not null,
    deleted       boolean      not null,
    content       text,
    primary key (resource_type, id, version_id)
);

-- Attribution Groups keep their members relationally, so a Group of 10^5 members is read, searched and exported in
-- batches. The Group's own resource row holds everything but the members.
create table group_member (
    group_id     varchar(64)  not null,
    member_seq   integer      not null,
    patient_id   varchar(64)  not null,
    inactive     boolean      not null default false,
    period_start date,
    period_end   date,
    -- The Group.member element as JSON (entity, period, inactive, ATR extensions).
    content      text         not null,
    primary key (group_id, member_seq)
);
create index group_member_by_patient on group_member (group_id, patient_id);

create table group_identifier (
    group_id varchar(64)   not null,
    system   varchar(1024) not null,
    value    varchar(256)  not null,
    primary key (group_id, system, value)
);
create index group_identifier_lookup on group_identifier (value, system);

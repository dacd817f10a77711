-- Export jobs and their progress, owned by export-service: only its coordinator changes a job's status.
create table export_job (
    id               uuid         primary key,
    client_id        varchar(64)  not null,
    status           varchar(16)  not null,
    level            varchar(16)  not null,
    group_id         varchar(64),
    resource_types   text         not null,
    since            timestamptz,
    transaction_time timestamptz  not null,
    request_url      text         not null,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    completed_at     timestamptz,
    -- Unknown until the planner has split the job into tasks.
    task_count       integer,
    tasks_done       integer      not null default 0,
    failure_reason   text
);
create index export_job_by_client on export_job (client_id, created_at);

-- One resource type for one batch of patients; the unit a worker takes from Kafka.
create table export_task (
    job_id         uuid         not null references export_job (id) on delete cascade,
    seq            integer      not null,
    resource_type  varchar(64)  not null,
    patient_count  integer      not null,
    status         varchar(16)  not null,
    worker_id      varchar(128),
    updated_at     timestamptz  not null,
    failure_reason text,
    primary key (job_id, seq)
);

-- The NDJSON files of a job, as its manifest lists them.
create table export_file (
    job_id         uuid         not null references export_job (id) on delete cascade,
    file_name      varchar(200) not null,
    resource_type  varchar(64)  not null,
    task_seq       integer      not null,
    resource_count bigint       not null,
    byte_count     bigint       not null,
    primary key (job_id, file_name)
);

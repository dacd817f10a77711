-- Polling pace: a status request sooner than the minimum interval after the previous one is answered 429.
alter table export_job add column last_polled_at timestamptz;
-- What a task needs to be published again, kept with the job and its batches rather than per task.
alter table export_job add column elements text[];
alter table export_job add column type_filters text[];
alter table export_job add column export_type varchar(64);

-- One keyset batch of the population: the patients every task of the batch exports.
create table export_batch (
    job_id      uuid    not null references export_job (id) on delete cascade,
    batch_seq   integer not null,
    patient_ids text[]  not null,
    primary key (job_id, batch_seq)
);

-- batch_seq: the batch the task exports (batch 0: the named patients, or none, for tasks exporting a whole type);
-- attempts: how often the supervisor published it again after it went unreported for too long.
alter table export_task add column batch_seq integer not null default 0;
alter table export_task add column group_id varchar(64);
alter table export_task add column attempts integer not null default 0;
create index export_task_planned on export_task (updated_at) where status = 'PLANNED';
create index export_job_running on export_job (created_at) where status in ('ACCEPTED', 'IN_PROGRESS');
create index export_job_finished on export_job (completed_at) where status in ('COMPLETED', 'FAILED');

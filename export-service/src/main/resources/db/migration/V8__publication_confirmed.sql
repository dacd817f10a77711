-- Events decided in a transaction are sent after it commits: the tasks a finished task or a planned batch releases,
-- and a job's export-completed announcement. An instance lost between the commit and the broker's acknowledgement
-- would leave them unsent (a job stalled until the task timeout, a completion never announced), so the
-- acknowledgement is recorded, and the supervisor sends again what stays unconfirmed (JobEventPublisher).
alter table export_task add column published_at timestamptz;
update export_task set published_at = updated_at where status = 'PLANNED';
create index export_task_unconfirmed on export_task (updated_at) where status = 'PLANNED' and published_at is null;

alter table export_job add column announced_at timestamptz;
update export_job set announced_at = completed_at where status in ('COMPLETED', 'EXPIRED');
create index export_job_unannounced on export_job (completed_at) where status = 'COMPLETED' and announced_at is null;

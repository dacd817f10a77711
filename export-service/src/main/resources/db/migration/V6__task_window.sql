-- Fair sharing (TaskWindow): tasks wait in the database until their job has room on the work queue. Every task report
-- counts its job's published, unfinished tasks and takes the next waiting ones in order; both stay small index scans
-- however many tasks a job has.
create index export_task_in_flight on export_task (job_id) where status = 'PLANNED';
create index export_task_waiting on export_task (job_id, seq) where status = 'WAITING';

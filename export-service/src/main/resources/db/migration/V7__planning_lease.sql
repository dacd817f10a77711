-- Planning leases (PlanningLease): the planner planning a job, and when it last made progress, so another planner
-- can take over a job whose planner was lost and resume after the batches already stored.
alter table export_job add column planner_id varchar(200);
alter table export_job add column planner_seen_at timestamptz;

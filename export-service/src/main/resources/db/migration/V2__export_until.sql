-- Bulk Data v3 _until: only resources changed before this instant.
alter table export_job add column until_time timestamptz;

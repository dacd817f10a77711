-- What a completed job reports on export-completed about its request, beyond what tasks need: the patient subset and
-- the type parameters exactly as the client gave them (PDex 2.1's provider-download bookkeeping records those strings).
alter table export_job add column patients text[];
alter table export_job add column type_parameter text;
alter table export_job add column type_filter_parameter text;

-- Which manifest list a file belongs to: output, error (OperationOutcomes) or deleted (Bundles of DELETE entries).
alter table export_file add column kind varchar(16) not null default 'OUTPUT';

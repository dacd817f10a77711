-- One row per file download (GET that sends content: 200 or 206), inserted before the first byte and finished after
-- the last one or the abort. A row with finished_at null is a download that never reported its end (crash, lost
-- database connection); completed = false with finished_at set is one the client or the server aborted.
create table download_audit (
    id              bigserial   primary key,
    -- The token's subject: the SMART client that downloaded (always the export's owner).
    client_id       text        not null,
    job_id          uuid        not null,
    file_name       text        not null,
    resource_type   text        not null,
    -- output, error or deleted (ExportFileKind's wire names).
    file_kind       text        not null,
    -- identity (stored plain, sent plain), gzip (stored and sent gzip) or inflated (stored gzip, sent plain).
    encoding        text        not null,
    -- The Range header as sent (first 200 characters), null without one; status says whether it was served.
    range_requested text,
    status          smallint    not null,
    -- Body bytes handed to the connection, as encoded on the wire.
    bytes_sent      bigint      not null default 0,
    started_at      timestamptz not null default now(),
    finished_at     timestamptz,
    completed       boolean     not null default false
);

create index download_audit_by_job on download_audit (job_id);
create index download_audit_by_client on download_audit (client_id, started_at);

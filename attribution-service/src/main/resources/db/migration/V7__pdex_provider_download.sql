-- PDex 2.1 provider-download bookkeeping: when each member's data last went out in a provider-download export, and the
-- _type and _typeFilter strings that export had. Kept on the current member row and on each member version, so every
-- Group version serves the values it had; a Group write that does not touch a member keeps its values. Part of the
-- member-data read contract: export-service's ATR export serves them on the Group's members.
alter table group_member add column last_transmitted timestamptz;
alter table group_member add column last_types text;
alter table group_member add column last_type_filter text;
alter table group_member_history add column last_transmitted timestamptz;
alter table group_member_history add column last_types text;
alter table group_member_history add column last_type_filter text;

-- Every provider-download job booked (export-completed is delivered at least once): a redelivered job finds its row
-- and changes nothing. group_version is the Group version the bookkeeping made, or null when it moved no member's
-- record forward (nobody exported, or a later download booked already).
create table provider_download (
    job_id        uuid        primary key,
    group_id      varchar(64) not null,
    booked_at     timestamptz not null,
    group_version bigint
);

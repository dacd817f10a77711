-- PDex $bulk-member-match: another payer submits many members at once and polls for the result. A request is a job
-- row and one row per submitted member, so any instance can carry it on after another stopped; every member is
-- matched in a transaction of its own that also records its outcome, so none is matched twice or lost.
create table bulk_match_job (
    id               uuid         primary key,
    client_id        varchar(256) not null,
    -- The requesting payer's identifiers (system|value) from the token at kick-off: a Consent's recipient must be one.
    requester        jsonb        not null,
    status           varchar(16)  not null,
    -- The id the Group of matched members gets; its members' matches carry it from the moment they are stored.
    matched_group_id varchar(64)  not null,
    member_count     integer      not null,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    completed_at     timestamptz,
    -- The client reached its failed-match limit: the job waits until then.
    paused_until     timestamptz,
    failure_reason   text,
    -- The Parameters the status URL answers with once the job completed.
    result           text
);
create index bulk_match_job_by_status on bulk_match_job (status, created_at);

create table bulk_match_member (
    job_id            uuid          not null references bulk_match_job (id) on delete cascade,
    seq               integer       not null,
    -- The MemberBundle's parts as a Parameters resource: MemberPatient, CoverageToMatch, CoverageToLink, Consent.
    input             text          not null,
    -- null while waiting; then match, nomatch or consentconstraint (PdexMultiMemberMatchResultCS).
    outcome           varchar(32),
    patient_id        varchar(64),
    -- The UMB (system|value) of a matched member, as $member-match would have answered it.
    member_identifier varchar(1600),
    primary key (job_id, seq)
);
create index bulk_match_member_waiting on bulk_match_member (job_id, seq) where outcome is null;

-- A match made by $bulk-member-match names the Group of matched members it belongs to: the payer-to-payer export of
-- that Group applies the Consent of each member's match.
alter table member_match add column match_group_id varchar(64);
create index member_match_by_group on member_match (match_group_id, patient_id) where match_group_id is not null;

-- Groups of matched members, and the one client that may read and export each. They are not attribution lists:
-- no grant reaches them, no one changes them, and provider access opt-outs do not apply to them (payer-to-payer
-- exchange is by the member's opt-in Consent). Part of the member-data read contract (export-service).
create table member_match_group (
    group_id   varchar(64)  primary key,
    client_id  varchar(256) not null,
    created_at timestamptz  not null
);

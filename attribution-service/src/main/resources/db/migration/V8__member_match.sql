-- HRex $member-match, this payer answering as the old payer: every successful match, with the Consent it was made
-- under and the requester's coverage (CoverageToLink), linked to the member. Kept out of the resource table on purpose:
-- they are another payer's documents, not member data to serve or export to providers. The consent_* columns are the
-- terms the payer-to-payer export evaluates: only for client_id (the requesting payer's client), only while the
-- status is active and consent_start <= now < consent_end, and only the data consent_policy allows (regular: nothing
-- labelled sensitive; sensitive: all).
create table member_match (
    id                uuid          primary key,
    client_id         varchar(256)  not null,
    patient_id        varchar(64)   not null,
    matched_at        timestamptz   not null,
    -- The MemberIdentifier answered (system|value): the id the requester uses from now on.
    member_identifier varchar(1600) not null,
    coverage_to_link  text          not null,
    consent           text          not null,
    consent_status    varchar(16)   not null,
    consent_policy    varchar(16)   not null,
    consent_start     timestamptz   not null,
    consent_end       timestamptz   not null,
    -- system|value identifiers of the provision's actors: recipient (the requesting payer) and source (this payer).
    consent_recipient jsonb         not null,
    consent_source    jsonb         not null
);
create index member_match_by_client on member_match (client_id, patient_id);
create index member_match_by_patient on member_match (patient_id);

-- Failed matches (no match, several) per client, for the guessing limit: rows older than the window are deleted as
-- new ones are written, so a client has at most the limit's worth.
create table member_match_failure (
    client_id varchar(256) not null,
    failed_at timestamptz  not null
);
create index member_match_failure_by_client on member_match_failure (client_id, failed_at);

-- Matching finds Coverages by the subscriber id on the member's card. R4 has no search parameter for it, so it is
-- indexed here, from the stored JSON.
create index coverage_by_subscriber_id on resource (((content::jsonb) ->> 'subscriberId'))
    where resource_type = 'Coverage' and not deleted;

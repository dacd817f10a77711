-- Members who opted out of provider access (PDex provider Consent with provision.type deny, the member's latest
-- such decision). They are left out of every Group as served, of member-data reads and searches, and of exports,
-- from the commit of the Consent on; a later permit removes the row. No row means permit.
-- Part of the member-data read contract: export-service reads it to leave opted-out members out of exports.
create table member_opt_out (
    patient_id varchar(64)  primary key,
    consent_id varchar(64)  not null,
    decided_at timestamptz  not null
);

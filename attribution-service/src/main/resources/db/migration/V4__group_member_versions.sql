-- Group versions without copying members. A Group's resource and resource_history rows hold the Group without its
-- members; members are rows valid for a range of Group versions, so a change costs rows in proportion to the change,
-- not to the size of the list, and any version can be rebuilt for vread.

-- A member is identified within its Group by its Patient and attributed provider: ATR lists a member once per
-- provider it is attributed to.
alter table group_member add column member_key varchar(400);
-- The Group version that last changed this member, and how (new, changed, dropped): served as the member's
-- changeType in that version, nochange in later ones.
alter table group_member add column since_version bigint;
alter table group_member add column change_type varchar(16);

update group_member m set
    member_key = m.patient_id || '|' || coalesce((
        select e -> 'valueReference' ->> 'reference'
        from jsonb_array_elements(case when jsonb_typeof(m.content::jsonb -> 'extension') = 'array'
                                       then m.content::jsonb -> 'extension' else '[]'::jsonb end) e
        where e ->> 'url' = 'http://hl7.org/fhir/us/davinci-atr/StructureDefinition/ext-attributedProvider'
        limit 1), ''),
    since_version = (select r.version_id from resource r where r.resource_type = 'Group' and r.id = m.group_id),
    change_type = 'new';
-- Lists loaded before this migration may name a member twice for one provider; keep the first.
delete from group_member m using group_member earlier
where m.group_id = earlier.group_id and m.member_key = earlier.member_key and m.member_seq > earlier.member_seq;

alter table group_member alter column member_key set not null;
alter table group_member alter column since_version set not null;
alter table group_member alter column change_type set not null;
create unique index group_member_by_key on group_member (group_id, member_key);

-- Every member row of every Group version: valid from version_from up to, not including, version_to (null: still
-- current). vread of version v reads the rows with version_from <= v < version_to.
create table group_member_history (
    group_id     varchar(64)  not null,
    member_key   varchar(400) not null,
    member_seq   integer      not null,
    patient_id   varchar(64)  not null,
    version_from bigint       not null,
    version_to   bigint,
    change_type  varchar(16)  not null,
    content      text         not null
);
create index group_member_history_by_version on group_member_history (group_id, version_from);
create index group_member_history_open on group_member_history (group_id, member_key) where version_to is null;

insert into group_member_history (group_id, member_key, member_seq, patient_id, version_from, version_to,
                                  change_type, content)
select group_id, member_key, member_seq, patient_id, since_version, null, change_type, content from group_member;

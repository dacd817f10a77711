-- Signing keys rotate: a new key is published some minutes before it starts signing, so every resource server has
-- fetched it before it meets a token signed with it, and an old key stays published until its last token expired.
alter table signing_key add column signs_from timestamptz;
alter table signing_key add column retired_at timestamptz;
update signing_key set signs_from = created_at, retired_at = case when active then null else now() end;
alter table signing_key alter column signs_from set not null;
alter table signing_key drop column active;

-- Operators change clients after registration (keys, access, disabling); keep when that last happened.
alter table client add column updated_at timestamptz not null default now();

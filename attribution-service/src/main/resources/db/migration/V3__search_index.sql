-- Search values of the current version of every resource but Group (Groups have group_identifier and members).
-- Rows are replaced whenever the resource is written and removed when it is deleted, in the same transaction.
-- Parameter names and the elements they index come from SearchParameterCatalog.

-- token parameters (identifier, status, category, code, type): one row per system|code found. system is '' when the
-- value has none, so the "|code" (no system) search is an equality and the key stays non-null.
create table search_token (
    resource_type varchar(64)   not null,
    id            varchar(64)   not null,
    param         varchar(64)   not null,
    system        varchar(1024) not null,
    code          varchar(512)  not null
);
create index search_token_by_resource on search_token (resource_type, id);
create index search_token_lookup on search_token (resource_type, param, code, system) include (id);

-- date parameters: the instant range [low, high) a date, dateTime, instant or Period covers; an open Period end is
-- infinity.
create table search_date (
    resource_type varchar(64) not null,
    id            varchar(64) not null,
    param         varchar(64) not null,
    low           timestamptz not null,
    high          timestamptz not null
);
create index search_date_by_resource on search_date (resource_type, id);
create index search_date_lookup on search_date (resource_type, param, low, high) include (id);

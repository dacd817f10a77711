-- Events written in the transaction of the change they report, and published to Kafka by the outbox relay after
-- commit: an event is never published for a change that rolled back, nor lost for one that committed.
create table outbox (
    id         bigserial    primary key,
    topic      varchar(128) not null,
    event_key  varchar(256) not null,
    payload    bytea        not null,
    created_at timestamptz  not null default now()
);

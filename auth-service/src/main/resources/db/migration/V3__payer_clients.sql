-- Other health plans' systems (payer-to-payer exchange) are registered with the identifiers of the payer they act for
-- (e.g. its NPI, system|value). Tokens carry them, so resource servers can tell whether a member's Consent names the
-- caller as its recipient. Providers' systems have none.
alter table client add column payer_identifiers jsonb not null default '[]';

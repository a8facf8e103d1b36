-- First-party collection settings per container, as JSON (see CollectSettings); null means the defaults.
alter table container add column collect_settings text;

-- The per-container key a site's backend uses to send events server to server; stored as SHA-256.
create table ingest_key (
    container_id varchar(16) not null primary key references container (id) on delete cascade,
    key_hash     varchar(64) not null,
    prefix       varchar(16) not null,
    created_at   timestamp with time zone not null,
    constraint ingest_key_hash unique (key_hash)
);

-- One event received by /collect, /p.gif or the server-to-server form, stored with the consent state it was
-- collected under and only what that state allows. Identifiers are SHA-256 hex of the normalized value;
-- a raw email or phone number is never stored. Ids are assigned by the application (group commit).
create table collected_event (
    id                 varchar(36)   not null primary key,
    container_id       varchar(16)   not null references container (id) on delete cascade,
    event_id           varchar(100)  not null,
    event_name         varchar(100)  not null,
    channel            varchar(8)    not null,
    received_at        timestamp with time zone not null,
    client_time        timestamp with time zone,
    page_url           varchar(2000),
    referrer           varchar(2000),
    user_agent         varchar(500),
    ip                 varchar(45),
    visitor_id         varchar(40),
    analytics_granted  boolean       not null,
    marketing_granted  boolean       not null,
    consent_source     varchar(40),
    gpc_page           boolean       not null,
    gpc_header         boolean       not null,
    not_for_sale       boolean       not null,
    machine_open       boolean,
    click_ids          text,
    params             text,
    email_sha256       varchar(64),
    phone_sha256       varchar(64),
    phone_e164_sha256  varchar(64),
    external_id_sha256 varchar(64),
    constraint collected_event_once unique (container_id, event_id)
);
create index collected_event_received on collected_event (container_id, received_at);
-- Lookups by visitor id and email (erasure) are indexed on PostgreSQL only (V4_1, a Java migration): on the
-- embedded H2 store every commit rewrites the index pages it touches, and random ids would make ingest slow.

-- How each tag's events reach its vendor: browser (the vendor's script), browser_and_server, or server only.
alter table tag add column delivery varchar(20) default 'browser' not null;

-- Per container and vendor, the conversion API credentials, encrypted (AES-256-GCM, key from configuration).
-- `shown` holds what the admin app may display: the non-secret values and a masked hint of each secret.
create table vendor_credential (
    id           varchar(60) not null primary key,
    container_id varchar(16) not null references container (id) on delete cascade,
    vendor       varchar(40) not null,
    sealed       text        not null,
    shown        text        not null,
    updated_at   timestamp with time zone not null,
    updated_by   varchar(100) not null,
    constraint vendor_credential_once unique (container_id, vendor)
);

-- The transactional outbox: one row per (stored event, server-delivered tag), written in the same transaction as the
-- event. Workers claim due rows with FOR UPDATE SKIP LOCKED and a lease; a crashed worker's lease expires and another
-- instance takes the job over. status: pending, sending, delivered, dead, discarded. lease_owner: the instance holding the
-- job, or the one that finished it.
create table forward_job (
    id              varchar(36)  not null primary key,
    event_ref       varchar(36)  not null references collected_event (id) on delete cascade,
    container_id    varchar(16)  not null references container (id) on delete cascade,
    vendor          varchar(40)  not null,
    tag_id          varchar(20)  not null,
    vendor_event    varchar(100) not null,
    settings        text         not null,
    status          varchar(12)  not null,
    attempts        integer      not null,
    next_attempt_at timestamp with time zone not null,
    lease_owner     varchar(100),
    lease_until     timestamp with time zone,
    last_status     integer,
    last_error      varchar(2000),
    created_at      timestamp with time zone not null,
    finished_at     timestamp with time zone,
    constraint forward_job_once unique (event_ref, tag_id)
);
create index forward_job_due on forward_job (status, next_attempt_at);
create index forward_job_container on forward_job (container_id, vendor, status);
create index forward_job_day on forward_job (container_id, created_at);

-- Owned by the ingest role: one row per distinct image (content-addressed by SHA-256).
create table image (
    id                  uuid primary key,
    sha256              varchar(64)  not null,
    format              varchar(8)   not null,
    width               integer      not null check (width > 0),
    height              integer      not null check (height > 0),
    bits_per_sample     integer      not null,
    pages               integer      not null default 1,
    byte_size           bigint       not null check (byte_size > 0),
    source_id           varchar(128),
    slide_id            varchar(128),
    captured_at         timestamptz,
    idempotency_key     varchar(200),
    origin              varchar(16)  not null check (origin in ('kafka', 'rest', 'claim-check')),
    received_at         timestamptz  not null default now(),
    mean_intensity      double precision not null,
    std_intensity       double precision not null,
    background_level    integer      not null,
    foreground_fraction double precision not null,
    constraint image_sha256_unique unique (sha256)
);
-- A client's idempotency key names one image per source: a retry with the same key is a duplicate.
create unique index image_source_idempotency_key on image (coalesce(source_id, ''), idempotency_key)
    where idempotency_key is not null;
create index image_slide on image (slide_id);
create index image_received_at on image (received_at);

-- Shared transactional outbox: a role writes its events here in the same transaction as its
-- state; OutboxRelay publishes them to Kafka and marks them. event_id is the consumers' dedupe key.
create table outbox_event (
    id           bigserial    primary key,
    event_id     uuid         not null unique,
    topic        varchar(200) not null,
    event_key    varchar(200) not null,
    event_type   varchar(100) not null,
    payload      text         not null,
    created_at   timestamptz  not null default now(),
    published_at timestamptz
);
create index outbox_event_pending on outbox_event (id) where published_at is null;

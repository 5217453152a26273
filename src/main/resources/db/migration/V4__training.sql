-- Owned by the training role.
-- Training jobs: at most one REQUESTED (later requests coalesce into it) and one RUNNING per model.
-- A RUNNING job whose heartbeat stops (its process died) is marked FAILED by the watchdog.
create table training_job (
    id                uuid primary key,
    model_name        varchar(100) not null,
    status            varchar(16)  not null
                      check (status in ('REQUESTED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    trigger_kind      varchar(16)  not null,  -- labels | interval | drift | operator | once
    reason            text         not null,
    requested_by      varchar(200) not null,
    requested_at      timestamptz  not null,
    started_at        timestamptz,
    heartbeat_at      timestamptz,
    finished_at       timestamptz,
    cancel_requested  boolean      not null default false,
    worker            varchar(200),
    model_version     varchar(100),
    eligible          boolean,
    metrics           text,                   -- JSON: dataset, epochs, calibration, test evaluation
    pr_curve_sha256   varchar(64),            -- PNG in the blob store
    confusion_sha256  varchar(64),            -- PNG in the blob store
    detail            text
);
create unique index training_job_one_requested on training_job (model_name) where status = 'REQUESTED';
create unique index training_job_one_running on training_job (model_name) where status = 'RUNNING';
create index training_job_requested_at on training_job (requested_at);

-- The final label of each image as training sees it (a later final label replaces the earlier one).
create table training_label (
    image_id     uuid         primary key,
    label_id     uuid         not null,
    event_id     uuid         not null unique,
    grade        varchar(8)   not null check (grade in ('GOOD', 'FAIR', 'POOR')),
    origin       varchar(16)  not null,      -- doctor | legacy
    doctor       varchar(200),
    received_at  timestamptz  not null
);
create index training_label_received_at on training_label (received_at);

-- What training knows of each ingested image: where its bytes are, its slide (for splits) and its
-- source's intensity statistics (for drift).
create table training_image (
    image_id          uuid         primary key,
    sha256            varchar(64)  not null,
    source_id         varchar(128),
    slide_id          varchar(128),
    background_level  integer      not null,
    mean_intensity    double precision not null,
    ingested_at       timestamptz  not null
);
create index training_image_source_time on training_image (source_id, ingested_at);

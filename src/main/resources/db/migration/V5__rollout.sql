-- Owned by the rollout role.
-- The current rollout state per model (what models.rollout says, plus the policy's bookkeeping).
create table rollout_state (
    model_name        varchar(100) primary key,
    phase             varchar(16)  not null check (phase in ('IDLE', 'CANARY', 'PAUSED')),
    stable_version    varchar(100),
    canary_version    varchar(100),
    canary_weight     integer      not null default 0 check (canary_weight between 0 and 100),
    pinned            boolean      not null default false,
    canary_started_at timestamptz,
    step_started_at   timestamptz,
    updated_at        timestamptz  not null,
    revision          bigint       not null default 0
);

-- Every transition, append-only: who, why, and the evidence at that moment.
create table rollout_event (
    id             bigserial    primary key,
    model_name     varchar(100) not null,
    action         varchar(32)  not null,
    from_phase     varchar(16),
    to_phase       varchar(16)  not null,
    stable_version varchar(100),
    canary_version varchar(100),
    canary_weight  integer      not null,
    pinned         boolean      not null,
    actor          varchar(200) not null,
    reason         text         not null,
    evidence       text,
    occurred_at    timestamptz  not null
);
create index rollout_event_model_time on rollout_event (model_name, occurred_at);

create function rollout_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'rollout_event is append-only';
end
$$;
create trigger rollout_event_no_change before update or delete on rollout_event
    for each row execute function rollout_event_append_only();

-- Live evidence: one row per (image, version) scored in the stable or canary arm; the doctor's grade
-- is filled in when a final label for the image arrives (in either order).
create table rollout_observation (
    image_id       uuid         not null,
    model_name     varchar(100) not null,
    model_version  varchar(100) not null,
    arm            varchar(16)  not null,
    predicted_good boolean      not null,
    latency_ms     bigint       not null,
    scored_at      timestamptz  not null,
    primary key (image_id, model_version)
);
create index rollout_observation_version on rollout_observation (model_name, model_version, arm);

create table rollout_label (
    image_id   uuid        primary key,
    label_good boolean     not null,
    labeled_at timestamptz not null
);

-- Predictions of the scoring role: one decision per image (stable, canary, or none while no model
-- exists), plus at most one row per shadow version. The unique indexes are the dedupe keys that make
-- a redelivered image a no-op.
create table prediction (
    id                 uuid primary key,
    image_id           uuid         not null,
    ingested_event_id  uuid         not null,
    model_name         varchar(100),
    model_version      varchar(100),
    arm                varchar(16)  not null,  -- stable | canary | shadow | none
    scored             boolean      not null,
    grade              varchar(8),
    prob_good          double precision,
    probabilities      text,                   -- JSON object class -> probability
    good_threshold     double precision,
    uncertainty        double precision,
    routed_at          timestamptz  not null,  -- when the routing snapshot was read
    routing_generation bigint       not null,  -- which rollout state of this replica routed it
    scored_at          timestamptz  not null,
    latency_ms         bigint       not null,  -- from images.ingested to the decision
    replica            varchar(100) not null
);

create unique index prediction_decision_uq on prediction (image_id) where arm <> 'shadow';
create unique index prediction_version_uq on prediction (image_id, model_name, model_version)
    where model_version is not null;
create index prediction_version_idx on prediction (model_name, model_version, scored_at);

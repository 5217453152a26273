-- Owned by the sampling role. The latest served score per image (stable or canary; shadow scores
-- are not kept): the slide view ranks a slide's spreads by P(GOOD) from here.
create table sampling_score (
    image_id      uuid         primary key,
    sha256        varchar(64)  not null,
    source_id     varchar(128),
    slide_id      varchar(128),
    scored        boolean      not null,
    p_good        double precision,
    grade         varchar(8),
    model_name    varchar(128),
    model_version varchar(128),
    arm           varchar(16),
    event_id      uuid         not null,
    scored_at     timestamptz  not null default now()
);
create index sampling_score_slide on sampling_score (slide_id, p_good desc);

-- Every labeling request sampling made: dedupes requests (one per image and reason) and counts
-- against the hourly and daily budgets.
create table sampling_request (
    image_id     uuid         not null,
    reason       varchar(32)  not null,
    event_id     uuid         not null unique,
    priority     double precision not null,
    requested_at timestamptz  not null default now(),
    primary key (image_id, reason)
);
create index sampling_request_at on sampling_request (requested_at);

-- Labels sampling has seen on labels.submitted: legacy labels to review, images already settled.
create table sampling_label (
    image_id   uuid         primary key,
    grade      varchar(8)   not null,
    origin     varchar(16)  not null,
    is_final   boolean      not null,
    event_id   uuid         not null,
    updated_at timestamptz  not null default now()
);

-- Owned by the annotation role. A task asks for the label of one image; its items are the units of
-- doctors' work (one per read, plus an adjudication when two reads disagree). Doctors claim items
-- with a lease (FOR UPDATE SKIP LOCKED); an expired lease makes the item claimable again.
create table labeling_task (
    id               uuid         primary key,
    image_id         uuid         not null,
    sha256           varchar(64)  not null,
    source_id        varchar(128),
    slide_id         varchar(128),
    request_event_id uuid         not null unique,
    reason           varchar(32)  not null,
    priority         double precision not null,
    detail           varchar(200),
    model_name       varchar(128),
    model_version    varchar(128),
    arm              varchar(16),
    model_grade      varchar(8),
    p_good           double precision,
    reads_required   integer      not null check (reads_required in (1, 2)),
    state            varchar(16)  not null check (state in ('open', 'adjudication', 'done')),
    final_label_id   uuid,
    created_at       timestamptz  not null default now(),
    done_at          timestamptz
);
-- At most one unfinished task per image: a second request for it while it waits is a no-op.
create unique index labeling_task_one_open_per_image on labeling_task (image_id) where state <> 'done';

create table labeling_item (
    id          uuid         primary key,
    task_id     uuid         not null references labeling_task (id),
    kind        varchar(16)  not null check (kind in ('read', 'adjudication')),
    read_no     integer      not null,
    priority    double precision not null,
    status      varchar(16)  not null check (status in ('queued', 'leased', 'done')),
    leased_by   varchar(64),
    lease_until timestamptz,
    lease_count integer      not null default 0,
    created_at  timestamptz  not null default now(),
    constraint labeling_item_unique_slot unique (task_id, kind, read_no)
);
create index labeling_item_queue on labeling_item (priority desc, created_at) where status <> 'done';
create index labeling_item_task on labeling_item (task_id);
create index labeling_item_holder on labeling_item (leased_by) where status = 'leased';

-- One label per item (a retried submit finds it) and per doctor and task (no doctor reads twice).
create table label (
    id         uuid         primary key,
    item_id    uuid         not null unique references labeling_item (id),
    task_id    uuid         not null references labeling_task (id),
    image_id   uuid         not null,
    doctor     varchar(64)  not null,
    read_kind  varchar(16)  not null,
    grade      varchar(8)   not null check (grade in ('GOOD', 'FAIR', 'POOR')),
    score      integer      check (score between 0 and 100),
    flags      varchar(200),
    comment    text,
    is_final   boolean      not null default false,
    created_at timestamptz  not null default now(),
    constraint label_one_per_doctor_and_task unique (task_id, doctor)
);
create index label_doctor_created on label (doctor, created_at);

-- A doctor who skipped a task is not offered it again; others are.
create table labeling_skip (
    task_id    uuid         not null references labeling_task (id),
    doctor     varchar(64)  not null,
    reason     varchar(200) not null,
    created_at timestamptz  not null default now(),
    primary key (task_id, doctor)
);

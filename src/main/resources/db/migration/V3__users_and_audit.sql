-- Who may do what (issue #5). Users of the built-in store: bcrypt hashes in Modular Crypt Format,
-- roles comma-separated (doctor, operator, lab-system, admin). Production may use OIDC instead.
create table app_user (
    username      varchar(64)  primary key,
    password_hash varchar(100) not null,
    roles         varchar(200) not null,
    created_at    timestamptz  not null default now()
);

-- Append-only audit trail: who labelled, changed or adjudicated what, and when. Every role writes
-- its own rows in the transaction of the change; nothing updates or deletes them.
create table audit_event (
    id           bigserial    primary key,
    at           timestamptz  not null default now(),
    actor        varchar(64)  not null,
    action       varchar(64)  not null,
    subject_type varchar(32)  not null,
    subject_id   varchar(64),
    detail       text
);
create index audit_event_subject on audit_event (subject_type, subject_id);
create index audit_event_actor_at on audit_event (actor, at);

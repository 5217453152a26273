-- Model registry (shared package org.karyoloop.ml.registry; training registers, scoring reads).
-- A version is immutable: the row is never updated (trigger below); the artifact lives in the blob
-- store under artifact_sha256.
create table model_version (
    id               uuid primary key,
    model_name       varchar(100) not null,
    version          varchar(100) not null,
    artifact_sha256  varchar(64)  not null,
    artifact_format  varchar(20)  not null,  -- DJL (.params of a known architecture) | TORCHSCRIPT (.pt)
    artifact_bytes   bigint       not null,
    architecture     varchar(100) not null,
    input_size       integer      not null,
    preprocessing    text         not null,  -- JSON PreprocessRecipe
    class_order      text         not null,  -- JSON array of class names in output order
    good_threshold   double precision not null,
    metrics          text         not null,  -- JSON object name -> number
    parent_version   varchar(100),
    origin           varchar(20)  not null,  -- TRAINED | IMPORTED
    training_job     varchar(100),
    created_at       timestamptz  not null,
    created_by       varchar(200),
    constraint model_version_name_version_uq unique (model_name, version)
);

create function model_version_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'model_version rows are immutable (register a new version instead)';
end
$$;

create trigger model_version_no_update before update on model_version
    for each row execute function model_version_immutable();

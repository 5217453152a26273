-- What scoring measured of an image, carried to the doctors.
--
-- Owned by the annotation role: the task keeps it to show beside the image, the modality it was measured as and,
-- when scoring measured it as not a metaphase spread, why. Tasks made from requests that carried neither have none.
alter table labeling_task
    add column modality          varchar(24)
        check (modality in ('brightfield', 'fluorescence', 'fluorescence-inverted')),
    add column not_spread_reason varchar(32);

-- Owned by the sampling role: what a request needs of a kept score when a legacy label arrives after it (the
-- review is requested then, from the score), the version's calibrated GOOD threshold and the modality. Scores
-- kept before have neither.
alter table sampling_score
    add column good_threshold double precision,
    add column modality       varchar(24);

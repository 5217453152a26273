-- Owned by the scoring role. What scoring measured of the image before any model graded it: the modality it was
-- measured as, the chromosomes counted, and whether it is a metaphase spread at all (with the reason when not; such
-- an image is never graded GOOD). Rows written before scoring measured have none of these.
alter table prediction
    add column modality          varchar(24),
    add column spread            boolean,
    add column not_spread_reason varchar(32),
    add column chromosomes       integer,
    add constraint prediction_not_spread_has_reason check (spread is distinct from false or not_spread_reason is not null),
    add constraint prediction_not_spread_never_good check (spread is distinct from false or grade is distinct from 'GOOD');

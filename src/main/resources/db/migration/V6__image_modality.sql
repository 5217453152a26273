-- Owned by the ingest role. How the image shows its chromosomes (dark on light, bright on dark, or fluorescence
-- stored inverted), detected from the content at ingest or configured for its source. Rows stored before the
-- modality was recorded have none; scoring then detects it from the image.
alter table image add column modality varchar(24)
    check (modality in ('brightfield', 'fluorescence', 'fluorescence-inverted'));

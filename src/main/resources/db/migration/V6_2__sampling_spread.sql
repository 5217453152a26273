-- Owned by the sampling role. Whether scoring measured the image as a metaphase spread: the slide view ranks only
-- spreads. Scores kept before scoring measured read as spreads.
alter table sampling_score add column spread boolean not null default true;
drop index sampling_score_slide;
create index sampling_score_slide on sampling_score (slide_id, p_good desc) where spread;

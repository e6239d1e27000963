-- Each interview's statistics at the touchpoints it reached, also on its analysis_interviews
-- row, as parallel arrays in touchpoint id order (element k of tp_n, tp_missed, ... belongs to
-- touchpoint_ids[k]). A filter on three or more interview dimensions, which no rollup answers,
-- then reads one row per interview it keeps, found through the tags index, instead of each
-- interview's touchpoint rows through the primary key: a fifth of the time at 10M
-- observations (docs/decisions/2026-12-01-analysis-data-path.md).
--
-- The arrays are computed from the observations (cx_analysis_interviews_source) and the
-- touchpoint rows from the arrays (cx_analysis_touchpoints_source), so the two summaries
-- never disagree and a submission groups its observations once.
ALTER TABLE "analysis_interviews"
ADD COLUMN "touchpoint_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "tp_n" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN "tp_missed" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN "tp_met" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN "tp_exceeded" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN "tp_importance_sum" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN "tp_importance_sum_sq" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN "tp_missed_importance_sum" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN "tp_exceeded_importance_sum" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN "tp_feeling_hate" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN "tp_feeling_dislike" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN "tp_feeling_eh" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN "tp_feeling_like_a_lot" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN "tp_feeling_love" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN "tp_feeling_in_love" INTEGER[] DEFAULT ARRAY[]::INTEGER[];
-- The interviews' rows as they follow from the base tables, now with the arrays (new columns
-- go last, as in the table, since the refresh inserts SELECT * from this view).
CREATE OR REPLACE VIEW cx_analysis_interviews_source AS
SELECT i.id AS interview_id, i.workspace_id, i.map_id, i.conducted_on AS day, i.interviewer_id, i.respondent_id,
  coalesce(r.lifecycle_stage::text, '') AS lifecycle_stage,
  coalesce(r.value_tier::text, '') AS value_tier,
  coalesce(r.segment, '') AS segment,
  coalesce(a.options, '{}') AS options,
  -- cx_tag written out: a function call per row costs more than the rest of the row.
  ARRAY[
    hashtextextended(i.map_id || chr(31) || 'lifecycle' || chr(31) || coalesce(r.lifecycle_stage::text, ''), 0),
    hashtextextended(i.map_id || chr(31) || 'tier' || chr(31) || coalesce(r.value_tier::text, ''), 0),
    hashtextextended(i.map_id || chr(31) || 'segment' || chr(31) || coalesce(r.segment, ''), 0),
    hashtextextended(i.map_id || chr(31) || 'interviewer' || chr(31) || i.interviewer_id, 0)
  ] || coalesce(a.tags, '{}') AS tags,
  (array_position(enum_range(NULL::"Feeling"), i.overall_feeling))::smallint AS overall,
  coalesce(t.touchpoint_ids, '{}') AS touchpoint_ids,
  coalesce(t.n, '{}') AS tp_n,
  coalesce(t.missed, '{}') AS tp_missed,
  coalesce(t.met, '{}') AS tp_met,
  coalesce(t.exceeded, '{}') AS tp_exceeded,
  coalesce(t.importance_sum, '{}') AS tp_importance_sum,
  coalesce(t.importance_sum_sq, '{}') AS tp_importance_sum_sq,
  coalesce(t.missed_importance_sum, '{}') AS tp_missed_importance_sum,
  coalesce(t.exceeded_importance_sum, '{}') AS tp_exceeded_importance_sum,
  coalesce(t.feeling_hate, '{}') AS tp_feeling_hate,
  coalesce(t.feeling_dislike, '{}') AS tp_feeling_dislike,
  coalesce(t.feeling_eh, '{}') AS tp_feeling_eh,
  coalesce(t.feeling_like_a_lot, '{}') AS tp_feeling_like_a_lot,
  coalesce(t.feeling_love, '{}') AS tp_feeling_love,
  coalesce(t.feeling_in_love, '{}') AS tp_feeling_in_love
FROM interviews i
-- LATERAL joins (OFFSET 0 keeps the planner from flattening them): an index lookup per
-- interview whatever the plan cache estimates.
LEFT JOIN LATERAL (
  SELECT r.lifecycle_stage, r.value_tier, r.segment FROM respondents r WHERE r.id = i.respondent_id OFFSET 0
) r ON true
LEFT JOIN LATERAL (
  SELECT array_agg(ra.option_id ORDER BY ra.option_id) AS options,
    array_agg(hashtextextended(i.map_id || chr(31) || 'attr' || chr(31) || ra.option_id, 0) ORDER BY ra.option_id) AS tags
  FROM respondent_attributes ra WHERE ra.respondent_id = i.respondent_id
) a ON true
-- The interview's observations grouped by touchpoint, then gathered into one array per statistic.
LEFT JOIN LATERAL (
  SELECT array_agg(x.touchpoint_id ORDER BY x.touchpoint_id) AS touchpoint_ids,
    array_agg(x.n ORDER BY x.touchpoint_id) AS n,
    array_agg(x.missed ORDER BY x.touchpoint_id) AS missed,
    array_agg(x.met ORDER BY x.touchpoint_id) AS met,
    array_agg(x.exceeded ORDER BY x.touchpoint_id) AS exceeded,
    array_agg(x.importance_sum ORDER BY x.touchpoint_id) AS importance_sum,
    array_agg(x.importance_sum_sq ORDER BY x.touchpoint_id) AS importance_sum_sq,
    array_agg(x.missed_importance_sum ORDER BY x.touchpoint_id) AS missed_importance_sum,
    array_agg(x.exceeded_importance_sum ORDER BY x.touchpoint_id) AS exceeded_importance_sum,
    array_agg(x.feeling_hate ORDER BY x.touchpoint_id) AS feeling_hate,
    array_agg(x.feeling_dislike ORDER BY x.touchpoint_id) AS feeling_dislike,
    array_agg(x.feeling_eh ORDER BY x.touchpoint_id) AS feeling_eh,
    array_agg(x.feeling_like_a_lot ORDER BY x.touchpoint_id) AS feeling_like_a_lot,
    array_agg(x.feeling_love ORDER BY x.touchpoint_id) AS feeling_love,
    array_agg(x.feeling_in_love ORDER BY x.touchpoint_id) AS feeling_in_love
  FROM (
    SELECT o.touchpoint_id,
      count(*)::int AS n,
      count(*) FILTER (WHERE o.outcome = 'MISSED')::int AS missed,
      count(*) FILTER (WHERE o.outcome = 'MET')::int AS met,
      count(*) FILTER (WHERE o.outcome = 'EXCEEDED')::int AS exceeded,
      sum(o.importance)::int AS importance_sum,
      sum(o.importance * o.importance)::int AS importance_sum_sq,
      coalesce(sum(o.importance) FILTER (WHERE o.outcome = 'MISSED'), 0)::int AS missed_importance_sum,
      coalesce(sum(o.importance) FILTER (WHERE o.outcome = 'EXCEEDED'), 0)::int AS exceeded_importance_sum,
      count(*) FILTER (WHERE o.feeling = 'HATE')::int AS feeling_hate,
      count(*) FILTER (WHERE o.feeling = 'DISLIKE')::int AS feeling_dislike,
      count(*) FILTER (WHERE o.feeling = 'EH')::int AS feeling_eh,
      count(*) FILTER (WHERE o.feeling = 'LIKE_A_LOT')::int AS feeling_like_a_lot,
      count(*) FILTER (WHERE o.feeling = 'LOVE')::int AS feeling_love,
      count(*) FILTER (WHERE o.feeling = 'IN_LOVE')::int AS feeling_in_love
    FROM observations o
    WHERE o.interview_id = i.id
    GROUP BY o.touchpoint_id
  ) x
) t ON true
WHERE i.status = 'SUBMITTED';

-- One row per element of the arrays: the touchpoint rows as they follow from the interview rows.
CREATE OR REPLACE VIEW cx_analysis_touchpoints_source AS
SELECT iv.interview_id, t.touchpoint_id, iv.workspace_id, iv.map_id, iv.day, iv.interviewer_id, iv.respondent_id,
  iv.lifecycle_stage, iv.value_tier, iv.segment, iv.options, iv.tags, iv.overall,
  t.n, t.missed, t.met, t.exceeded, t.importance_sum, t.importance_sum_sq, t.missed_importance_sum, t.exceeded_importance_sum, t.feeling_hate, t.feeling_dislike, t.feeling_eh, t.feeling_like_a_lot, t.feeling_love, t.feeling_in_love
FROM analysis_interviews iv
CROSS JOIN LATERAL unnest(iv.touchpoint_ids, iv.tp_n, iv.tp_missed, iv.tp_met, iv.tp_exceeded, iv.tp_importance_sum, iv.tp_importance_sum_sq, iv.tp_missed_importance_sum, iv.tp_exceeded_importance_sum, iv.tp_feeling_hate, iv.tp_feeling_dislike, iv.tp_feeling_eh, iv.tp_feeling_like_a_lot, iv.tp_feeling_love, iv.tp_feeling_in_love)
  AS t(touchpoint_id, n, missed, met, exceeded, importance_sum, importance_sum_sq, missed_importance_sum, exceeded_importance_sum, feeling_hate, feeling_dislike, feeling_eh, feeling_like_a_lot, feeling_love, feeling_in_love);

-- The rows already written gain their arrays from their touchpoint rows.
UPDATE analysis_interviews iv SET touchpoint_ids = t.touchpoint_ids, tp_n = t.n, tp_missed = t.missed, tp_met = t.met, tp_exceeded = t.exceeded, tp_importance_sum = t.importance_sum, tp_importance_sum_sq = t.importance_sum_sq, tp_missed_importance_sum = t.missed_importance_sum, tp_exceeded_importance_sum = t.exceeded_importance_sum, tp_feeling_hate = t.feeling_hate, tp_feeling_dislike = t.feeling_dislike, tp_feeling_eh = t.feeling_eh, tp_feeling_like_a_lot = t.feeling_like_a_lot, tp_feeling_love = t.feeling_love, tp_feeling_in_love = t.feeling_in_love
FROM (
  SELECT s.interview_id, array_agg(s.touchpoint_id ORDER BY s.touchpoint_id) AS touchpoint_ids,
    array_agg(s.n ORDER BY s.touchpoint_id) AS n,
    array_agg(s.missed ORDER BY s.touchpoint_id) AS missed,
    array_agg(s.met ORDER BY s.touchpoint_id) AS met,
    array_agg(s.exceeded ORDER BY s.touchpoint_id) AS exceeded,
    array_agg(s.importance_sum ORDER BY s.touchpoint_id) AS importance_sum,
    array_agg(s.importance_sum_sq ORDER BY s.touchpoint_id) AS importance_sum_sq,
    array_agg(s.missed_importance_sum ORDER BY s.touchpoint_id) AS missed_importance_sum,
    array_agg(s.exceeded_importance_sum ORDER BY s.touchpoint_id) AS exceeded_importance_sum,
    array_agg(s.feeling_hate ORDER BY s.touchpoint_id) AS feeling_hate,
    array_agg(s.feeling_dislike ORDER BY s.touchpoint_id) AS feeling_dislike,
    array_agg(s.feeling_eh ORDER BY s.touchpoint_id) AS feeling_eh,
    array_agg(s.feeling_like_a_lot ORDER BY s.touchpoint_id) AS feeling_like_a_lot,
    array_agg(s.feeling_love ORDER BY s.touchpoint_id) AS feeling_love,
    array_agg(s.feeling_in_love ORDER BY s.touchpoint_id) AS feeling_in_love
  FROM analysis_touchpoints s
  GROUP BY s.interview_id
) t
WHERE t.interview_id = iv.interview_id;

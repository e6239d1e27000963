-- The analysis data path (docs/decisions/2026-12-01-analysis-data-path.md):
--
-- - summaries: one row per submitted interview (analysis_interviews) and per (interview,
--   touchpoint) (analysis_touchpoints), with every interview-level filter dimension and the
--   sufficient statistics, written by triggers in the transaction that changes the interview;
-- - rollups: the same statistics summed per map, day and ONE dimension value
--   (analysis_day_interviews, analysis_day_touchpoints);
-- - change logs (analysis_interview_changes, analysis_touchpoint_changes): every summary row
--   added (+1) or removed (-1), appended by the same triggers and folded into the rollups by
--   cx_analysis_fold(). Writers only append, so many interviewers on one map and day never
--   wait on each other; readers add the few unfolded changes to the rollups.
--
-- Replaces the per-(map, day) rollups that were recomputed under a lock on every write.

-- The old rollups and their triggers.
DROP TRIGGER cx_rollup_observations_insert ON observations;
DROP TRIGGER cx_rollup_observations_update ON observations;
DROP TRIGGER cx_rollup_observations_delete ON observations;
DROP TRIGGER cx_rollup_interviews_insert ON interviews;
DROP TRIGGER cx_rollup_interviews_update ON interviews;
DROP TRIGGER cx_rollup_respondents_update ON respondents;
DROP FUNCTION cx_rollup_observations();
DROP FUNCTION cx_rollup_interviews();
DROP FUNCTION cx_rollup_respondents();
DROP FUNCTION cx_refresh_map(TEXT, TEXT);
DROP FUNCTION cx_refresh_map_day(TEXT, TEXT, DATE);
DROP TABLE "touchpoint_day_stats";
DROP TABLE "map_day_interviews";

-- Observations keep workspace_id and map_id without foreign keys: the interview's key already
-- ties each row to its interview (see schema.prisma), and these two checks ran 40 times per
-- submission against the one workspace row that every concurrent submission shares.
ALTER TABLE "observations" DROP CONSTRAINT "observations_workspace_id_fkey";
ALTER TABLE "observations" DROP CONSTRAINT "observations_map_id_fkey";

-- CreateTable
CREATE TABLE "analysis_interviews" (
    "interview_id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "map_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "interviewer_id" TEXT NOT NULL,
    "respondent_id" TEXT,
    "lifecycle_stage" TEXT NOT NULL,
    "value_tier" TEXT NOT NULL,
    "segment" TEXT NOT NULL,
    "options" TEXT[],
    "tags" BIGINT[],
    "overall" SMALLINT,

    CONSTRAINT "analysis_interviews_pkey" PRIMARY KEY ("interview_id")
);

-- CreateTable
CREATE TABLE "analysis_touchpoints" (
    "interview_id" TEXT NOT NULL,
    "touchpoint_id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "map_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "interviewer_id" TEXT NOT NULL,
    "respondent_id" TEXT,
    "lifecycle_stage" TEXT NOT NULL,
    "value_tier" TEXT NOT NULL,
    "segment" TEXT NOT NULL,
    "options" TEXT[],
    "tags" BIGINT[],
    "overall" SMALLINT,
    "n" INTEGER NOT NULL,
    "missed" INTEGER NOT NULL,
    "met" INTEGER NOT NULL,
    "exceeded" INTEGER NOT NULL,
    "importance_sum" INTEGER NOT NULL,
    "importance_sum_sq" INTEGER NOT NULL,
    "missed_importance_sum" INTEGER NOT NULL,
    "exceeded_importance_sum" INTEGER NOT NULL,
    "feeling_hate" INTEGER NOT NULL,
    "feeling_dislike" INTEGER NOT NULL,
    "feeling_eh" INTEGER NOT NULL,
    "feeling_like_a_lot" INTEGER NOT NULL,
    "feeling_love" INTEGER NOT NULL,
    "feeling_in_love" INTEGER NOT NULL,

    CONSTRAINT "analysis_touchpoints_pkey" PRIMARY KEY ("interview_id","touchpoint_id")
);

-- CreateTable
CREATE TABLE "analysis_interview_changes" (
    "id" BIGSERIAL NOT NULL,
    "sign" SMALLINT NOT NULL,
    "interview_id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "map_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "interviewer_id" TEXT NOT NULL,
    "respondent_id" TEXT,
    "lifecycle_stage" TEXT NOT NULL,
    "value_tier" TEXT NOT NULL,
    "segment" TEXT NOT NULL,
    "options" TEXT[],
    "tags" BIGINT[],
    "overall" SMALLINT,

    CONSTRAINT "analysis_interview_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "analysis_touchpoint_changes" (
    "id" BIGSERIAL NOT NULL,
    "sign" SMALLINT NOT NULL,
    "interview_id" TEXT NOT NULL,
    "touchpoint_id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "map_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "interviewer_id" TEXT NOT NULL,
    "respondent_id" TEXT,
    "lifecycle_stage" TEXT NOT NULL,
    "value_tier" TEXT NOT NULL,
    "segment" TEXT NOT NULL,
    "options" TEXT[],
    "tags" BIGINT[],
    "overall" SMALLINT,
    "n" INTEGER NOT NULL,
    "missed" INTEGER NOT NULL,
    "met" INTEGER NOT NULL,
    "exceeded" INTEGER NOT NULL,
    "importance_sum" INTEGER NOT NULL,
    "importance_sum_sq" INTEGER NOT NULL,
    "missed_importance_sum" INTEGER NOT NULL,
    "exceeded_importance_sum" INTEGER NOT NULL,
    "feeling_hate" INTEGER NOT NULL,
    "feeling_dislike" INTEGER NOT NULL,
    "feeling_eh" INTEGER NOT NULL,
    "feeling_like_a_lot" INTEGER NOT NULL,
    "feeling_love" INTEGER NOT NULL,
    "feeling_in_love" INTEGER NOT NULL,

    CONSTRAINT "analysis_touchpoint_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "analysis_day_interviews" (
    "workspace_id" TEXT NOT NULL,
    "map_id" TEXT NOT NULL,
    "dim" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "interviews" INTEGER NOT NULL,

    CONSTRAINT "analysis_day_interviews_pkey" PRIMARY KEY ("workspace_id","map_id","dim","value","day")
);

-- CreateTable
CREATE TABLE "analysis_day_touchpoints" (
    "workspace_id" TEXT NOT NULL,
    "map_id" TEXT NOT NULL,
    "dim" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "touchpoint_id" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    "interviews" INTEGER NOT NULL,
    "missed" INTEGER NOT NULL,
    "met" INTEGER NOT NULL,
    "exceeded" INTEGER NOT NULL,
    "importance_sum" INTEGER NOT NULL,
    "importance_sum_sq" INTEGER NOT NULL,
    "missed_importance_sum" INTEGER NOT NULL,
    "exceeded_importance_sum" INTEGER NOT NULL,
    "missed_overall_sum" INTEGER NOT NULL,
    "missed_overall_n" INTEGER NOT NULL,
    "met_overall_sum" INTEGER NOT NULL,
    "met_overall_n" INTEGER NOT NULL,
    "exceeded_overall_sum" INTEGER NOT NULL,
    "exceeded_overall_n" INTEGER NOT NULL,
    "feeling_hate" INTEGER NOT NULL,
    "feeling_dislike" INTEGER NOT NULL,
    "feeling_eh" INTEGER NOT NULL,
    "feeling_like_a_lot" INTEGER NOT NULL,
    "feeling_love" INTEGER NOT NULL,
    "feeling_in_love" INTEGER NOT NULL,

    CONSTRAINT "analysis_day_touchpoints_pkey" PRIMARY KEY ("workspace_id","map_id","dim","value","day","touchpoint_id")
);

-- CreateIndex
CREATE INDEX "analysis_interviews_workspace_id_map_id_day_idx" ON "analysis_interviews"("workspace_id", "map_id", "day");

-- CreateIndex
CREATE INDEX "analysis_interviews_tags_idx" ON "analysis_interviews" USING GIN ("tags");

-- CreateIndex
CREATE INDEX "analysis_touchpoints_workspace_id_map_id_day_idx" ON "analysis_touchpoints"("workspace_id", "map_id", "day");

-- CreateIndex
CREATE INDEX "analysis_touchpoints_tags_idx" ON "analysis_touchpoints" USING GIN ("tags");

-- The change logs are queues (appended by every submission, emptied every second or so) and
-- the rollups' rows of the current day are updated by every fold: vacuum them often.
ALTER TABLE "analysis_interview_changes" SET (autovacuum_vacuum_threshold = 1000, autovacuum_vacuum_scale_factor = 0);
ALTER TABLE "analysis_touchpoint_changes" SET (autovacuum_vacuum_threshold = 1000, autovacuum_vacuum_scale_factor = 0);
ALTER TABLE "analysis_day_touchpoints" SET (autovacuum_vacuum_threshold = 5000, autovacuum_vacuum_scale_factor = 0.05);
ALTER TABLE "analysis_day_interviews" SET (autovacuum_vacuum_threshold = 2000, autovacuum_vacuum_scale_factor = 0.05);

-- The GIN indexes keep fastupdate (a submission appends its tags to the index's pending list,
-- several times cheaper than inserting them), and cx_analysis_fold() merges the pending list
-- every second or so, so no submission ever pays for a large merge.

-- A filter value as a tag: a 64-bit hash of (map, dimension, value). Tags only narrow the
-- rows through the GIN indexes; queries always re-check the dimension columns themselves.
CREATE FUNCTION cx_tag(p_map TEXT, p_dim TEXT, p_value TEXT) RETURNS BIGINT
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT hashtextextended(p_map || chr(31) || p_dim || chr(31) || p_value, 0)
$$;

-- The tags of several values of one dimension: what a filter matches with `tags && ...`.
-- Immutable, so with constant arguments the planner computes it once, before planning.
CREATE FUNCTION cx_tags_of(p_map TEXT, p_dim TEXT, p_values TEXT[]) RETURNS BIGINT[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(cx_tag(p_map, p_dim, v)), '{}') FROM unnest(p_values) AS v
$$;

-- The rollup keys an interview contributes to: every interview to ('all', ''), and one key
-- per dimension that has a value.
CREATE FUNCTION cx_dims(p_lifecycle TEXT, p_tier TEXT, p_segment TEXT, p_interviewer TEXT, p_options TEXT[])
RETURNS TABLE (dim TEXT, value TEXT)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT 'all', ''
  UNION ALL SELECT 'lifecycle', p_lifecycle WHERE p_lifecycle <> ''
  UNION ALL SELECT 'tier', p_tier WHERE p_tier <> ''
  UNION ALL SELECT 'segment', p_segment WHERE p_segment <> ''
  UNION ALL SELECT 'interviewer', p_interviewer
  UNION ALL SELECT 'attr', option_id FROM unnest(coalesce(p_options, '{}')) AS option_id
$$;

-- What the summary rows of submitted interviews are, computed from the base tables. The
-- triggers insert from these views; the verification compares with them.
CREATE VIEW cx_analysis_interviews_source AS
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
  (array_position(enum_range(NULL::"Feeling"), i.overall_feeling))::smallint AS overall
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
WHERE i.status = 'SUBMITTED';

-- Per interview, its observations grouped by touchpoint: written as a LATERAL join, so the
-- plan is one index lookup per interview whatever the planner estimates (a cached generic
-- plan once chose to hash all observations, and every refresh slowed down as they grew).
CREATE VIEW cx_analysis_touchpoints_source AS
SELECT iv.interview_id, t.touchpoint_id, iv.workspace_id, iv.map_id, iv.day, iv.interviewer_id, iv.respondent_id,
  iv.lifecycle_stage, iv.value_tier, iv.segment, iv.options, iv.tags, iv.overall,
  t.n, t.missed, t.met, t.exceeded, t.importance_sum, t.importance_sum_sq, t.missed_importance_sum, t.exceeded_importance_sum,
  t.feeling_hate, t.feeling_dislike, t.feeling_eh, t.feeling_like_a_lot, t.feeling_love, t.feeling_in_love
FROM analysis_interviews iv
CROSS JOIN LATERAL (
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
  WHERE o.interview_id = iv.interview_id
  GROUP BY o.touchpoint_id
) t;

-- The rollups as they follow from the summary rows.
CREATE VIEW cx_analysis_day_interviews_source AS
SELECT s.workspace_id, s.map_id, d.dim, d.value, s.day, count(*)::int AS interviews
FROM analysis_interviews s
CROSS JOIN LATERAL cx_dims(s.lifecycle_stage, s.value_tier, s.segment, s.interviewer_id, s.options) d
GROUP BY s.workspace_id, s.map_id, d.dim, d.value, s.day;

CREATE VIEW cx_analysis_day_touchpoints_source AS
SELECT s.workspace_id, s.map_id, d.dim, d.value, s.day, s.touchpoint_id,
  sum(s.n)::int AS n,
  sum(1)::int AS interviews,
  sum(s.missed)::int AS missed,
  sum(s.met)::int AS met,
  sum(s.exceeded)::int AS exceeded,
  sum(s.importance_sum)::int AS importance_sum,
  sum(s.importance_sum_sq)::int AS importance_sum_sq,
  sum(s.missed_importance_sum)::int AS missed_importance_sum,
  sum(s.exceeded_importance_sum)::int AS exceeded_importance_sum,
  sum(s.missed * coalesce(s.overall, 0))::int AS missed_overall_sum,
  sum(CASE WHEN s.overall IS NULL THEN 0 ELSE s.missed END)::int AS missed_overall_n,
  sum(s.met * coalesce(s.overall, 0))::int AS met_overall_sum,
  sum(CASE WHEN s.overall IS NULL THEN 0 ELSE s.met END)::int AS met_overall_n,
  sum(s.exceeded * coalesce(s.overall, 0))::int AS exceeded_overall_sum,
  sum(CASE WHEN s.overall IS NULL THEN 0 ELSE s.exceeded END)::int AS exceeded_overall_n,
  sum(s.feeling_hate)::int AS feeling_hate,
  sum(s.feeling_dislike)::int AS feeling_dislike,
  sum(s.feeling_eh)::int AS feeling_eh,
  sum(s.feeling_like_a_lot)::int AS feeling_like_a_lot,
  sum(s.feeling_love)::int AS feeling_love,
  sum(s.feeling_in_love)::int AS feeling_in_love
FROM analysis_touchpoints s
CROSS JOIN LATERAL cx_dims(s.lifecycle_stage, s.value_tier, s.segment, s.interviewer_id, s.options) d
GROUP BY s.workspace_id, s.map_id, d.dim, d.value, s.day, s.touchpoint_id;

-- The rollups as a reader sees them: folded rows plus the changes not folded yet (what the
-- verification compares with the sources; the app's queries read the two parts directly).
CREATE VIEW cx_analysis_day_interviews_current AS
SELECT workspace_id, map_id, dim, value, day, sum(interviews)::int AS interviews
FROM (
  SELECT workspace_id, map_id, dim, value, day, interviews FROM analysis_day_interviews
  UNION ALL
  SELECT m.workspace_id, m.map_id, d.dim, d.value, m.day, m.sign
  FROM analysis_interview_changes m
  CROSS JOIN LATERAL cx_dims(m.lifecycle_stage, m.value_tier, m.segment, m.interviewer_id, m.options) d
) x
GROUP BY workspace_id, map_id, dim, value, day;

CREATE VIEW cx_analysis_day_touchpoints_current AS
SELECT workspace_id, map_id, dim, value, day, touchpoint_id,
  sum(n)::int AS n,
  sum(interviews)::int AS interviews,
  sum(missed)::int AS missed,
  sum(met)::int AS met,
  sum(exceeded)::int AS exceeded,
  sum(importance_sum)::int AS importance_sum,
  sum(importance_sum_sq)::int AS importance_sum_sq,
  sum(missed_importance_sum)::int AS missed_importance_sum,
  sum(exceeded_importance_sum)::int AS exceeded_importance_sum,
  sum(missed_overall_sum)::int AS missed_overall_sum,
  sum(missed_overall_n)::int AS missed_overall_n,
  sum(met_overall_sum)::int AS met_overall_sum,
  sum(met_overall_n)::int AS met_overall_n,
  sum(exceeded_overall_sum)::int AS exceeded_overall_sum,
  sum(exceeded_overall_n)::int AS exceeded_overall_n,
  sum(feeling_hate)::int AS feeling_hate,
  sum(feeling_dislike)::int AS feeling_dislike,
  sum(feeling_eh)::int AS feeling_eh,
  sum(feeling_like_a_lot)::int AS feeling_like_a_lot,
  sum(feeling_love)::int AS feeling_love,
  sum(feeling_in_love)::int AS feeling_in_love
FROM (
  SELECT workspace_id, map_id, dim, value, day, touchpoint_id, n, interviews, missed, met, exceeded, importance_sum, importance_sum_sq, missed_importance_sum, exceeded_importance_sum, missed_overall_sum, missed_overall_n, met_overall_sum, met_overall_n, exceeded_overall_sum, exceeded_overall_n, feeling_hate, feeling_dislike, feeling_eh, feeling_like_a_lot, feeling_love, feeling_in_love FROM analysis_day_touchpoints
  UNION ALL
  SELECT m.workspace_id, m.map_id, d.dim, d.value, m.day, m.touchpoint_id,
    m.sign * m.n,
    m.sign,
    m.sign * m.missed,
    m.sign * m.met,
    m.sign * m.exceeded,
    m.sign * m.importance_sum,
    m.sign * m.importance_sum_sq,
    m.sign * m.missed_importance_sum,
    m.sign * m.exceeded_importance_sum,
    m.sign * m.missed * coalesce(m.overall, 0),
    CASE WHEN m.overall IS NULL THEN 0 ELSE m.sign * m.missed END,
    m.sign * m.met * coalesce(m.overall, 0),
    CASE WHEN m.overall IS NULL THEN 0 ELSE m.sign * m.met END,
    m.sign * m.exceeded * coalesce(m.overall, 0),
    CASE WHEN m.overall IS NULL THEN 0 ELSE m.sign * m.exceeded END,
    m.sign * m.feeling_hate,
    m.sign * m.feeling_dislike,
    m.sign * m.feeling_eh,
    m.sign * m.feeling_like_a_lot,
    m.sign * m.feeling_love,
    m.sign * m.feeling_in_love
  FROM analysis_touchpoint_changes m
  CROSS JOIN LATERAL cx_dims(m.lifecycle_stage, m.value_tier, m.segment, m.interviewer_id, m.options) d
) x
GROUP BY workspace_id, map_id, dim, value, day, touchpoint_id;

-- Brings the summary rows of the given interviews up to date and logs what changed: every
-- row removed with sign -1, every row added with sign +1. Nothing shared is updated in place,
-- so concurrent submissions on the same map and day take no lock on common rows. The
-- interviews are locked first (in id order), so two refreshes of one interview never interleave.
CREATE FUNCTION cx_analysis_refresh(p_ids TEXT[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF p_ids IS NULL OR cardinality(p_ids) = 0 THEN
    RETURN;
  END IF;
  PERFORM 1 FROM interviews WHERE id = ANY(p_ids) ORDER BY id FOR NO KEY UPDATE;

  WITH gone AS (DELETE FROM analysis_touchpoints WHERE interview_id = ANY(p_ids) RETURNING *)
  INSERT INTO analysis_touchpoint_changes (sign, interview_id, touchpoint_id, workspace_id, map_id, day, interviewer_id, respondent_id, lifecycle_stage, value_tier, segment, options, tags, overall, n, missed, met, exceeded, importance_sum, importance_sum_sq, missed_importance_sum, exceeded_importance_sum, feeling_hate, feeling_dislike, feeling_eh, feeling_like_a_lot, feeling_love, feeling_in_love)
  SELECT -1, gone.interview_id, gone.touchpoint_id, gone.workspace_id, gone.map_id, gone.day, gone.interviewer_id, gone.respondent_id, gone.lifecycle_stage, gone.value_tier, gone.segment, gone.options, gone.tags, gone.overall, gone.n, gone.missed, gone.met, gone.exceeded, gone.importance_sum, gone.importance_sum_sq, gone.missed_importance_sum, gone.exceeded_importance_sum, gone.feeling_hate, gone.feeling_dislike, gone.feeling_eh, gone.feeling_like_a_lot, gone.feeling_love, gone.feeling_in_love FROM gone;
  WITH gone AS (DELETE FROM analysis_interviews WHERE interview_id = ANY(p_ids) RETURNING *)
  INSERT INTO analysis_interview_changes (sign, interview_id, workspace_id, map_id, day, interviewer_id, respondent_id, lifecycle_stage, value_tier, segment, options, tags, overall)
  SELECT -1, gone.interview_id, gone.workspace_id, gone.map_id, gone.day, gone.interviewer_id, gone.respondent_id, gone.lifecycle_stage, gone.value_tier, gone.segment, gone.options, gone.tags, gone.overall FROM gone;

  WITH added AS (
    INSERT INTO analysis_interviews SELECT * FROM cx_analysis_interviews_source WHERE interview_id = ANY(p_ids) RETURNING *
  )
  INSERT INTO analysis_interview_changes (sign, interview_id, workspace_id, map_id, day, interviewer_id, respondent_id, lifecycle_stage, value_tier, segment, options, tags, overall)
  SELECT 1, added.interview_id, added.workspace_id, added.map_id, added.day, added.interviewer_id, added.respondent_id, added.lifecycle_stage, added.value_tier, added.segment, added.options, added.tags, added.overall FROM added;
  WITH added AS (
    INSERT INTO analysis_touchpoints SELECT * FROM cx_analysis_touchpoints_source WHERE interview_id = ANY(p_ids) RETURNING *
  )
  INSERT INTO analysis_touchpoint_changes (sign, interview_id, touchpoint_id, workspace_id, map_id, day, interviewer_id, respondent_id, lifecycle_stage, value_tier, segment, options, tags, overall, n, missed, met, exceeded, importance_sum, importance_sum_sq, missed_importance_sum, exceeded_importance_sum, feeling_hate, feeling_dislike, feeling_eh, feeling_like_a_lot, feeling_love, feeling_in_love)
  SELECT 1, added.interview_id, added.touchpoint_id, added.workspace_id, added.map_id, added.day, added.interviewer_id, added.respondent_id, added.lifecycle_stage, added.value_tier, added.segment, added.options, added.tags, added.overall, added.n, added.missed, added.met, added.exceeded, added.importance_sum, added.importance_sum_sq, added.missed_importance_sum, added.exceeded_importance_sum, added.feeling_hate, added.feeling_dislike, added.feeling_eh, added.feeling_like_a_lot, added.feeling_love, added.feeling_in_love FROM added;
END;
$$;

-- Moves up to p_limit logged changes of each log into the rollups, in one short transaction;
-- returns how many it moved. One folder at a time (the others return 0 at once); writers are
-- never blocked, since they only append. Readers see the same sums before and after: one
-- statement's snapshot holds either the changes or the rollup rows they went into.
CREATE FUNCTION cx_analysis_fold(p_limit INTEGER DEFAULT 20000) RETURNS INTEGER
LANGUAGE plpgsql AS $$
DECLARE moved_touchpoints INTEGER; moved_interviews INTEGER;
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtextextended('cx_analysis_fold', 0)) THEN
    RETURN 0;
  END IF;
  WITH moved AS (
    DELETE FROM analysis_touchpoint_changes
    WHERE id IN (SELECT id FROM analysis_touchpoint_changes ORDER BY id LIMIT p_limit)
    RETURNING *
  ), summed AS (
    INSERT INTO analysis_day_touchpoints AS t
    SELECT m.workspace_id, m.map_id, d.dim, d.value, m.day, m.touchpoint_id,
      sum(m.sign * m.n),
      sum(m.sign),
      sum(m.sign * m.missed),
      sum(m.sign * m.met),
      sum(m.sign * m.exceeded),
      sum(m.sign * m.importance_sum),
      sum(m.sign * m.importance_sum_sq),
      sum(m.sign * m.missed_importance_sum),
      sum(m.sign * m.exceeded_importance_sum),
      sum(m.sign * m.missed * coalesce(m.overall, 0)),
      sum(CASE WHEN m.overall IS NULL THEN 0 ELSE m.sign * m.missed END),
      sum(m.sign * m.met * coalesce(m.overall, 0)),
      sum(CASE WHEN m.overall IS NULL THEN 0 ELSE m.sign * m.met END),
      sum(m.sign * m.exceeded * coalesce(m.overall, 0)),
      sum(CASE WHEN m.overall IS NULL THEN 0 ELSE m.sign * m.exceeded END),
      sum(m.sign * m.feeling_hate),
      sum(m.sign * m.feeling_dislike),
      sum(m.sign * m.feeling_eh),
      sum(m.sign * m.feeling_like_a_lot),
      sum(m.sign * m.feeling_love),
      sum(m.sign * m.feeling_in_love)
    FROM moved m
    CROSS JOIN LATERAL cx_dims(m.lifecycle_stage, m.value_tier, m.segment, m.interviewer_id, m.options) d
    GROUP BY m.workspace_id, m.map_id, d.dim, d.value, m.day, m.touchpoint_id
    ON CONFLICT (workspace_id, map_id, dim, value, day, touchpoint_id) DO UPDATE SET
      n = t.n + excluded.n,
      interviews = t.interviews + excluded.interviews,
      missed = t.missed + excluded.missed,
      met = t.met + excluded.met,
      exceeded = t.exceeded + excluded.exceeded,
      importance_sum = t.importance_sum + excluded.importance_sum,
      importance_sum_sq = t.importance_sum_sq + excluded.importance_sum_sq,
      missed_importance_sum = t.missed_importance_sum + excluded.missed_importance_sum,
      exceeded_importance_sum = t.exceeded_importance_sum + excluded.exceeded_importance_sum,
      missed_overall_sum = t.missed_overall_sum + excluded.missed_overall_sum,
      missed_overall_n = t.missed_overall_n + excluded.missed_overall_n,
      met_overall_sum = t.met_overall_sum + excluded.met_overall_sum,
      met_overall_n = t.met_overall_n + excluded.met_overall_n,
      exceeded_overall_sum = t.exceeded_overall_sum + excluded.exceeded_overall_sum,
      exceeded_overall_n = t.exceeded_overall_n + excluded.exceeded_overall_n,
      feeling_hate = t.feeling_hate + excluded.feeling_hate,
      feeling_dislike = t.feeling_dislike + excluded.feeling_dislike,
      feeling_eh = t.feeling_eh + excluded.feeling_eh,
      feeling_like_a_lot = t.feeling_like_a_lot + excluded.feeling_like_a_lot,
      feeling_love = t.feeling_love + excluded.feeling_love,
      feeling_in_love = t.feeling_in_love + excluded.feeling_in_love
  )
  SELECT count(*) INTO moved_touchpoints FROM moved;
  WITH moved AS (
    DELETE FROM analysis_interview_changes
    WHERE id IN (SELECT id FROM analysis_interview_changes ORDER BY id LIMIT p_limit)
    RETURNING *
  ), summed AS (
    INSERT INTO analysis_day_interviews AS t
    SELECT m.workspace_id, m.map_id, d.dim, d.value, m.day, sum(m.sign)
    FROM moved m
    CROSS JOIN LATERAL cx_dims(m.lifecycle_stage, m.value_tier, m.segment, m.interviewer_id, m.options) d
    GROUP BY m.workspace_id, m.map_id, d.dim, d.value, m.day
    ON CONFLICT (workspace_id, map_id, dim, value, day) DO UPDATE SET interviews = t.interviews + excluded.interviews
  )
  SELECT count(*) INTO moved_interviews FROM moved;
  PERFORM gin_clean_pending_list('analysis_touchpoints_tags_idx');
  PERFORM gin_clean_pending_list('analysis_interviews_tags_idx');
  RETURN moved_touchpoints + moved_interviews;
END;
$$;

-- Rebuilds a whole map set-wise: after a bulk load that bypassed the triggers
-- (session_replication_role = replica), or to repair. Not for use under concurrent writes.
CREATE FUNCTION cx_analysis_rebuild_map(p_workspace TEXT, p_map TEXT) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM analysis_day_touchpoints WHERE workspace_id = p_workspace AND map_id = p_map;
  DELETE FROM analysis_day_interviews WHERE workspace_id = p_workspace AND map_id = p_map;
  DELETE FROM analysis_touchpoint_changes WHERE workspace_id = p_workspace AND map_id = p_map;
  DELETE FROM analysis_interview_changes WHERE workspace_id = p_workspace AND map_id = p_map;
  DELETE FROM analysis_touchpoints WHERE workspace_id = p_workspace AND map_id = p_map;
  DELETE FROM analysis_interviews WHERE workspace_id = p_workspace AND map_id = p_map;
  INSERT INTO analysis_interviews SELECT * FROM cx_analysis_interviews_source WHERE workspace_id = p_workspace AND map_id = p_map;
  INSERT INTO analysis_touchpoints SELECT * FROM cx_analysis_touchpoints_source WHERE workspace_id = p_workspace AND map_id = p_map;
  INSERT INTO analysis_day_interviews SELECT * FROM cx_analysis_day_interviews_source WHERE workspace_id = p_workspace AND map_id = p_map;
  INSERT INTO analysis_day_touchpoints SELECT * FROM cx_analysis_day_touchpoints_source WHERE workspace_id = p_workspace AND map_id = p_map;
END;
$$;

-- Submits a checked interview in one call, so a submission costs the app one round trip.
-- The app has already checked every answer against the map and the interviewer's right to
-- record, and (for a new respondent) created the respondent in the same transaction. Returns
-- 'submitted', or 'already_submitted' for a retry of one that went through (nothing changes).
-- Anything else raises 'cx:<reason>' and so changes nothing: not_found (not this workspace's,
-- or another interviewer's), void, other_map, map_not_active, respondent_not_found,
-- respondent_archived. Idempotent on the interview id: an existing row is locked first, a
-- missing one is inserted already submitted; of two concurrent submissions of one id, one
-- writes and the other, waiting on the first's insert, then finds it submitted. The analysis
-- summaries are refreshed once, at the end, rather than by each statement's trigger.
CREATE FUNCTION cx_submit_interview(
  p_id TEXT, p_workspace TEXT, p_map TEXT, p_map_active BOOLEAN, p_user TEXT, p_day DATE, p_mode TEXT,
  p_respondent TEXT, p_overall TEXT, p_notes TEXT,
  p_touchpoints TEXT[], p_expectations TEXT[], p_outcomes TEXT[], p_importance SMALLINT[], p_feelings TEXT[], p_comments TEXT[],
  p_new_expectations TEXT[], p_new_touchpoints TEXT[], p_new_texts TEXT[],
  p_audit_id TEXT, p_audit JSONB
) RETURNS TEXT
LANGUAGE plpgsql AS $$
DECLARE
  fresh BOOLEAN := false;
  existing RECORD;
  respondent_archived BOOLEAN;
BEGIN
  FOR attempt IN 1..2 LOOP
    -- A draft saved earlier, or the same interview submitted before (a retry, a second tab)?
    SELECT workspace_id, map_id, interviewer_id, status INTO existing FROM interviews WHERE id = p_id FOR UPDATE;
    IF FOUND THEN
      IF existing.workspace_id <> p_workspace OR existing.interviewer_id <> p_user THEN
        RAISE EXCEPTION 'cx:not_found';
      ELSIF existing.status = 'SUBMITTED' THEN
        RETURN 'already_submitted';
      ELSIF existing.status = 'VOID' THEN
        RAISE EXCEPTION 'cx:void';
      ELSIF existing.map_id <> p_map THEN
        RAISE EXCEPTION 'cx:other_map';
      END IF;
      EXIT;
    END IF;
    -- After the status, so that a retry of a submission that went through still hears "submitted".
    IF NOT p_map_active THEN
      RAISE EXCEPTION 'cx:map_not_active';
    END IF;
    SELECT archived_at IS NOT NULL INTO respondent_archived FROM respondents WHERE id = p_respondent AND workspace_id = p_workspace;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'cx:respondent_not_found';
    ELSIF respondent_archived THEN
      RAISE EXCEPTION 'cx:respondent_archived';
    END IF;
    -- A new interview is written submitted at once: one row version, no update.
    PERFORM set_config('cxmap.analysis_deferred', 'on', true);
    INSERT INTO interviews (id, workspace_id, map_id, respondent_id, interviewer_id, conducted_on, mode, overall_feeling, notes,
                            status, submitted_at, updated_at)
    VALUES (p_id, p_workspace, p_map, p_respondent, p_user, p_day, p_mode::"InterviewMode", p_overall::"Feeling", p_notes,
            'SUBMITTED', now(), now())
    ON CONFLICT (id) DO NOTHING;
    IF FOUND THEN
      fresh := true;
      EXIT;
    END IF;
    -- Another request wrote this id in the meantime: look again.
    PERFORM set_config('cxmap.analysis_deferred', 'off', true);
  END LOOP;

  IF NOT fresh THEN
    IF NOT p_map_active THEN
      RAISE EXCEPTION 'cx:map_not_active';
    END IF;
    SELECT archived_at IS NOT NULL INTO respondent_archived FROM respondents WHERE id = p_respondent AND workspace_id = p_workspace;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'cx:respondent_not_found';
    ELSIF respondent_archived THEN
      RAISE EXCEPTION 'cx:respondent_archived';
    END IF;
    PERFORM set_config('cxmap.analysis_deferred', 'on', true);
    -- A draft may hold provisional observations (e.g. from an import): the submission replaces them.
    DELETE FROM observations WHERE interview_id = p_id AND workspace_id = p_workspace;
  END IF;
  -- Unlisted expectations the customer volunteered, after the touchpoint's last position.
  IF cardinality(p_new_expectations) > 0 THEN
    INSERT INTO expectations (id, workspace_id, map_id, touchpoint_id, text, kind, position, created_by_id)
    SELECT e.id, p_workspace, p_map, e.touchpoint_id, e.text, 'VOLUNTEERED',
      coalesce((SELECT max(x.position) FROM expectations x WHERE x.workspace_id = p_workspace AND x.touchpoint_id = e.touchpoint_id), -1)
        + row_number() OVER (PARTITION BY e.touchpoint_id ORDER BY e.number),
      p_user
    FROM unnest(p_new_expectations, p_new_touchpoints, p_new_texts) WITH ORDINALITY AS e(id, touchpoint_id, text, number);
  END IF;
  INSERT INTO observations (workspace_id, map_id, interview_id, touchpoint_id, expectation_id, outcome, importance, feeling, comment)
  SELECT p_workspace, p_map, p_id, o.touchpoint_id, o.expectation_id, o.outcome::"Outcome", o.importance, o.feeling::"Feeling", o.comment
  FROM unnest(p_touchpoints, p_expectations, p_outcomes, p_importance, p_feelings, p_comments)
    AS o(touchpoint_id, expectation_id, outcome, importance, feeling, comment);
  INSERT INTO audit_log (id, workspace_id, actor_id, action, entity_type, entity_id, after)
  VALUES (p_audit_id, p_workspace, p_user, 'interview.submit', 'Interview', p_id, p_audit || jsonb_build_object('respondentId', p_respondent));
  IF NOT fresh THEN
    UPDATE interviews SET status = 'SUBMITTED', submitted_at = now(), respondent_id = p_respondent, conducted_on = p_day,
      mode = p_mode::"InterviewMode", overall_feeling = p_overall::"Feeling", notes = p_notes, draft = NULL, updated_at = now()
    WHERE id = p_id;
  END IF;
  PERFORM set_config('cxmap.analysis_deferred', 'off', true);
  PERFORM cx_analysis_refresh(ARRAY[p_id]);
  RETURN 'submitted';
END;
$$;

-- Triggers: every write path (capture, correction, void and restore, merges of volunteered
-- expectations, respondent edits, imports, generators) keeps the summaries exact. Each
-- statement refreshes exactly the submitted interviews it touched; a transaction that
-- refreshes them itself at the end (cx_submit_interview) sets cxmap.analysis_deferred.
CREATE FUNCTION cx_analysis_observations() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('cxmap.analysis_deferred', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM cx_analysis_refresh(ARRAY(
      SELECT DISTINCT c.interview_id FROM changed_new c JOIN interviews i ON i.id = c.interview_id WHERE i.status = 'SUBMITTED'));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM cx_analysis_refresh(ARRAY(
      SELECT DISTINCT c.interview_id FROM changed_old c JOIN interviews i ON i.id = c.interview_id WHERE i.status = 'SUBMITTED'));
  ELSE
    PERFORM cx_analysis_refresh(ARRAY(
      SELECT DISTINCT c.interview_id FROM (SELECT interview_id FROM changed_new UNION SELECT interview_id FROM changed_old) c
      JOIN interviews i ON i.id = c.interview_id WHERE i.status = 'SUBMITTED'));
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER cx_analysis_observations_insert AFTER INSERT ON observations
  REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION cx_analysis_observations();
CREATE TRIGGER cx_analysis_observations_update AFTER UPDATE ON observations
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION cx_analysis_observations();
CREATE TRIGGER cx_analysis_observations_delete AFTER DELETE ON observations
  REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION cx_analysis_observations();

-- An interview counts while it is SUBMITTED; its date, respondent, interviewer and overall
-- feeling are dimensions or statistics of its summary rows.
CREATE FUNCTION cx_analysis_interviews() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('cxmap.analysis_deferred', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM cx_analysis_refresh(ARRAY(SELECT id FROM changed_new WHERE status = 'SUBMITTED'));
  ELSE
    PERFORM cx_analysis_refresh(ARRAY(
      SELECT n.id FROM changed_old o JOIN changed_new n ON n.id = o.id
      WHERE (o.status = 'SUBMITTED' OR n.status = 'SUBMITTED')
        AND (o.status, o.conducted_on, o.map_id, o.respondent_id, o.interviewer_id, o.overall_feeling, o.workspace_id)
            IS DISTINCT FROM (n.status, n.conducted_on, n.map_id, n.respondent_id, n.interviewer_id, n.overall_feeling, n.workspace_id)));
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER cx_analysis_interviews_insert AFTER INSERT ON interviews
  REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION cx_analysis_interviews();
CREATE TRIGGER cx_analysis_interviews_update AFTER UPDATE ON interviews
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION cx_analysis_interviews();

-- A respondent's lifecycle stage, value tier, segment and attribute values are dimensions.
CREATE FUNCTION cx_analysis_respondents() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM cx_analysis_refresh(ARRAY(
    SELECT i.id FROM changed_old o JOIN changed_new n ON n.id = o.id
    JOIN interviews i ON i.respondent_id = n.id AND i.status = 'SUBMITTED'
    WHERE (o.lifecycle_stage, o.value_tier, o.segment) IS DISTINCT FROM (n.lifecycle_stage, n.value_tier, n.segment)));
  RETURN NULL;
END;
$$;

CREATE TRIGGER cx_analysis_respondents_update AFTER UPDATE ON respondents
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION cx_analysis_respondents();

CREATE FUNCTION cx_analysis_respondent_attributes() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM cx_analysis_refresh(ARRAY(
      SELECT i.id FROM interviews i WHERE i.status = 'SUBMITTED' AND i.respondent_id IN (SELECT respondent_id FROM changed_new)));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM cx_analysis_refresh(ARRAY(
      SELECT i.id FROM interviews i WHERE i.status = 'SUBMITTED' AND i.respondent_id IN (SELECT respondent_id FROM changed_old)));
  ELSE
    PERFORM cx_analysis_refresh(ARRAY(
      SELECT i.id FROM interviews i WHERE i.status = 'SUBMITTED'
        AND i.respondent_id IN (SELECT respondent_id FROM changed_old UNION SELECT respondent_id FROM changed_new)));
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER cx_analysis_respondent_attributes_insert AFTER INSERT ON respondent_attributes
  REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION cx_analysis_respondent_attributes();
CREATE TRIGGER cx_analysis_respondent_attributes_update AFTER UPDATE ON respondent_attributes
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION cx_analysis_respondent_attributes();
CREATE TRIGGER cx_analysis_respondent_attributes_delete AFTER DELETE ON respondent_attributes
  REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION cx_analysis_respondent_attributes();

-- Existing data.
SELECT cx_analysis_rebuild_map(workspace_id, id) FROM maps;

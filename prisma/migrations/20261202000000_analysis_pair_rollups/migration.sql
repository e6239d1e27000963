-- Rollups by pairs of interview dimensions (lifecycle stage, value tier, segment, interviewer,
-- attribute option): a filter on two of them (an interviewer and a lifecycle stage, a segment
-- and a tier, two attribute fields) reads a few rows per day and touchpoint instead of the
-- summary rows it keeps. They live in the same rollup tables as the single dimensions, under
-- dim 'a*b' (dimensions in the order lifecycle, tier, segment, interviewer, attr) and value
-- 'va' || chr(31) || 'vb' (two attribute options in byte order).
--
-- An interview contributes to about twice as many pair keys as single keys (15 against 7 with
-- two attribute fields), and a fold's upserts cost per key it touches, so folding pairs at the
-- single rollups' pace (every second) would rewrite the same day's pair rows ten times as
-- often. Instead the fold moves the changes it has applied to the single keys into a second
-- log, and cx_analysis_fold_pairs() folds that log about every ten seconds, when ten times as
-- many changes share each key it rewrites. Every change is in exactly one
-- of the logs at any moment (the move is one statement), so a reader of a pair key sums the
-- pair rollup rows and the changes in both logs; a reader of a single key, the rollup rows
-- and the first log.

-- CreateTable
CREATE TABLE "analysis_interview_pair_changes" (
    "id" BIGINT NOT NULL,
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

    CONSTRAINT "analysis_interview_pair_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "analysis_touchpoint_pair_changes" (
    "id" BIGINT NOT NULL,
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

    CONSTRAINT "analysis_touchpoint_pair_changes_pkey" PRIMARY KEY ("id")
);

ALTER TABLE "analysis_interview_pair_changes" SET (autovacuum_vacuum_threshold = 1000, autovacuum_vacuum_scale_factor = 0);
ALTER TABLE "analysis_touchpoint_pair_changes" SET (autovacuum_vacuum_threshold = 1000, autovacuum_vacuum_scale_factor = 0);

-- The pair keys an interview contributes to: one per two dimensions that have a value.
CREATE FUNCTION cx_dim_pairs(p_lifecycle TEXT, p_tier TEXT, p_segment TEXT, p_interviewer TEXT, p_options TEXT[])
RETURNS TABLE (dim TEXT, value TEXT)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  WITH single(dim, value, ord) AS (
    SELECT 'lifecycle', p_lifecycle, 1 WHERE p_lifecycle <> ''
    UNION ALL SELECT 'tier', p_tier, 2 WHERE p_tier <> ''
    UNION ALL SELECT 'segment', p_segment, 3 WHERE p_segment <> ''
    UNION ALL SELECT 'interviewer', p_interviewer, 4
    UNION ALL SELECT 'attr', option_id, 5 FROM unnest(coalesce(p_options, '{}')) AS option_id
  )
  SELECT a.dim || '*' || b.dim, a.value || chr(31) || b.value
  FROM single a
  JOIN single b ON a.ord < b.ord OR (a.ord = 5 AND b.ord = 5 AND a.value COLLATE "C" < b.value COLLATE "C")
$$;

-- Every rollup key of an interview: the single keys and the pairs.
CREATE FUNCTION cx_rollup_keys(p_lifecycle TEXT, p_tier TEXT, p_segment TEXT, p_interviewer TEXT, p_options TEXT[])
RETURNS TABLE (dim TEXT, value TEXT)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT * FROM cx_dims(p_lifecycle, p_tier, p_segment, p_interviewer, p_options)
  UNION ALL
  SELECT * FROM cx_dim_pairs(p_lifecycle, p_tier, p_segment, p_interviewer, p_options)
$$;

CREATE OR REPLACE VIEW cx_analysis_day_interviews_source AS
SELECT s.workspace_id, s.map_id, d.dim, d.value, s.day, count(*)::int AS interviews
FROM analysis_interviews s
CROSS JOIN LATERAL cx_rollup_keys(s.lifecycle_stage, s.value_tier, s.segment, s.interviewer_id, s.options) d
GROUP BY s.workspace_id, s.map_id, d.dim, d.value, s.day;

CREATE OR REPLACE VIEW cx_analysis_day_touchpoints_source AS
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
CROSS JOIN LATERAL cx_rollup_keys(s.lifecycle_stage, s.value_tier, s.segment, s.interviewer_id, s.options) d
GROUP BY s.workspace_id, s.map_id, d.dim, d.value, s.day, s.touchpoint_id;

CREATE OR REPLACE VIEW cx_analysis_day_interviews_current AS
SELECT workspace_id, map_id, dim, value, day, sum(interviews)::int AS interviews
FROM (
  SELECT workspace_id, map_id, dim, value, day, interviews FROM analysis_day_interviews
  UNION ALL
  SELECT m.workspace_id, m.map_id, d.dim, d.value, m.day, m.sign
  FROM analysis_interview_changes m
  CROSS JOIN LATERAL cx_rollup_keys(m.lifecycle_stage, m.value_tier, m.segment, m.interviewer_id, m.options) d
  UNION ALL
  SELECT m.workspace_id, m.map_id, d.dim, d.value, m.day, m.sign
  FROM analysis_interview_pair_changes m
  CROSS JOIN LATERAL cx_dim_pairs(m.lifecycle_stage, m.value_tier, m.segment, m.interviewer_id, m.options) d
) x
GROUP BY workspace_id, map_id, dim, value, day;

CREATE OR REPLACE VIEW cx_analysis_day_touchpoints_current AS
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
  CROSS JOIN LATERAL cx_rollup_keys(m.lifecycle_stage, m.value_tier, m.segment, m.interviewer_id, m.options) d
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
  FROM analysis_touchpoint_pair_changes m
  CROSS JOIN LATERAL cx_dim_pairs(m.lifecycle_stage, m.value_tier, m.segment, m.interviewer_id, m.options) d
) x
GROUP BY workspace_id, map_id, dim, value, day, touchpoint_id;

-- Folds a batch of each change log into the single-dimension rollups and moves the batch to
-- the pair log. Returns how many changes it moved. The keys are the ones cx_dims() lists,
-- computed set-wise (GROUPING SETS) rather than by calling it for each change: a fold sums
-- thousands of changes, and the per-row function call cost more than the rest of the fold.
CREATE OR REPLACE FUNCTION cx_analysis_fold(p_limit INTEGER DEFAULT 20000) RETURNS INTEGER
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
  ), kept AS (
    INSERT INTO analysis_touchpoint_pair_changes SELECT * FROM moved
  ), signed AS (
    SELECT m.id, m.workspace_id, m.map_id, m.day, m.touchpoint_id, m.lifecycle_stage AS lc, m.value_tier AS tier,
      m.segment AS seg, m.interviewer_id AS iv, m.options,
      m.sign * m.n AS n,
      m.sign AS interviews,
      m.sign * m.missed AS missed,
      m.sign * m.met AS met,
      m.sign * m.exceeded AS exceeded,
      m.sign * m.importance_sum AS importance_sum,
      m.sign * m.importance_sum_sq AS importance_sum_sq,
      m.sign * m.missed_importance_sum AS missed_importance_sum,
      m.sign * m.exceeded_importance_sum AS exceeded_importance_sum,
      m.sign * m.missed * coalesce(m.overall, 0) AS missed_overall_sum,
      CASE WHEN m.overall IS NULL THEN 0 ELSE m.sign * m.missed END AS missed_overall_n,
      m.sign * m.met * coalesce(m.overall, 0) AS met_overall_sum,
      CASE WHEN m.overall IS NULL THEN 0 ELSE m.sign * m.met END AS met_overall_n,
      m.sign * m.exceeded * coalesce(m.overall, 0) AS exceeded_overall_sum,
      CASE WHEN m.overall IS NULL THEN 0 ELSE m.sign * m.exceeded END AS exceeded_overall_n,
      m.sign * m.feeling_hate AS feeling_hate,
      m.sign * m.feeling_dislike AS feeling_dislike,
      m.sign * m.feeling_eh AS feeling_eh,
      m.sign * m.feeling_like_a_lot AS feeling_like_a_lot,
      m.sign * m.feeling_love AS feeling_love,
      m.sign * m.feeling_in_love AS feeling_in_love
    FROM moved m
  ), options AS (
    SELECT x.*, o.opt FROM signed x CROSS JOIN LATERAL unnest(coalesce(x.options, '{}')) AS o(opt)
  ), summed AS (
    INSERT INTO analysis_day_touchpoints AS t
  SELECT x.workspace_id, x.map_id, CASE GROUPING(x.lc, x.tier, x.seg, x.iv) WHEN 15 THEN 'all' WHEN 7 THEN 'lifecycle' WHEN 11 THEN 'tier' WHEN 13 THEN 'segment' WHEN 14 THEN 'interviewer' END AS dim,
    coalesce(x.lc, x.tier, x.seg, x.iv, '') AS value, x.day, x.touchpoint_id,
    sum(x.n),
    sum(x.interviews),
    sum(x.missed),
    sum(x.met),
    sum(x.exceeded),
    sum(x.importance_sum),
    sum(x.importance_sum_sq),
    sum(x.missed_importance_sum),
    sum(x.exceeded_importance_sum),
    sum(x.missed_overall_sum),
    sum(x.missed_overall_n),
    sum(x.met_overall_sum),
    sum(x.met_overall_n),
    sum(x.exceeded_overall_sum),
    sum(x.exceeded_overall_n),
    sum(x.feeling_hate),
    sum(x.feeling_dislike),
    sum(x.feeling_eh),
    sum(x.feeling_like_a_lot),
    sum(x.feeling_love),
    sum(x.feeling_in_love)
  FROM signed x
  GROUP BY x.workspace_id, x.map_id, x.day, x.touchpoint_id, GROUPING SETS ((), (x.lc), (x.tier), (x.seg), (x.iv))
  HAVING coalesce(x.lc, '-') <> '' AND coalesce(x.tier, '-') <> '' AND coalesce(x.seg, '-') <> ''
  UNION ALL
  SELECT x.workspace_id, x.map_id, 'attr', x.opt, x.day, x.touchpoint_id,
    sum(x.n),
    sum(x.interviews),
    sum(x.missed),
    sum(x.met),
    sum(x.exceeded),
    sum(x.importance_sum),
    sum(x.importance_sum_sq),
    sum(x.missed_importance_sum),
    sum(x.exceeded_importance_sum),
    sum(x.missed_overall_sum),
    sum(x.missed_overall_n),
    sum(x.met_overall_sum),
    sum(x.met_overall_n),
    sum(x.exceeded_overall_sum),
    sum(x.exceeded_overall_n),
    sum(x.feeling_hate),
    sum(x.feeling_dislike),
    sum(x.feeling_eh),
    sum(x.feeling_like_a_lot),
    sum(x.feeling_love),
    sum(x.feeling_in_love)
  FROM options x
  GROUP BY x.workspace_id, x.map_id, x.day, x.touchpoint_id, x.opt
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
  ), kept AS (
    INSERT INTO analysis_interview_pair_changes SELECT * FROM moved
  ), signed AS (
    SELECT m.id, m.workspace_id, m.map_id, m.day, m.lifecycle_stage AS lc, m.value_tier AS tier,
      m.segment AS seg, m.interviewer_id AS iv, m.options,
      m.sign AS interviews
    FROM moved m
  ), options AS (
    SELECT x.*, o.opt FROM signed x CROSS JOIN LATERAL unnest(coalesce(x.options, '{}')) AS o(opt)
  ), summed AS (
    INSERT INTO analysis_day_interviews AS t
  SELECT x.workspace_id, x.map_id, CASE GROUPING(x.lc, x.tier, x.seg, x.iv) WHEN 15 THEN 'all' WHEN 7 THEN 'lifecycle' WHEN 11 THEN 'tier' WHEN 13 THEN 'segment' WHEN 14 THEN 'interviewer' END AS dim,
    coalesce(x.lc, x.tier, x.seg, x.iv, '') AS value, x.day,
    sum(x.interviews)
  FROM signed x
  GROUP BY x.workspace_id, x.map_id, x.day, GROUPING SETS ((), (x.lc), (x.tier), (x.seg), (x.iv))
  HAVING coalesce(x.lc, '-') <> '' AND coalesce(x.tier, '-') <> '' AND coalesce(x.seg, '-') <> ''
  UNION ALL
  SELECT x.workspace_id, x.map_id, 'attr', x.opt, x.day,
    sum(x.interviews)
  FROM options x
  GROUP BY x.workspace_id, x.map_id, x.day, x.opt
    ON CONFLICT (workspace_id, map_id, dim, value, day) DO UPDATE SET
      interviews = t.interviews + excluded.interviews
  )
  SELECT count(*) INTO moved_interviews FROM moved;
  PERFORM gin_clean_pending_list('analysis_touchpoints_tags_idx');
  PERFORM gin_clean_pending_list('analysis_interviews_tags_idx');
  RETURN moved_touchpoints + moved_interviews;
END;
$$;

-- Folds a batch of the pair log into the pair rollups (the keys cx_dim_pairs() lists, computed
-- set-wise as above). Returns how many changes it folded.
CREATE FUNCTION cx_analysis_fold_pairs(p_limit INTEGER DEFAULT 50000) RETURNS INTEGER
LANGUAGE plpgsql AS $$
DECLARE moved_touchpoints INTEGER; moved_interviews INTEGER;
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtextextended('cx_analysis_fold_pairs', 0)) THEN
    RETURN 0;
  END IF;
  WITH moved AS (
    DELETE FROM analysis_touchpoint_pair_changes
    WHERE id IN (SELECT id FROM analysis_touchpoint_pair_changes ORDER BY id LIMIT p_limit)
    RETURNING *
  ), signed AS (
    SELECT m.id, m.workspace_id, m.map_id, m.day, m.touchpoint_id, m.lifecycle_stage AS lc, m.value_tier AS tier,
      m.segment AS seg, m.interviewer_id AS iv, m.options,
      m.sign * m.n AS n,
      m.sign AS interviews,
      m.sign * m.missed AS missed,
      m.sign * m.met AS met,
      m.sign * m.exceeded AS exceeded,
      m.sign * m.importance_sum AS importance_sum,
      m.sign * m.importance_sum_sq AS importance_sum_sq,
      m.sign * m.missed_importance_sum AS missed_importance_sum,
      m.sign * m.exceeded_importance_sum AS exceeded_importance_sum,
      m.sign * m.missed * coalesce(m.overall, 0) AS missed_overall_sum,
      CASE WHEN m.overall IS NULL THEN 0 ELSE m.sign * m.missed END AS missed_overall_n,
      m.sign * m.met * coalesce(m.overall, 0) AS met_overall_sum,
      CASE WHEN m.overall IS NULL THEN 0 ELSE m.sign * m.met END AS met_overall_n,
      m.sign * m.exceeded * coalesce(m.overall, 0) AS exceeded_overall_sum,
      CASE WHEN m.overall IS NULL THEN 0 ELSE m.sign * m.exceeded END AS exceeded_overall_n,
      m.sign * m.feeling_hate AS feeling_hate,
      m.sign * m.feeling_dislike AS feeling_dislike,
      m.sign * m.feeling_eh AS feeling_eh,
      m.sign * m.feeling_like_a_lot AS feeling_like_a_lot,
      m.sign * m.feeling_love AS feeling_love,
      m.sign * m.feeling_in_love AS feeling_in_love
    FROM moved m
  ), options AS (
    SELECT x.*, o.opt FROM signed x CROSS JOIN LATERAL unnest(coalesce(x.options, '{}')) AS o(opt)
  ), summed AS (
    INSERT INTO analysis_day_touchpoints AS t
  SELECT x.workspace_id, x.map_id, CASE GROUPING(x.lc, x.tier, x.seg, x.iv) WHEN 3 THEN 'lifecycle*tier' WHEN 5 THEN 'lifecycle*segment' WHEN 6 THEN 'lifecycle*interviewer' WHEN 9 THEN 'tier*segment' WHEN 10 THEN 'tier*interviewer' WHEN 12 THEN 'segment*interviewer' END AS dim,
    concat_ws(chr(31), x.lc, x.tier, x.seg, x.iv) AS value, x.day, x.touchpoint_id,
    sum(x.n),
    sum(x.interviews),
    sum(x.missed),
    sum(x.met),
    sum(x.exceeded),
    sum(x.importance_sum),
    sum(x.importance_sum_sq),
    sum(x.missed_importance_sum),
    sum(x.exceeded_importance_sum),
    sum(x.missed_overall_sum),
    sum(x.missed_overall_n),
    sum(x.met_overall_sum),
    sum(x.met_overall_n),
    sum(x.exceeded_overall_sum),
    sum(x.exceeded_overall_n),
    sum(x.feeling_hate),
    sum(x.feeling_dislike),
    sum(x.feeling_eh),
    sum(x.feeling_like_a_lot),
    sum(x.feeling_love),
    sum(x.feeling_in_love)
  FROM signed x
  GROUP BY x.workspace_id, x.map_id, x.day, x.touchpoint_id, GROUPING SETS ((x.lc, x.tier), (x.lc, x.seg), (x.lc, x.iv), (x.tier, x.seg), (x.tier, x.iv), (x.seg, x.iv))
  HAVING coalesce(x.lc, '-') <> '' AND coalesce(x.tier, '-') <> '' AND coalesce(x.seg, '-') <> ''
  UNION ALL
  SELECT x.workspace_id, x.map_id, CASE GROUPING(x.lc, x.tier, x.seg, x.iv) WHEN 7 THEN 'lifecycle*attr' WHEN 11 THEN 'tier*attr' WHEN 13 THEN 'segment*attr' WHEN 14 THEN 'interviewer*attr' END AS dim,
    concat_ws(chr(31), x.lc, x.tier, x.seg, x.iv, x.opt) AS value, x.day, x.touchpoint_id,
    sum(x.n),
    sum(x.interviews),
    sum(x.missed),
    sum(x.met),
    sum(x.exceeded),
    sum(x.importance_sum),
    sum(x.importance_sum_sq),
    sum(x.missed_importance_sum),
    sum(x.exceeded_importance_sum),
    sum(x.missed_overall_sum),
    sum(x.missed_overall_n),
    sum(x.met_overall_sum),
    sum(x.met_overall_n),
    sum(x.exceeded_overall_sum),
    sum(x.exceeded_overall_n),
    sum(x.feeling_hate),
    sum(x.feeling_dislike),
    sum(x.feeling_eh),
    sum(x.feeling_like_a_lot),
    sum(x.feeling_love),
    sum(x.feeling_in_love)
  FROM options x
  GROUP BY x.workspace_id, x.map_id, x.day, x.touchpoint_id, GROUPING SETS ((x.lc, x.opt), (x.tier, x.opt), (x.seg, x.opt), (x.iv, x.opt))
  HAVING coalesce(x.lc, '-') <> '' AND coalesce(x.tier, '-') <> '' AND coalesce(x.seg, '-') <> ''
  UNION ALL
  SELECT x.workspace_id, x.map_id, 'attr*attr', x.opt || chr(31) || y.opt, x.day, x.touchpoint_id,
    sum(x.n),
    sum(x.interviews),
    sum(x.missed),
    sum(x.met),
    sum(x.exceeded),
    sum(x.importance_sum),
    sum(x.importance_sum_sq),
    sum(x.missed_importance_sum),
    sum(x.exceeded_importance_sum),
    sum(x.missed_overall_sum),
    sum(x.missed_overall_n),
    sum(x.met_overall_sum),
    sum(x.met_overall_n),
    sum(x.exceeded_overall_sum),
    sum(x.exceeded_overall_n),
    sum(x.feeling_hate),
    sum(x.feeling_dislike),
    sum(x.feeling_eh),
    sum(x.feeling_like_a_lot),
    sum(x.feeling_love),
    sum(x.feeling_in_love)
  FROM options x
  JOIN options y ON y.id = x.id AND x.opt COLLATE "C" < y.opt COLLATE "C"
  GROUP BY x.workspace_id, x.map_id, x.day, x.touchpoint_id, x.opt, y.opt
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
    DELETE FROM analysis_interview_pair_changes
    WHERE id IN (SELECT id FROM analysis_interview_pair_changes ORDER BY id LIMIT p_limit)
    RETURNING *
  ), signed AS (
    SELECT m.id, m.workspace_id, m.map_id, m.day, m.lifecycle_stage AS lc, m.value_tier AS tier,
      m.segment AS seg, m.interviewer_id AS iv, m.options,
      m.sign AS interviews
    FROM moved m
  ), options AS (
    SELECT x.*, o.opt FROM signed x CROSS JOIN LATERAL unnest(coalesce(x.options, '{}')) AS o(opt)
  ), summed AS (
    INSERT INTO analysis_day_interviews AS t
  SELECT x.workspace_id, x.map_id, CASE GROUPING(x.lc, x.tier, x.seg, x.iv) WHEN 3 THEN 'lifecycle*tier' WHEN 5 THEN 'lifecycle*segment' WHEN 6 THEN 'lifecycle*interviewer' WHEN 9 THEN 'tier*segment' WHEN 10 THEN 'tier*interviewer' WHEN 12 THEN 'segment*interviewer' END AS dim,
    concat_ws(chr(31), x.lc, x.tier, x.seg, x.iv) AS value, x.day,
    sum(x.interviews)
  FROM signed x
  GROUP BY x.workspace_id, x.map_id, x.day, GROUPING SETS ((x.lc, x.tier), (x.lc, x.seg), (x.lc, x.iv), (x.tier, x.seg), (x.tier, x.iv), (x.seg, x.iv))
  HAVING coalesce(x.lc, '-') <> '' AND coalesce(x.tier, '-') <> '' AND coalesce(x.seg, '-') <> ''
  UNION ALL
  SELECT x.workspace_id, x.map_id, CASE GROUPING(x.lc, x.tier, x.seg, x.iv) WHEN 7 THEN 'lifecycle*attr' WHEN 11 THEN 'tier*attr' WHEN 13 THEN 'segment*attr' WHEN 14 THEN 'interviewer*attr' END AS dim,
    concat_ws(chr(31), x.lc, x.tier, x.seg, x.iv, x.opt) AS value, x.day,
    sum(x.interviews)
  FROM options x
  GROUP BY x.workspace_id, x.map_id, x.day, GROUPING SETS ((x.lc, x.opt), (x.tier, x.opt), (x.seg, x.opt), (x.iv, x.opt))
  HAVING coalesce(x.lc, '-') <> '' AND coalesce(x.tier, '-') <> '' AND coalesce(x.seg, '-') <> ''
  UNION ALL
  SELECT x.workspace_id, x.map_id, 'attr*attr', x.opt || chr(31) || y.opt, x.day,
    sum(x.interviews)
  FROM options x
  JOIN options y ON y.id = x.id AND x.opt COLLATE "C" < y.opt COLLATE "C"
  GROUP BY x.workspace_id, x.map_id, x.day, x.opt, y.opt
    ON CONFLICT (workspace_id, map_id, dim, value, day) DO UPDATE SET
      interviews = t.interviews + excluded.interviews
  )
  SELECT count(*) INTO moved_interviews FROM moved;
  RETURN moved_touchpoints + moved_interviews;
END;
$$;

-- As before, with the pair log, and the summary rows written in the order submissions write
-- them (by day, then interview), so one interview's rows share heap pages as in a live map.
CREATE OR REPLACE FUNCTION cx_analysis_rebuild_map(p_workspace TEXT, p_map TEXT) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM analysis_day_touchpoints WHERE workspace_id = p_workspace AND map_id = p_map;
  DELETE FROM analysis_day_interviews WHERE workspace_id = p_workspace AND map_id = p_map;
  DELETE FROM analysis_touchpoint_changes WHERE workspace_id = p_workspace AND map_id = p_map;
  DELETE FROM analysis_interview_changes WHERE workspace_id = p_workspace AND map_id = p_map;
  DELETE FROM analysis_touchpoint_pair_changes WHERE workspace_id = p_workspace AND map_id = p_map;
  DELETE FROM analysis_interview_pair_changes WHERE workspace_id = p_workspace AND map_id = p_map;
  DELETE FROM analysis_touchpoints WHERE workspace_id = p_workspace AND map_id = p_map;
  DELETE FROM analysis_interviews WHERE workspace_id = p_workspace AND map_id = p_map;
  INSERT INTO analysis_interviews
    SELECT * FROM cx_analysis_interviews_source WHERE workspace_id = p_workspace AND map_id = p_map
    ORDER BY day, interview_id;
  INSERT INTO analysis_touchpoints
    SELECT * FROM cx_analysis_touchpoints_source WHERE workspace_id = p_workspace AND map_id = p_map
    ORDER BY day, interview_id, touchpoint_id;
  INSERT INTO analysis_day_interviews SELECT * FROM cx_analysis_day_interviews_source WHERE workspace_id = p_workspace AND map_id = p_map;
  INSERT INTO analysis_day_touchpoints SELECT * FROM cx_analysis_day_touchpoints_source WHERE workspace_id = p_workspace AND map_id = p_map;
END;
$$;

-- Every fold rewrites the current day's rollup rows: room left on their pages lets each
-- update stay on its page (no new index entry) rather than move.
ALTER TABLE "analysis_day_touchpoints" SET (fillfactor = 70);
ALTER TABLE "analysis_day_interviews" SET (fillfactor = 70);

-- The existing rollups gain their pair keys: rebuilt from the summary rows, which already
-- hold every change still in the log (so the log is emptied with them).
DELETE FROM analysis_touchpoint_changes;
DELETE FROM analysis_interview_changes;
DELETE FROM analysis_day_touchpoints;
DELETE FROM analysis_day_interviews;
INSERT INTO analysis_day_interviews SELECT * FROM cx_analysis_day_interviews_source;
INSERT INTO analysis_day_touchpoints SELECT * FROM cx_analysis_day_touchpoints_source;

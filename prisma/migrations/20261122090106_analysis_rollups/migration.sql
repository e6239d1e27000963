-- CreateTable
CREATE TABLE "touchpoint_day_stats" (
    "workspace_id" TEXT NOT NULL,
    "map_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "touchpoint_id" TEXT NOT NULL,
    "lifecycle_stage" TEXT NOT NULL,
    "value_tier" TEXT NOT NULL,
    "segment" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    "interviews" INTEGER NOT NULL,
    "missed" INTEGER NOT NULL,
    "met" INTEGER NOT NULL,
    "exceeded" INTEGER NOT NULL,
    "importance_sum" INTEGER NOT NULL,
    "importance_sum_sq" INTEGER NOT NULL,
    "missed_importance_sum" INTEGER NOT NULL,
    "exceeded_importance_sum" INTEGER NOT NULL,

    CONSTRAINT "touchpoint_day_stats_pkey" PRIMARY KEY ("workspace_id","map_id","day","touchpoint_id","lifecycle_stage","value_tier","segment")
);

-- CreateTable
CREATE TABLE "map_day_interviews" (
    "workspace_id" TEXT NOT NULL,
    "map_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "lifecycle_stage" TEXT NOT NULL,
    "value_tier" TEXT NOT NULL,
    "segment" TEXT NOT NULL,
    "interviews" INTEGER NOT NULL,

    CONSTRAINT "map_day_interviews_pkey" PRIMARY KEY ("workspace_id","map_id","day","lifecycle_stage","value_tier","segment")
);

-- Recomputes the rollups of one map and day from the base tables. Callers take the days of
-- a statement in (map, day) order; the advisory lock serialises concurrent writers of the
-- same day, and each statement below reads what committed before the lock was granted.
CREATE FUNCTION cx_refresh_map_day(p_workspace TEXT, p_map TEXT, p_day DATE) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('cx_rollup|' || p_map || '|' || p_day::text, 0));
  DELETE FROM touchpoint_day_stats WHERE workspace_id = p_workspace AND map_id = p_map AND day = p_day;
  DELETE FROM map_day_interviews WHERE workspace_id = p_workspace AND map_id = p_map AND day = p_day;
  INSERT INTO touchpoint_day_stats
  SELECT i.workspace_id, i.map_id, i.conducted_on, o.touchpoint_id,
    coalesce(r.lifecycle_stage::text, ''), coalesce(r.value_tier::text, ''), coalesce(r.segment, ''),
    count(*), count(DISTINCT o.interview_id),
    count(*) FILTER (WHERE o.outcome = 'MISSED'),
    count(*) FILTER (WHERE o.outcome = 'MET'),
    count(*) FILTER (WHERE o.outcome = 'EXCEEDED'),
    sum(o.importance), sum(o.importance * o.importance),
    coalesce(sum(o.importance) FILTER (WHERE o.outcome = 'MISSED'), 0),
    coalesce(sum(o.importance) FILTER (WHERE o.outcome = 'EXCEEDED'), 0)
  FROM interviews i
  JOIN observations o ON o.interview_id = i.id
  LEFT JOIN respondents r ON r.id = i.respondent_id
  WHERE i.workspace_id = p_workspace AND i.map_id = p_map AND i.conducted_on = p_day AND i.status = 'SUBMITTED'
  GROUP BY 1, 2, 3, 4, 5, 6, 7;
  INSERT INTO map_day_interviews
  SELECT i.workspace_id, i.map_id, i.conducted_on,
    coalesce(r.lifecycle_stage::text, ''), coalesce(r.value_tier::text, ''), coalesce(r.segment, ''),
    count(*)
  FROM interviews i
  LEFT JOIN respondents r ON r.id = i.respondent_id
  WHERE i.workspace_id = p_workspace AND i.map_id = p_map AND i.conducted_on = p_day AND i.status = 'SUBMITTED'
  GROUP BY 1, 2, 3, 4, 5, 6;
END;
$$;

-- Rebuilds every day of a map: after a bulk load that bypassed the triggers.
CREATE FUNCTION cx_refresh_map(p_workspace TEXT, p_map TEXT) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE d DATE;
BEGIN
  DELETE FROM touchpoint_day_stats WHERE workspace_id = p_workspace AND map_id = p_map;
  DELETE FROM map_day_interviews WHERE workspace_id = p_workspace AND map_id = p_map;
  FOR d IN SELECT DISTINCT conducted_on FROM interviews
           WHERE workspace_id = p_workspace AND map_id = p_map AND status = 'SUBMITTED' ORDER BY 1 LOOP
    PERFORM cx_refresh_map_day(p_workspace, p_map, d);
  END LOOP;
END;
$$;

CREATE FUNCTION cx_rollup_observations() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE k RECORD;
BEGIN
  IF TG_OP = 'INSERT' THEN
    FOR k IN SELECT DISTINCT i.workspace_id, i.map_id, i.conducted_on FROM changed_new c
             JOIN interviews i ON i.id = c.interview_id WHERE i.status = 'SUBMITTED' ORDER BY 2, 3 LOOP
      PERFORM cx_refresh_map_day(k.workspace_id, k.map_id, k.conducted_on);
    END LOOP;
  ELSIF TG_OP = 'DELETE' THEN
    FOR k IN SELECT DISTINCT i.workspace_id, i.map_id, i.conducted_on FROM changed_old c
             JOIN interviews i ON i.id = c.interview_id WHERE i.status = 'SUBMITTED' ORDER BY 2, 3 LOOP
      PERFORM cx_refresh_map_day(k.workspace_id, k.map_id, k.conducted_on);
    END LOOP;
  ELSE
    FOR k IN SELECT DISTINCT i.workspace_id, i.map_id, i.conducted_on
             FROM (SELECT interview_id FROM changed_new UNION SELECT interview_id FROM changed_old) c
             JOIN interviews i ON i.id = c.interview_id WHERE i.status = 'SUBMITTED' ORDER BY 2, 3 LOOP
      PERFORM cx_refresh_map_day(k.workspace_id, k.map_id, k.conducted_on);
    END LOOP;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER cx_rollup_observations_insert AFTER INSERT ON observations
  REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION cx_rollup_observations();
CREATE TRIGGER cx_rollup_observations_update AFTER UPDATE ON observations
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION cx_rollup_observations();
CREATE TRIGGER cx_rollup_observations_delete AFTER DELETE ON observations
  REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION cx_rollup_observations();

-- An interview counts when it is SUBMITTED: submitting, voiding, restoring, moving its date
-- or changing its respondent changes the days it counts in.
CREATE FUNCTION cx_rollup_interviews() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE k RECORD;
BEGIN
  IF TG_OP = 'INSERT' THEN
    FOR k IN SELECT DISTINCT workspace_id, map_id, conducted_on FROM changed_new
             WHERE status = 'SUBMITTED' ORDER BY 2, 3 LOOP
      PERFORM cx_refresh_map_day(k.workspace_id, k.map_id, k.conducted_on);
    END LOOP;
  ELSE
    FOR k IN SELECT DISTINCT workspace_id, map_id, conducted_on FROM (
               SELECT o.workspace_id, o.map_id, o.conducted_on FROM changed_old o JOIN changed_new n ON n.id = o.id
               WHERE o.status = 'SUBMITTED'
                 AND (o.status, o.conducted_on, o.map_id, o.respondent_id) IS DISTINCT FROM (n.status, n.conducted_on, n.map_id, n.respondent_id)
               UNION
               SELECT n.workspace_id, n.map_id, n.conducted_on FROM changed_old o JOIN changed_new n ON n.id = o.id
               WHERE n.status = 'SUBMITTED'
                 AND (o.status, o.conducted_on, o.map_id, o.respondent_id) IS DISTINCT FROM (n.status, n.conducted_on, n.map_id, n.respondent_id)
             ) keys ORDER BY 2, 3 LOOP
      PERFORM cx_refresh_map_day(k.workspace_id, k.map_id, k.conducted_on);
    END LOOP;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER cx_rollup_interviews_insert AFTER INSERT ON interviews
  REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION cx_rollup_interviews();
CREATE TRIGGER cx_rollup_interviews_update AFTER UPDATE ON interviews
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION cx_rollup_interviews();

-- A respondent's lifecycle stage, value tier or segment is a dimension of the rollups.
CREATE FUNCTION cx_rollup_respondents() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE k RECORD;
BEGIN
  FOR k IN SELECT DISTINCT i.workspace_id, i.map_id, i.conducted_on
           FROM changed_old o JOIN changed_new n ON n.id = o.id
           JOIN interviews i ON i.respondent_id = n.id AND i.status = 'SUBMITTED'
           WHERE (o.lifecycle_stage, o.value_tier, o.segment) IS DISTINCT FROM (n.lifecycle_stage, n.value_tier, n.segment)
           ORDER BY 2, 3 LOOP
    PERFORM cx_refresh_map_day(k.workspace_id, k.map_id, k.conducted_on);
  END LOOP;
  RETURN NULL;
END;
$$;

CREATE TRIGGER cx_rollup_respondents_update AFTER UPDATE ON respondents
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION cx_rollup_respondents();

-- Existing data.
SELECT cx_refresh_map(workspace_id, id) FROM maps;

-- The capture journey (a map's stages, channels, touchpoints and listed expectations) gets a
-- version, raised by every change to it, so that the app can check a submission against a
-- journey it keeps in memory instead of loading it for every submission: cx_submit_interview
-- takes the version the submission was checked against and refuses with 'cx:journey_changed'
-- when the map has moved on (the app then loads the journey again and checks again). The map's
-- status is now read here too, so a map closed since the journey was loaded refuses at once.

-- AlterTable
ALTER TABLE "maps" ADD COLUMN "journey_version" INTEGER NOT NULL DEFAULT 0;

CREATE FUNCTION cx_journey_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE maps SET journey_version = journey_version + 1 WHERE id IN (SELECT map_id FROM changed_new);
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE maps SET journey_version = journey_version + 1 WHERE id IN (SELECT map_id FROM changed_old);
  ELSE
    UPDATE maps SET journey_version = journey_version + 1
    WHERE id IN (SELECT map_id FROM changed_new UNION SELECT map_id FROM changed_old);
  END IF;
  RETURN NULL;
END;
$$;

-- Expectations: only listed ones are part of the journey. The volunteered expectations a
-- submission may add leave the version alone (and the map row unlocked).
CREATE FUNCTION cx_journey_expectations_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE maps SET journey_version = journey_version + 1
    WHERE id IN (SELECT map_id FROM changed_new WHERE kind = 'LISTED');
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE maps SET journey_version = journey_version + 1
    WHERE id IN (SELECT map_id FROM changed_old WHERE kind = 'LISTED');
  ELSE
    UPDATE maps SET journey_version = journey_version + 1
    WHERE id IN (SELECT map_id FROM changed_new WHERE kind = 'LISTED' UNION SELECT map_id FROM changed_old WHERE kind = 'LISTED');
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER stages_journey_inserted AFTER INSERT ON stages
  REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION cx_journey_changed();
CREATE TRIGGER stages_journey_updated AFTER UPDATE ON stages
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION cx_journey_changed();
CREATE TRIGGER stages_journey_deleted AFTER DELETE ON stages
  REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION cx_journey_changed();

CREATE TRIGGER channels_journey_inserted AFTER INSERT ON channels
  REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION cx_journey_changed();
CREATE TRIGGER channels_journey_updated AFTER UPDATE ON channels
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION cx_journey_changed();
CREATE TRIGGER channels_journey_deleted AFTER DELETE ON channels
  REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION cx_journey_changed();

CREATE TRIGGER touchpoints_journey_inserted AFTER INSERT ON touchpoints
  REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION cx_journey_changed();
CREATE TRIGGER touchpoints_journey_updated AFTER UPDATE ON touchpoints
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION cx_journey_changed();
CREATE TRIGGER touchpoints_journey_deleted AFTER DELETE ON touchpoints
  REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION cx_journey_changed();

CREATE TRIGGER expectations_journey_inserted AFTER INSERT ON expectations
  REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION cx_journey_expectations_changed();
CREATE TRIGGER expectations_journey_updated AFTER UPDATE ON expectations
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION cx_journey_expectations_changed();
CREATE TRIGGER expectations_journey_deleted AFTER DELETE ON expectations
  REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION cx_journey_expectations_changed();

DROP FUNCTION cx_submit_interview(TEXT, TEXT, TEXT, BOOLEAN, TEXT, DATE, TEXT, TEXT, TEXT, TEXT, TEXT[], TEXT[], TEXT[], SMALLINT[], TEXT[], TEXT[], TEXT[], TEXT[], TEXT[], TEXT, JSONB);

-- Submits a checked interview in one call, so a submission costs the app one round trip.
-- The app has already checked every answer against the map's journey at p_journey_version
-- and the interviewer's right to record, and (for a new respondent) created the respondent in the same transaction. Returns
-- 'submitted', or 'already_submitted' for a retry of one that went through (nothing changes).
-- Anything else raises 'cx:<reason>' and so changes nothing: not_found (not this workspace's,
-- or another interviewer's), void, other_map, journey_changed (the map's journey is no
-- longer the one checked against, or the map is not this workspace's), map_not_active, respondent_not_found,
-- respondent_archived. Idempotent on the interview id: an existing row is locked first, a
-- missing one is inserted already submitted; of two concurrent submissions of one id, one
-- writes and the other, waiting on the first's insert, then finds it submitted. The analysis
-- summaries are refreshed once, at the end, rather than by each statement's trigger.
CREATE FUNCTION cx_submit_interview(
  p_id TEXT, p_workspace TEXT, p_map TEXT, p_journey_version INTEGER, p_user TEXT, p_day DATE, p_mode TEXT,
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
  map_row RECORD;
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
    SELECT status::text = 'ACTIVE' AS active, journey_version INTO map_row FROM maps WHERE id = p_map AND workspace_id = p_workspace;
    IF NOT FOUND OR map_row.journey_version <> p_journey_version THEN
      RAISE EXCEPTION 'cx:journey_changed';
    ELSIF NOT map_row.active THEN
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
    SELECT status::text = 'ACTIVE' AS active, journey_version INTO map_row FROM maps WHERE id = p_map AND workspace_id = p_workspace;
    IF NOT FOUND OR map_row.journey_version <> p_journey_version THEN
      RAISE EXCEPTION 'cx:journey_changed';
    ELSIF NOT map_row.active THEN
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

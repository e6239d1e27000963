-- Inserted submitted interviews are announced to the workspace's webhook once per statement
-- rather than once per row: an import of 100,000 interviews runs one INSERT ... SELECT over
-- the inserted rows instead of 100,000 trigger calls, and with no webhook it joins nothing.
-- A draft becoming submitted is still announced by the row trigger (one row at a time).

DROP TRIGGER interviews_submitted_webhook ON interviews;

-- The event's payload, for both triggers below.
CREATE FUNCTION cx_interview_submitted_payload(i interviews) RETURNS JSONB
LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object('interviewId', i.id, 'mapId', i.map_id, 'respondentId', i.respondent_id,
    'conductedOn', to_char(i.conducted_on, 'YYYY-MM-DD'), 'mode', i.mode::text);
$$;

CREATE OR REPLACE FUNCTION cx_interview_submitted_webhook() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'DRAFT' THEN
    PERFORM cx_enqueue_webhook_event(NEW.workspace_id, 'interview.submitted', cx_interview_submitted_payload(NEW));
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER interviews_submitted_webhook
AFTER UPDATE OF status ON interviews
FOR EACH ROW WHEN (NEW.status = 'SUBMITTED')
EXECUTE FUNCTION cx_interview_submitted_webhook();

CREATE FUNCTION cx_interviews_inserted_webhook() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  -- cx_enqueue_webhook_event's insert, for all the statement's rows at once.
  INSERT INTO webhook_deliveries (id, workspace_id, webhook_id, event, payload)
  SELECT gen_random_uuid()::text, w.workspace_id, w.id, 'interview.submitted', cx_interview_submitted_payload(n)
  FROM webhooks w JOIN changed_new n ON n.workspace_id = w.workspace_id
  WHERE w.disabled_at IS NULL AND n.status = 'SUBMITTED';
  RETURN NULL;
END;
$$;

CREATE TRIGGER interviews_inserted_webhook AFTER INSERT ON interviews
  REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION cx_interviews_inserted_webhook();

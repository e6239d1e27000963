-- The REST API: idempotency keys of interviews submitted through it, and webhooks out with
-- their delivery queue.

-- CreateEnum
CREATE TYPE "WebhookDeliveryStatus" AS ENUM ('PENDING', 'DELIVERED', 'FAILED');

-- An interview submitted through the API, with a hash of the body it was submitted with: the
-- same id with the same body again is the same interview, with another body a conflict.
CREATE TABLE "api_submissions" (
    "interview_id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "body_sha256" TEXT NOT NULL,
    "token_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_submissions_pkey" PRIMARY KEY ("interview_id")
);

-- One webhook per workspace; removing it sets disabled_at.
CREATE TABLE "webhooks" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "disabled_at" TIMESTAMPTZ(3),

    CONSTRAINT "webhooks_pkey" PRIMARY KEY ("id")
);

-- An event to deliver to the workspace's webhook, and what came of each attempt.
CREATE TABLE "webhook_deliveries" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "webhook_id" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "WebhookDeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_attempt_at" TIMESTAMPTZ(3),
    "last_status_code" INTEGER,
    "last_error" TEXT,
    "delivered_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "api_submissions_workspace_id_idx" ON "api_submissions"("workspace_id");
CREATE UNIQUE INDEX "webhooks_workspace_id_key" ON "webhooks"("workspace_id");
CREATE INDEX "webhook_deliveries_workspace_id_created_at_idx" ON "webhook_deliveries"("workspace_id", "created_at");
CREATE INDEX "webhook_deliveries_status_next_attempt_at_idx" ON "webhook_deliveries"("status", "next_attempt_at");
CREATE INDEX "api_tokens_created_by_id_idx" ON "api_tokens"("created_by_id");

ALTER TABLE "api_submissions" ADD CONSTRAINT "api_submissions_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "api_submissions" ADD CONSTRAINT "api_submissions_token_id_fkey" FOREIGN KEY ("token_id") REFERENCES "api_tokens"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "webhooks" ADD CONSTRAINT "webhooks_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "webhooks" ADD CONSTRAINT "webhooks_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_webhook_id_fkey" FOREIGN KEY ("webhook_id") REFERENCES "webhooks"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Queues an event for the workspace's webhook, when it has one that is not disabled; nothing
-- otherwise. Runs inside the caller's transaction, so an event exists exactly when what it
-- reports was committed. The app's enqueueWebhookEvent calls it for every kind of event.
CREATE FUNCTION cx_enqueue_webhook_event(p_workspace TEXT, p_event TEXT, p_payload JSONB) RETURNS VOID
LANGUAGE sql AS $$
  INSERT INTO webhook_deliveries (id, workspace_id, webhook_id, event, payload)
  SELECT gen_random_uuid()::text, w.workspace_id, w.id, p_event, p_payload
  FROM webhooks w WHERE w.workspace_id = p_workspace AND w.disabled_at IS NULL;
$$;

-- Every way an interview becomes submitted (the capture screen, the API, a correction of a
-- draft, an import) goes through this trigger, so the webhook hears of all of them. A restored
-- void interview was submitted before and is not announced again. The cost to a submission
-- without a webhook is one lookup by the workspace's unique key.
CREATE FUNCTION cx_interview_submitted_webhook() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = 'SUBMITTED' AND (TG_OP = 'INSERT' OR OLD.status = 'DRAFT') THEN
    PERFORM cx_enqueue_webhook_event(NEW.workspace_id, 'interview.submitted', jsonb_build_object(
      'interviewId', NEW.id, 'mapId', NEW.map_id, 'respondentId', NEW.respondent_id,
      'conductedOn', to_char(NEW.conducted_on, 'YYYY-MM-DD'), 'mode', NEW.mode::text));
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER interviews_submitted_webhook
AFTER INSERT OR UPDATE OF status ON interviews
FOR EACH ROW WHEN (NEW.status = 'SUBMITTED')
EXECUTE FUNCTION cx_interview_submitted_webhook();

-- Respondents' contact details are personal data: who created a respondent decides whether an
-- interviewer may see them, and an erasure on request is recorded (when, by whom) while the
-- pseudonymous respondent, its interviews and observations stay.
ALTER TABLE "respondents" ADD COLUMN "created_by_id" TEXT;
ALTER TABLE "respondents" ADD COLUMN "erased_at" TIMESTAMPTZ(3);
ALTER TABLE "respondents" ADD COLUMN "erased_by_id" TEXT;

ALTER TABLE "respondents" ADD CONSTRAINT "respondents_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "respondents" ADD CONSTRAINT "respondents_erased_by_id_fkey" FOREIGN KEY ("erased_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Respondents created before this column existed: their creator is the actor of their
-- "respondent.create" audit entry, when there is one (the demo data and imports have none).
UPDATE "respondents" r SET "created_by_id" = a."actor_id"
FROM "audit_log" a
WHERE a."workspace_id" = r."workspace_id" AND a."entity_type" = 'Respondent' AND a."entity_id" = r."id"
  AND a."action" = 'respondent.create' AND a."actor_id" IS NOT NULL;

-- Sessions that can end before their token expires: every session token names one of these
-- rows, and every request checks that its row is not revoked. Rows are never deleted: ending a
-- session sets revoked_at.
CREATE TABLE "sessions" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "user_agent" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "sessions_user_id_revoked_at_idx" ON "sessions"("user_id", "revoked_at");

ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The address a sign-in attempt came from, for the per-address limit.
ALTER TABLE "sign_in_attempts" ADD COLUMN "client_address" TEXT;

CREATE INDEX "sign_in_attempts_client_address_created_at_idx" ON "sign_in_attempts"("client_address", "created_at");

-- Imports of interview results from CSV files: the job of each upload (its file, mapping,
-- progress and outcome, kept as the map's import history), the mapping last used per map, and
-- on interviews, respondents and expectations the import that added them, so an undo voids
-- (or archives) exactly that.
CREATE TYPE "ImportStatus" AS ENUM ('UPLOADED', 'QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED', 'UNDONE');

CREATE TABLE "import_jobs" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "map_id" TEXT NOT NULL,
    "created_by_id" TEXT,
    "file_name" TEXT NOT NULL,
    "file_size" BIGINT NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'UPLOADED',
    "mapping" JSONB,
    "rows_done" INTEGER NOT NULL DEFAULT 0,
    "bytes_done" BIGINT NOT NULL DEFAULT 0,
    "interviews_added" INTEGER NOT NULL DEFAULT 0,
    "interviews_skipped" INTEGER NOT NULL DEFAULT 0,
    "observations_added" INTEGER NOT NULL DEFAULT 0,
    "bad_rows" INTEGER NOT NULL DEFAULT 0,
    "problems" JSONB,
    "message" TEXT,
    "cancel_requested" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "heartbeat_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "undone_at" TIMESTAMPTZ(3),
    "undone_by_id" TEXT,

    CONSTRAINT "import_jobs_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "import_jobs_workspace_id_map_id_created_at_idx" ON "import_jobs"("workspace_id", "map_id", "created_at");
CREATE INDEX "import_jobs_status_idx" ON "import_jobs"("status");

ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_map_id_fkey" FOREIGN KEY ("map_id") REFERENCES "maps"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "import_mappings" (
    "workspace_id" TEXT NOT NULL,
    "map_id" TEXT NOT NULL,
    "mapping" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "import_mappings_pkey" PRIMARY KEY ("workspace_id", "map_id")
);

ALTER TABLE "import_mappings" ADD CONSTRAINT "import_mappings_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "import_mappings" ADD CONSTRAINT "import_mappings_map_id_fkey" FOREIGN KEY ("map_id") REFERENCES "maps"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "interviews" ADD COLUMN "import_id" TEXT;
ALTER TABLE "respondents" ADD COLUMN "import_id" TEXT;
ALTER TABLE "expectations" ADD COLUMN "import_id" TEXT;
CREATE INDEX "interviews_workspace_id_import_id_idx" ON "interviews"("workspace_id", "import_id");
CREATE INDEX "respondents_workspace_id_import_id_idx" ON "respondents"("workspace_id", "import_id");
CREATE INDEX "expectations_workspace_id_import_id_idx" ON "expectations"("workspace_id", "import_id");

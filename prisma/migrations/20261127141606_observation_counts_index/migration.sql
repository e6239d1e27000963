-- DropIndex
DROP INDEX "observations_workspace_id_map_id_touchpoint_id_idx";

-- CreateIndex
CREATE INDEX "observations_workspace_id_map_id_touchpoint_id_expectation__idx" ON "observations"("workspace_id", "map_id", "touchpoint_id", "expectation_id");

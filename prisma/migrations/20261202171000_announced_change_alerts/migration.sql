-- The change alerts already announced to a workspace's webhook (event alert.fired): one row per
-- map, touchpoint, direction and last day of the latest window, so the background check
-- announces each alert once however often it runs, and on however many server processes.
CREATE TABLE "announced_alerts" (
    "map_id" TEXT NOT NULL,
    "touchpoint_id" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "window_end" DATE NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "announced_alerts_pkey" PRIMARY KEY ("map_id", "touchpoint_id", "direction", "window_end")
);

CREATE INDEX "announced_alerts_workspace_id_idx" ON "announced_alerts"("workspace_id");

ALTER TABLE "announced_alerts" ADD CONSTRAINT "announced_alerts_map_id_fkey" FOREIGN KEY ("map_id") REFERENCES "maps"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "announced_alerts" ADD CONSTRAINT "announced_alerts_touchpoint_id_fkey" FOREIGN KEY ("touchpoint_id") REFERENCES "touchpoints"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "announced_alerts" ADD CONSTRAINT "announced_alerts_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

import "server-only";
import { sql } from "@/lib/db";
import type { WorkspaceContext } from "@/lib/workspace";
import type { SetupProgress } from "@/lib/types/workspace-setup";

/**
 * How far the workspace is along the workflow (design a map, make it active, invite the team,
 * record, read the matrix), all from its data in one query: nothing is stored for the
 * checklist, so it ticks itself however a step was done, by whoever did it.
 */
export async function getSetupProgress(ctx: WorkspaceContext): Promise<SetupProgress> {
  const [row] = await sql<{
    has_map: boolean;
    active_map_id: string | null;
    has_team: boolean;
    has_interview: boolean;
    matrix_map_id: string | null;
    busiest_map_id: string | null;
  }>(
    `WITH submitted AS (
       SELECT m.id, m.status::text AS status, m.min_sample, m.name,
              (SELECT count(*) FROM interviews i
               WHERE i.workspace_id = m.workspace_id AND i.map_id = m.id AND i.status = 'SUBMITTED')::int AS n
       FROM maps m WHERE m.workspace_id = $1
     )
     SELECT
       EXISTS (SELECT 1 FROM submitted) AS has_map,
       (SELECT id FROM submitted WHERE status = 'ACTIVE' ORDER BY n DESC, name LIMIT 1) AS active_map_id,
       (EXISTS (SELECT 1 FROM memberships WHERE workspace_id = $1 AND removed_at IS NULL AND user_id <> $2)
         OR EXISTS (SELECT 1 FROM invitations WHERE workspace_id = $1)) AS has_team,
       EXISTS (SELECT 1 FROM submitted WHERE n > 0) AS has_interview,
       (SELECT id FROM submitted WHERE n > 0 AND n >= min_sample ORDER BY n DESC, name LIMIT 1) AS matrix_map_id,
       (SELECT id FROM submitted WHERE status <> 'ARCHIVED' ORDER BY n DESC, name LIMIT 1) AS busiest_map_id`,
    [ctx.workspaceId, ctx.userId],
  );
  return {
    hasMap: row?.has_map ?? false,
    activeMapId: row?.active_map_id ?? null,
    hasTeam: row?.has_team ?? false,
    hasInterview: row?.has_interview ?? false,
    matrixMapId: row?.matrix_map_id ?? null,
    busiestMapId: row?.busiest_map_id ?? null,
  };
}

import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Tx } from "@/lib/db-errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { UserError } from "@/lib/errors";
import type { WorkspaceContext } from "@/lib/workspace";
import type { LaneKind } from "@/lib/schemas/map-design";
import type { MapStatus } from "@/lib/schemas/map";
import type { MapBlueprint } from "@/lib/templates/maps";

export const MAP_NOT_FOUND = "That map was not found in this workspace.";
export const MAP_ARCHIVED =
  "This map is archived, so its design is read-only. Make it a draft or active again to change it.";

/**
 * Runs one design change in a transaction. A delete that loses the race against an
 * interview writing data on the same row fails on the foreign key: that becomes a message,
 * not a 500, and nothing is deleted.
 */
export async function designTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    // Changes to one map queue on its row lock, so allow for waiting behind a few of them.
    return await db.$transaction(work, { maxWait: 10_000, timeout: 20_000 });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003") {
      throw new UserError("Interview data was just recorded on it, so it cannot be deleted. Archive it instead.", undefined, 409);
    }
    throw error;
  }
}

/**
 * Locks the map for the rest of the transaction, after checking it belongs to the
 * workspace. Every change to a map's design takes this lock first, so concurrent edits
 * (two analysts reordering the same cell) run one after the other and each renumbers what
 * the previous one committed: positions stay dense and stable.
 *
 * FOR NO KEY UPDATE rather than FOR UPDATE: it still excludes other design changes, but not
 * the FOR KEY SHARE locks that inserting interviews and observations take on the map row,
 * so recording an interview never waits for a designer.
 */
export async function lockMap(tx: Tx, ctx: WorkspaceContext, mapId: string, { editable = true } = {}) {
  const rows = await tx.$queryRaw<{ id: string; name: string; status: MapStatus }[]>`
    SELECT id, name, status::text AS status FROM maps
    WHERE id = ${mapId} AND workspace_id = ${ctx.workspaceId}
    FOR NO KEY UPDATE`;
  const map = rows[0];
  if (!map) throw new UserError(MAP_NOT_FOUND, undefined, 404);
  if (editable && map.status === "ARCHIVED") throw new UserError(MAP_ARCHIVED, undefined, 409);
  return map;
}

/** Serialises changes that must see every map of the workspace (map names are unique in it). */
export async function lockWorkspaceMaps(tx: Tx, ctx: WorkspaceContext) {
  await tx.$queryRaw`SELECT id FROM workspaces WHERE id = ${ctx.workspaceId} FOR NO KEY UPDATE`;
}

/**
 * Writes the new order of a list: ids in their new order get positions 0..n-1. Only rows
 * whose position changes are written.
 */
export async function renumber(
  tx: Tx,
  ctx: WorkspaceContext,
  table: "stage" | "channel" | "touchpoint" | "expectation",
  ordered: { id: string; position: number }[],
) {
  for (const [position, row] of ordered.entries()) {
    if (row.position === position) continue;
    const where = { id: row.id, workspaceId: ctx.workspaceId };
    if (table === "stage") await tx.stage.updateMany({ where, data: { position } });
    else if (table === "channel") await tx.channel.updateMany({ where, data: { position } });
    else if (table === "touchpoint") await tx.touchpoint.updateMany({ where, data: { position } });
    else await tx.expectation.updateMany({ where, data: { position } });
  }
}

/** Moves one item of an ordered list to `toIndex` (clamped), returning the new order. */
export function moveInList<T extends { id: string }>(list: T[], id: string, toIndex: number): { list: T[]; from: number; to: number } {
  const from = list.findIndex((item) => item.id === id);
  if (from < 0) return { list, from, to: from };
  const rest = list.filter((item) => item.id !== id);
  const to = Math.max(0, Math.min(toIndex, rest.length));
  rest.splice(to, 0, list[from]!);
  return { list: rest, from, to };
}

/**
 * What an item sits between after a move, by name, for the audit log: "moved stage Buy before
 * Visit" reads better than positions, and stays true when the neighbours are renamed later.
 */
export function neighbourNames<T>(list: T[], index: number, nameOf: (item: T) => string): { followedBy: string | null; precededBy: string | null } {
  const next = list[index + 1];
  const previous = index > 0 ? list[index - 1] : undefined;
  return { followedBy: next === undefined ? null : nameOf(next), precededBy: previous === undefined ? null : nameOf(previous) };
}

export const ORDER = [{ position: "asc" as const }, { createdAt: "asc" as const }, { id: "asc" as const }];

/** The active lanes of a map in order (archived lanes keep their old position but are left out). */
export function activeLanes(tx: Tx, ctx: WorkspaceContext, kind: LaneKind, mapId: string) {
  const args = {
    where: { workspaceId: ctx.workspaceId, mapId, archivedAt: null },
    orderBy: ORDER,
    select: { id: true, name: true, position: true },
  };
  return kind === "stage" ? tx.stage.findMany(args) : tx.channel.findMany(args);
}

/** The active touchpoints of one (stage, channel) cell, in order. */
export function cellTouchpoints(tx: Tx, ctx: WorkspaceContext, stageId: string, channelId: string) {
  return tx.touchpoint.findMany({
    where: { workspaceId: ctx.workspaceId, stageId, channelId, archivedAt: null },
    orderBy: ORDER,
    select: { id: true, name: true, position: true },
  });
}

/** The listed (not volunteered), active expectations of a touchpoint, in order. */
export function listedExpectations(tx: Tx, ctx: WorkspaceContext, touchpointId: string) {
  return tx.expectation.findMany({
    where: { workspaceId: ctx.workspaceId, touchpointId, kind: "LISTED", archivedAt: null },
    orderBy: ORDER,
    select: { id: true, text: true, position: true },
  });
}

function clash(what: string, name: string, archived: boolean, field: string, extra = ""): never {
  const message = archived
    ? `An archived ${what} is already called "${name}". Restore it from Archived, or choose another name.`
    : `There is already a ${what} called "${name}"${extra}. Choose another name.`;
  throw new UserError(message, { [field]: [message] }, 409);
}

/**
 * Names are unique among the siblings, archived ones included (so a restore never brings
 * back a duplicate), compared without regard to case.
 */
export async function assertLaneNameFree(
  tx: Tx,
  ctx: WorkspaceContext,
  kind: LaneKind,
  mapId: string,
  name: string,
  exceptId?: string,
) {
  const args = {
    where: {
      workspaceId: ctx.workspaceId,
      mapId,
      name: { equals: name, mode: "insensitive" as const },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { archivedAt: true },
  };
  const existing = kind === "stage" ? await tx.stage.findFirst(args) : await tx.channel.findFirst(args);
  if (existing) clash(kind, name, existing.archivedAt !== null, "name", " in this map");
}

/**
 * Touchpoint names are unique within the whole map, not just their cell: the matrix, the
 * fix list and the interview screens name a touchpoint by its name alone.
 */
export async function assertTouchpointNameFree(tx: Tx, ctx: WorkspaceContext, mapId: string, name: string, exceptId?: string) {
  const existing = await tx.touchpoint.findFirst({
    where: {
      workspaceId: ctx.workspaceId,
      mapId,
      name: { equals: name, mode: "insensitive" },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { archivedAt: true, stage: { select: { name: true } }, channel: { select: { name: true } } },
  });
  if (existing) {
    clash("touchpoint", name, existing.archivedAt !== null, "name", ` in this map (${existing.stage.name}, ${existing.channel.name})`);
  }
}

/** Listed expectations are unique per touchpoint; volunteered ones are free text awaiting review. */
export async function assertExpectationTextFree(
  tx: Tx,
  ctx: WorkspaceContext,
  touchpointId: string,
  text: string,
  exceptId?: string,
) {
  const existing = await tx.expectation.findFirst({
    where: {
      workspaceId: ctx.workspaceId,
      touchpointId,
      kind: "LISTED",
      text: { equals: text, mode: "insensitive" },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { archivedAt: true },
  });
  if (existing) {
    const message = existing.archivedAt
      ? `An archived expectation of this touchpoint already says "${text}". Restore it from Archived instead.`
      : `This touchpoint already lists "${text}".`;
    throw new UserError(message, { text: [message] }, 409);
  }
}

/**
 * Why these touchpoints or expectations must be kept (archived, never deleted), or null
 * when nothing depends on them: observations from interviews (any status: void keeps its
 * data), improvement actions, answers held in a draft interview, or volunteered
 * expectations merged into one of them.
 */
export async function dataThatKeeps(
  tx: Tx,
  ctx: WorkspaceContext,
  mapId: string,
  { touchpointIds = [], expectationIds = [] }: { touchpointIds?: string[]; expectationIds?: string[] },
): Promise<string | null> {
  if (touchpointIds.length === 0 && expectationIds.length === 0) return null;
  const observations = await tx.observation.count({
    where: {
      workspaceId: ctx.workspaceId,
      mapId,
      OR: [{ touchpointId: { in: touchpointIds } }, { expectationId: { in: expectationIds } }],
    },
  });
  if (observations > 0) {
    return `it has ${observations} observation${observations === 1 ? "" : "s"} from interviews`;
  }
  if (touchpointIds.length > 0) {
    const actions = await tx.action.count({ where: { workspaceId: ctx.workspaceId, touchpointId: { in: touchpointIds } } });
    if (actions > 0) return `${actions === 1 ? "an improvement action is" : `${actions} improvement actions are`} attached to it`;
  }
  const merged = await tx.expectation.count({
    where: { workspaceId: ctx.workspaceId, mergedIntoId: { in: expectationIds }, id: { notIn: expectationIds } },
  });
  if (merged > 0) return "volunteered expectations were merged into it";
  // A draft's answers live in its JSON until it is submitted; whatever its shape, an id it
  // refers to appears in its text, and a draft must not lose what the interviewer entered.
  const ids = [...touchpointIds, ...expectationIds];
  const drafts = await tx.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM interviews i
    WHERE i.workspace_id = ${ctx.workspaceId} AND i.map_id = ${mapId} AND i.status = 'DRAFT' AND i.draft IS NOT NULL
      AND EXISTS (SELECT 1 FROM unnest(${ids}::text[]) AS ref(id) WHERE strpos(i.draft::text, ref.id) > 0)`;
  if ((drafts[0]?.n ?? 0) > 0) return "a draft interview holds answers for it";
  return null;
}

/** Ids for rows written in bulk, which need their parents' ids before they exist. */
function newId() {
  return randomUUID();
}

/** Writes a whole design (stages, channels, touchpoints, expectations) into an empty map. */
export async function writeBlueprint(tx: Tx, ctx: WorkspaceContext, mapId: string, blueprint: MapBlueprint) {
  const base = { workspaceId: ctx.workspaceId, mapId };
  const stageIds = blueprint.stages.map(() => newId());
  const channelIds = blueprint.channels.map(() => newId());
  if (stageIds.length > 0) {
    await tx.stage.createMany({ data: blueprint.stages.map((name, i) => ({ ...base, id: stageIds[i]!, name, position: i })) });
  }
  if (channelIds.length > 0) {
    await tx.channel.createMany({ data: blueprint.channels.map((name, i) => ({ ...base, id: channelIds[i]!, name, position: i })) });
  }
  const cellSize = new Map<string, number>();
  const touchpoints = blueprint.touchpoints.map(({ stage, channel, expectations, ...fields }) => {
    const cell = `${stage}:${channel}`;
    const position = cellSize.get(cell) ?? 0;
    cellSize.set(cell, position + 1);
    return { ...base, ...fields, id: newId(), stageId: stageIds[stage]!, channelId: channelIds[channel]!, position, expectations };
  });
  if (touchpoints.length > 0) {
    await tx.touchpoint.createMany({ data: touchpoints.map(({ expectations: _expectations, ...touchpoint }) => touchpoint) });
  }
  const expectations = touchpoints.flatMap((touchpoint) =>
    touchpoint.expectations.map((text, position) => ({
      ...base,
      id: newId(),
      touchpointId: touchpoint.id,
      text,
      position,
      kind: "LISTED" as const,
      createdById: ctx.userId,
    })),
  );
  if (expectations.length > 0) await tx.expectation.createMany({ data: expectations });
  return { stages: stageIds.length, channels: channelIds.length, touchpoints: touchpoints.length, expectations: expectations.length };
}

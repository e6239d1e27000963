import "server-only";
import { UserError } from "@/lib/errors";
import { recordAudit } from "@/lib/data/audit";
import type { WorkspaceContext } from "@/lib/workspace";
import {
  assertExpectationTextFree,
  dataThatKeeps,
  designTransaction,
  listedExpectations,
  lockMap,
  moveInList,
  neighbourNames,
  renumber,
} from "@/lib/data/designer-core";
import type { Tx } from "@/lib/db-errors";
import { TOUCHPOINT_NOT_IN_MAP } from "@/lib/data/designer-touchpoints";
import type {
  CreateExpectationSchema,
  ExpectationRefSchema,
  MergeExpectationSchema,
  MoveExpectationSchema,
  PromoteExpectationSchema,
  UpdateExpectationSchema,
} from "@/lib/schemas/map-design";

export const EXPECTATION_NOT_IN_MAP = "That expectation is not part of this map. Reload the page to see the map as it is now.";
const NOT_VOLUNTEERED = "That expectation is not waiting for review any more. Reload the page to see the list as it is now.";

async function findExpectation(tx: Tx, ctx: WorkspaceContext, mapId: string, expectationId: string) {
  const expectation = await tx.expectation.findFirst({
    where: { id: expectationId, workspaceId: ctx.workspaceId, mapId },
    select: {
      id: true,
      text: true,
      kind: true,
      position: true,
      archivedAt: true,
      mergedIntoId: true,
      touchpointId: true,
      touchpoint: { select: { name: true, archivedAt: true } },
    },
  });
  if (!expectation) throw new UserError(EXPECTATION_NOT_IN_MAP, undefined, 404);
  return expectation;
}

async function findVolunteered(tx: Tx, ctx: WorkspaceContext, mapId: string, expectationId: string) {
  const expectation = await findExpectation(tx, ctx, mapId, expectationId);
  if (expectation.kind !== "VOLUNTEERED" || expectation.archivedAt || expectation.mergedIntoId) {
    throw new UserError(NOT_VOLUNTEERED, undefined, 409);
  }
  return expectation;
}

export async function createExpectation(ctx: WorkspaceContext, input: CreateExpectationSchema) {
  return designTransaction(async (tx) => {
    await lockMap(tx, ctx, input.mapId);
    const touchpoint = await tx.touchpoint.findFirst({
      where: { id: input.touchpointId, workspaceId: ctx.workspaceId, mapId: input.mapId, archivedAt: null },
      select: { id: true, name: true },
    });
    if (!touchpoint) throw new UserError(TOUCHPOINT_NOT_IN_MAP, undefined, 404);
    await assertExpectationTextFree(tx, ctx, touchpoint.id, input.text);
    const position = (await listedExpectations(tx, ctx, touchpoint.id)).length;
    const expectation = await tx.expectation.create({
      data: {
        workspaceId: ctx.workspaceId,
        mapId: input.mapId,
        touchpointId: touchpoint.id,
        text: input.text,
        kind: "LISTED",
        position,
        createdById: ctx.userId,
      },
      select: { id: true },
    });
    await recordAudit(tx, ctx, {
      action: "expectation.create",
      entityType: "Expectation",
      entityId: expectation.id,
      after: { touchpoint: touchpoint.name, text: input.text, position },
    });
    return { id: expectation.id, text: input.text };
  });
}

export async function updateExpectation(ctx: WorkspaceContext, input: UpdateExpectationSchema) {
  return designTransaction(async (tx) => {
    await lockMap(tx, ctx, input.mapId);
    const expectation = await findExpectation(tx, ctx, input.mapId, input.expectationId);
    if (expectation.kind !== "LISTED") throw new UserError(EXPECTATION_NOT_IN_MAP, undefined, 404);
    if (expectation.text === input.text) return { id: expectation.id, text: expectation.text };
    await assertExpectationTextFree(tx, ctx, expectation.touchpointId, input.text, expectation.id);
    await tx.expectation.updateMany({ where: { id: expectation.id, workspaceId: ctx.workspaceId }, data: { text: input.text } });
    await recordAudit(tx, ctx, {
      action: "expectation.update",
      entityType: "Expectation",
      entityId: expectation.id,
      before: { text: expectation.text },
      after: { text: input.text },
    });
    return { id: expectation.id, text: input.text };
  });
}

export async function moveExpectation(ctx: WorkspaceContext, input: MoveExpectationSchema) {
  return designTransaction(async (tx) => {
    await lockMap(tx, ctx, input.mapId);
    const expectation = await findExpectation(tx, ctx, input.mapId, input.expectationId);
    if (expectation.kind !== "LISTED" || expectation.archivedAt) {
      throw new UserError(`"${expectation.text}" is not in the list. Reload the page to see it as it is now.`, undefined, 409);
    }
    const moved = moveInList(await listedExpectations(tx, ctx, expectation.touchpointId), expectation.id, input.toIndex);
    await renumber(tx, ctx, "expectation", moved.list);
    if (moved.from !== moved.to) {
      await recordAudit(tx, ctx, {
        action: "expectation.move",
        entityType: "Expectation",
        entityId: expectation.id,
        before: { text: expectation.text, position: moved.from },
        after: { position: moved.to, ...neighbourNames(moved.list, moved.to, (item) => item.text) },
      });
    }
    return { id: expectation.id, text: expectation.text, index: moved.to, count: moved.list.length };
  });
}

/** Also dismisses a volunteered expectation from the review list (restorable, data kept). */
export async function archiveExpectation(ctx: WorkspaceContext, input: ExpectationRefSchema) {
  return designTransaction(async (tx) => {
    await lockMap(tx, ctx, input.mapId);
    const expectation = await findExpectation(tx, ctx, input.mapId, input.expectationId);
    if (expectation.archivedAt) return { id: expectation.id, text: expectation.text };
    await tx.expectation.updateMany({
      where: { id: expectation.id, workspaceId: ctx.workspaceId },
      data: { archivedAt: new Date() },
    });
    if (expectation.kind === "LISTED") {
      await renumber(tx, ctx, "expectation", await listedExpectations(tx, ctx, expectation.touchpointId));
    }
    await recordAudit(tx, ctx, {
      action: "expectation.archive",
      entityType: "Expectation",
      entityId: expectation.id,
      before: { touchpoint: expectation.touchpoint.name, text: expectation.text, kind: expectation.kind },
    });
    return { id: expectation.id, text: expectation.text };
  });
}

export async function restoreExpectation(ctx: WorkspaceContext, input: ExpectationRefSchema) {
  return designTransaction(async (tx) => {
    await lockMap(tx, ctx, input.mapId);
    const expectation = await findExpectation(tx, ctx, input.mapId, input.expectationId);
    if (!expectation.archivedAt) return { id: expectation.id, text: expectation.text };
    if (expectation.mergedIntoId) {
      throw new UserError("This volunteered expectation was merged into another one and cannot be restored.", undefined, 409);
    }
    const position =
      expectation.kind === "LISTED" ? (await listedExpectations(tx, ctx, expectation.touchpointId)).length : expectation.position;
    await tx.expectation.updateMany({
      where: { id: expectation.id, workspaceId: ctx.workspaceId },
      data: { archivedAt: null, position },
    });
    await recordAudit(tx, ctx, {
      action: "expectation.restore",
      entityType: "Expectation",
      entityId: expectation.id,
      after: { touchpoint: expectation.touchpoint.name, text: expectation.text, kind: expectation.kind, position },
    });
    return { id: expectation.id, text: expectation.text };
  });
}

export async function deleteExpectation(ctx: WorkspaceContext, input: ExpectationRefSchema) {
  return designTransaction(async (tx) => {
    await lockMap(tx, ctx, input.mapId);
    const expectation = await findExpectation(tx, ctx, input.mapId, input.expectationId);
    const reason = await dataThatKeeps(tx, ctx, input.mapId, { expectationIds: [expectation.id] });
    if (reason) {
      throw new UserError(`"${expectation.text}" cannot be deleted: ${reason}. Archive it instead; nothing is lost.`, undefined, 409);
    }
    await tx.expectation.deleteMany({ where: { id: expectation.id, workspaceId: ctx.workspaceId } });
    if (expectation.kind === "LISTED" && !expectation.archivedAt) {
      await renumber(tx, ctx, "expectation", await listedExpectations(tx, ctx, expectation.touchpointId));
    }
    await recordAudit(tx, ctx, {
      action: "expectation.delete",
      entityType: "Expectation",
      entityId: expectation.id,
      before: { mapId: input.mapId, touchpoint: expectation.touchpoint.name, text: expectation.text, kind: expectation.kind },
    });
    return { id: expectation.id, text: expectation.text };
  });
}

/**
 * A volunteered expectation joins the listed ones, at the end. Its observations are its
 * own rows, so they come with it unchanged.
 */
export async function promoteExpectation(ctx: WorkspaceContext, input: PromoteExpectationSchema) {
  return designTransaction(async (tx) => {
    await lockMap(tx, ctx, input.mapId);
    const expectation = await findVolunteered(tx, ctx, input.mapId, input.expectationId);
    await assertExpectationTextFree(tx, ctx, expectation.touchpointId, input.text);
    const position = (await listedExpectations(tx, ctx, expectation.touchpointId)).length;
    await tx.expectation.updateMany({
      where: { id: expectation.id, workspaceId: ctx.workspaceId },
      data: { kind: "LISTED", text: input.text, position },
    });
    const observations = await tx.observation.count({ where: { workspaceId: ctx.workspaceId, expectationId: expectation.id } });
    await recordAudit(tx, ctx, {
      action: "expectation.promote",
      entityType: "Expectation",
      entityId: expectation.id,
      before: { kind: "VOLUNTEERED", text: expectation.text },
      after: { kind: "LISTED", text: input.text, position, touchpoint: expectation.touchpoint.name, observations },
    });
    return { id: expectation.id, text: input.text, observations };
  });
}

/**
 * Merges a volunteered expectation into a listed one of the same touchpoint: its
 * observations move to the listed one in this transaction, and it is kept, archived and
 * pointing at where it went. An interview that already rated the listed expectation keeps
 * that rating; its answer to the volunteered one stays with the volunteered one (one
 * observation per interview, touchpoint and expectation), so nothing is overwritten or lost.
 */
export async function mergeExpectation(ctx: WorkspaceContext, input: MergeExpectationSchema) {
  return designTransaction(async (tx) => {
    await lockMap(tx, ctx, input.mapId);
    const source = await findVolunteered(tx, ctx, input.mapId, input.expectationId);
    const target = await tx.expectation.findFirst({
      where: {
        id: input.intoId,
        workspaceId: ctx.workspaceId,
        mapId: input.mapId,
        touchpointId: source.touchpointId,
        kind: "LISTED",
        archivedAt: null,
      },
      select: { id: true, text: true },
    });
    if (!target) {
      const message = "Choose one of the listed expectations of the same touchpoint.";
      throw new UserError(message, { intoId: [message] }, 404);
    }
    // Locks the volunteered row against observations being added to it mid-merge.
    await tx.$queryRaw`SELECT id FROM expectations WHERE id = ${source.id} FOR UPDATE`;
    const moved = await tx.$executeRaw`
      UPDATE observations AS o SET expectation_id = ${target.id}
      WHERE o.workspace_id = ${ctx.workspaceId} AND o.expectation_id = ${source.id}
        AND NOT EXISTS (
          SELECT 1 FROM observations AS t
          WHERE t.interview_id = o.interview_id AND t.touchpoint_id = o.touchpoint_id AND t.expectation_id = ${target.id}
        )`;
    const kept = await tx.observation.count({ where: { workspaceId: ctx.workspaceId, expectationId: source.id } });
    await tx.expectation.updateMany({
      where: { id: source.id, workspaceId: ctx.workspaceId },
      data: { archivedAt: new Date(), mergedIntoId: target.id },
    });
    await recordAudit(tx, ctx, {
      action: "expectation.merge",
      entityType: "Expectation",
      entityId: source.id,
      before: { kind: "VOLUNTEERED", text: source.text, touchpoint: source.touchpoint.name },
      after: { mergedIntoId: target.id, mergedInto: target.text, observationsMoved: moved, observationsKept: kept },
    });
    return { id: source.id, into: target.text, moved, kept };
  });
}

"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import type { ActionArgs, ActionResult } from "@/lib/action-result";
import { workspaceAction } from "@/lib/workspace-action";
import {
  CreateExpectationSchema,
  CreateLaneSchema,
  CreateTouchpointSchema,
  ExpectationRefSchema,
  LaneRefSchema,
  MergeExpectationSchema,
  MoveExpectationSchema,
  MoveLaneSchema,
  MoveTouchpointSchema,
  PromoteExpectationSchema,
  RenameLaneSchema,
  TouchpointRefSchema,
  UpdateExpectationSchema,
  UpdateTouchpointSchema,
} from "@/lib/schemas/map-design";
import { archiveLane, createLane, deleteLane, moveLane, renameLane, restoreLane } from "@/lib/data/designer-lanes";
import {
  archiveTouchpoint,
  createTouchpoint,
  deleteTouchpoint,
  moveTouchpoint,
  restoreTouchpoint,
  updateTouchpoint,
} from "@/lib/data/designer-touchpoints";
import {
  archiveExpectation,
  createExpectation,
  deleteExpectation,
  mergeExpectation,
  moveExpectation,
  promoteExpectation,
  restoreExpectation,
  updateExpectation,
} from "@/lib/data/designer-expectations";
import type { WorkspaceContext } from "@/lib/workspace";

/**
 * Every designer action: the map.design guard, the schema and the change; on success the
 * map's pages (designer, journey, review, archived) and the maps list re-render with the
 * server's truth, which also settles any optimistic state on the client.
 */
function design<S extends z.ZodType<{ mapId: string }>, T>(
  workspaceId: string,
  schema: S,
  args: ActionArgs,
  run: (ctx: WorkspaceContext, data: z.output<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  return workspaceAction(workspaceId, args, {
    permission: "map.design",
    schema,
    run,
    revalidate: (_result, { mapId }) => {
      revalidatePath(`/w/${workspaceId}`);
      revalidatePath(`/w/${workspaceId}/maps/${mapId}`, "layout");
    },
  });
}

type LaneResult = { id: string; name: string };

export async function createLaneAction(workspaceId: string, ...args: ActionArgs): Promise<ActionResult<LaneResult>> {
  return design(workspaceId, CreateLaneSchema, args, createLane);
}

export async function renameLaneAction(workspaceId: string, ...args: ActionArgs): Promise<ActionResult<LaneResult>> {
  return design(workspaceId, RenameLaneSchema, args, renameLane);
}

export async function moveLaneAction(
  workspaceId: string,
  ...args: ActionArgs
): Promise<ActionResult<LaneResult & { index: number; count: number }>> {
  return design(workspaceId, MoveLaneSchema, args, moveLane);
}

export async function archiveLaneAction(workspaceId: string, ...args: ActionArgs): Promise<ActionResult<LaneResult & { touchpoints: number }>> {
  return design(workspaceId, LaneRefSchema, args, archiveLane);
}

export async function restoreLaneAction(workspaceId: string, ...args: ActionArgs): Promise<ActionResult<LaneResult & { touchpoints: number }>> {
  return design(workspaceId, LaneRefSchema, args, restoreLane);
}

export async function deleteLaneAction(workspaceId: string, ...args: ActionArgs): Promise<ActionResult<LaneResult & { touchpoints: number }>> {
  return design(workspaceId, LaneRefSchema, args, deleteLane);
}

type TouchpointResult = { id: string; name: string };

export async function createTouchpointAction(workspaceId: string, ...args: ActionArgs): Promise<ActionResult<TouchpointResult>> {
  return design(workspaceId, CreateTouchpointSchema, args, createTouchpoint);
}

export async function updateTouchpointAction(workspaceId: string, ...args: ActionArgs): Promise<ActionResult<TouchpointResult>> {
  return design(workspaceId, UpdateTouchpointSchema, args, updateTouchpoint);
}

export async function moveTouchpointAction(
  workspaceId: string,
  ...args: ActionArgs
): Promise<ActionResult<TouchpointResult & { stage: string; channel: string; index: number; count: number }>> {
  return design(workspaceId, MoveTouchpointSchema, args, moveTouchpoint);
}

export async function archiveTouchpointAction(workspaceId: string, ...args: ActionArgs): Promise<ActionResult<TouchpointResult>> {
  return design(workspaceId, TouchpointRefSchema, args, archiveTouchpoint);
}

export async function restoreTouchpointAction(workspaceId: string, ...args: ActionArgs): Promise<ActionResult<TouchpointResult>> {
  return design(workspaceId, TouchpointRefSchema, args, restoreTouchpoint);
}

export async function deleteTouchpointAction(workspaceId: string, ...args: ActionArgs): Promise<ActionResult<TouchpointResult>> {
  return design(workspaceId, TouchpointRefSchema, args, deleteTouchpoint);
}

type ExpectationResult = { id: string; text: string };

export async function createExpectationAction(workspaceId: string, ...args: ActionArgs): Promise<ActionResult<ExpectationResult>> {
  return design(workspaceId, CreateExpectationSchema, args, createExpectation);
}

export async function updateExpectationAction(workspaceId: string, ...args: ActionArgs): Promise<ActionResult<ExpectationResult>> {
  return design(workspaceId, UpdateExpectationSchema, args, updateExpectation);
}

export async function moveExpectationAction(
  workspaceId: string,
  ...args: ActionArgs
): Promise<ActionResult<ExpectationResult & { index: number; count: number }>> {
  return design(workspaceId, MoveExpectationSchema, args, moveExpectation);
}

export async function archiveExpectationAction(workspaceId: string, ...args: ActionArgs): Promise<ActionResult<ExpectationResult>> {
  return design(workspaceId, ExpectationRefSchema, args, archiveExpectation);
}

export async function restoreExpectationAction(workspaceId: string, ...args: ActionArgs): Promise<ActionResult<ExpectationResult>> {
  return design(workspaceId, ExpectationRefSchema, args, restoreExpectation);
}

export async function deleteExpectationAction(workspaceId: string, ...args: ActionArgs): Promise<ActionResult<ExpectationResult>> {
  return design(workspaceId, ExpectationRefSchema, args, deleteExpectation);
}

export async function promoteExpectationAction(
  workspaceId: string,
  ...args: ActionArgs
): Promise<ActionResult<ExpectationResult & { observations: number }>> {
  return design(workspaceId, PromoteExpectationSchema, args, promoteExpectation);
}

export async function mergeExpectationAction(
  workspaceId: string,
  ...args: ActionArgs
): Promise<ActionResult<{ id: string; into: string; moved: number; kept: number }>> {
  return design(workspaceId, MergeExpectationSchema, args, mergeExpectation);
}

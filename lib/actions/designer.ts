"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
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
  input: unknown,
  run: (ctx: WorkspaceContext, data: z.output<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  return workspaceAction(workspaceId, input, {
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

export async function createLaneAction(workspaceId: string, input: unknown): Promise<ActionResult<LaneResult>> {
  return design(workspaceId, CreateLaneSchema, input, createLane);
}

export async function renameLaneAction(workspaceId: string, input: unknown): Promise<ActionResult<LaneResult>> {
  return design(workspaceId, RenameLaneSchema, input, renameLane);
}

export async function moveLaneAction(
  workspaceId: string,
  input: unknown,
): Promise<ActionResult<LaneResult & { index: number; count: number }>> {
  return design(workspaceId, MoveLaneSchema, input, moveLane);
}

export async function archiveLaneAction(workspaceId: string, input: unknown): Promise<ActionResult<LaneResult & { touchpoints: number }>> {
  return design(workspaceId, LaneRefSchema, input, archiveLane);
}

export async function restoreLaneAction(workspaceId: string, input: unknown): Promise<ActionResult<LaneResult & { touchpoints: number }>> {
  return design(workspaceId, LaneRefSchema, input, restoreLane);
}

export async function deleteLaneAction(workspaceId: string, input: unknown): Promise<ActionResult<LaneResult & { touchpoints: number }>> {
  return design(workspaceId, LaneRefSchema, input, deleteLane);
}

type TouchpointResult = { id: string; name: string };

export async function createTouchpointAction(workspaceId: string, input: unknown): Promise<ActionResult<TouchpointResult>> {
  return design(workspaceId, CreateTouchpointSchema, input, createTouchpoint);
}

export async function updateTouchpointAction(workspaceId: string, input: unknown): Promise<ActionResult<TouchpointResult>> {
  return design(workspaceId, UpdateTouchpointSchema, input, updateTouchpoint);
}

export async function moveTouchpointAction(
  workspaceId: string,
  input: unknown,
): Promise<ActionResult<TouchpointResult & { stage: string; channel: string; index: number; count: number }>> {
  return design(workspaceId, MoveTouchpointSchema, input, moveTouchpoint);
}

export async function archiveTouchpointAction(workspaceId: string, input: unknown): Promise<ActionResult<TouchpointResult>> {
  return design(workspaceId, TouchpointRefSchema, input, archiveTouchpoint);
}

export async function restoreTouchpointAction(workspaceId: string, input: unknown): Promise<ActionResult<TouchpointResult>> {
  return design(workspaceId, TouchpointRefSchema, input, restoreTouchpoint);
}

export async function deleteTouchpointAction(workspaceId: string, input: unknown): Promise<ActionResult<TouchpointResult>> {
  return design(workspaceId, TouchpointRefSchema, input, deleteTouchpoint);
}

type ExpectationResult = { id: string; text: string };

export async function createExpectationAction(workspaceId: string, input: unknown): Promise<ActionResult<ExpectationResult>> {
  return design(workspaceId, CreateExpectationSchema, input, createExpectation);
}

export async function updateExpectationAction(workspaceId: string, input: unknown): Promise<ActionResult<ExpectationResult>> {
  return design(workspaceId, UpdateExpectationSchema, input, updateExpectation);
}

export async function moveExpectationAction(
  workspaceId: string,
  input: unknown,
): Promise<ActionResult<ExpectationResult & { index: number; count: number }>> {
  return design(workspaceId, MoveExpectationSchema, input, moveExpectation);
}

export async function archiveExpectationAction(workspaceId: string, input: unknown): Promise<ActionResult<ExpectationResult>> {
  return design(workspaceId, ExpectationRefSchema, input, archiveExpectation);
}

export async function restoreExpectationAction(workspaceId: string, input: unknown): Promise<ActionResult<ExpectationResult>> {
  return design(workspaceId, ExpectationRefSchema, input, restoreExpectation);
}

export async function deleteExpectationAction(workspaceId: string, input: unknown): Promise<ActionResult<ExpectationResult>> {
  return design(workspaceId, ExpectationRefSchema, input, deleteExpectation);
}

export async function promoteExpectationAction(
  workspaceId: string,
  input: unknown,
): Promise<ActionResult<ExpectationResult & { observations: number }>> {
  return design(workspaceId, PromoteExpectationSchema, input, promoteExpectation);
}

export async function mergeExpectationAction(
  workspaceId: string,
  input: unknown,
): Promise<ActionResult<{ id: string; into: string; moved: number; kept: number }>> {
  return design(workspaceId, MergeExpectationSchema, input, mergeExpectation);
}

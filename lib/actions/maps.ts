"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/errors";
import type { ActionResult } from "@/lib/action-result";
import { requireWorkspace } from "@/lib/workspace";
import {
  CreateMapSchema,
  DuplicateMapSchema,
  MapRefSchema,
  MapSettingsSchema,
  SetMapStatusSchema,
  UpdateMapDetailsSchema,
} from "@/lib/schemas/map";
import { createMap, deleteMap, duplicateMap, setMapStatus, updateMapDetails } from "@/lib/data/map-lifecycle";
import { updateMapSettings } from "@/lib/data/map-settings";

// Map-level changes re-render the maps list and every page of the map (journey, designer,
// settings), all of which show its name or status.
function revalidateMaps(workspaceId: string, mapId?: string) {
  revalidatePath(`/w/${workspaceId}`);
  if (mapId) revalidatePath(`/w/${workspaceId}/maps/${mapId}`, "layout");
}

export async function createMapAction(workspaceId: string, input: unknown): Promise<ActionResult<{ id: string; name: string }>> {
  const ctx = await requireWorkspace(workspaceId, "map.design");
  const result = await runAction(CreateMapSchema, input, (data) => createMap(ctx, data));
  if (result.ok) revalidateMaps(workspaceId);
  return result;
}

export async function updateMapDetailsAction(workspaceId: string, input: unknown): Promise<ActionResult<{ id: string; name: string }>> {
  const ctx = await requireWorkspace(workspaceId, "map.design");
  const result = await runAction(UpdateMapDetailsSchema, input, (data) => updateMapDetails(ctx, data));
  if (result.ok) revalidateMaps(workspaceId, result.data.id);
  return result;
}

export async function setMapStatusAction(
  workspaceId: string,
  input: unknown,
): Promise<ActionResult<{ id: string; name: string; status: "DRAFT" | "ACTIVE" | "ARCHIVED" }>> {
  const ctx = await requireWorkspace(workspaceId, "map.design");
  const result = await runAction(SetMapStatusSchema, input, (data) => setMapStatus(ctx, data));
  if (result.ok) revalidateMaps(workspaceId, result.data.id);
  return result;
}

export async function updateMapSettingsAction(workspaceId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  const ctx = await requireWorkspace(workspaceId, "map.design");
  const result = await runAction(MapSettingsSchema, input, (data) => updateMapSettings(ctx, data));
  if (result.ok) revalidateMaps(workspaceId, result.data.id);
  return result;
}

export async function duplicateMapAction(workspaceId: string, input: unknown): Promise<ActionResult<{ id: string; name: string }>> {
  const ctx = await requireWorkspace(workspaceId, "map.design");
  const result = await runAction(DuplicateMapSchema, input, (data) => duplicateMap(ctx, data));
  if (result.ok) revalidateMaps(workspaceId);
  return result;
}

export async function deleteMapAction(workspaceId: string, input: unknown): Promise<ActionResult<{ id: string; name: string }>> {
  const ctx = await requireWorkspace(workspaceId, "map.design");
  const result = await runAction(MapRefSchema, input, (data) => deleteMap(ctx, data));
  if (result.ok) revalidateMaps(workspaceId);
  return result;
}

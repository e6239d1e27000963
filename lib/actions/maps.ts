"use server";

import { revalidatePath } from "next/cache";
import type { ActionArgs, ActionResult } from "@/lib/action-result";
import { workspaceAction } from "@/lib/workspace-action";
import {
  CreateMapSchema,
  DuplicateMapSchema,
  MapRefSchema,
  MapSettingsSchema,
  SetMapStatusSchema,
  UpdateMapDetailsSchema,
  type MapStatus,
} from "@/lib/schemas/map";
import { createMap, deleteMap, duplicateMap, setMapStatus, updateMapDetails } from "@/lib/data/map-lifecycle";
import { updateMapSettings } from "@/lib/data/map-settings";

// Map-level changes re-render the maps list and every page of the map (journey, designer,
// settings), all of which show its name or status.
function revalidateMaps(workspaceId: string, mapId?: string) {
  revalidatePath(`/w/${workspaceId}`);
  if (mapId) revalidatePath(`/w/${workspaceId}/maps/${mapId}`, "layout");
}

export async function createMapAction(workspaceId: string, ...args: ActionArgs): Promise<ActionResult<{ id: string; name: string }>> {
  return workspaceAction(workspaceId, args, {
    permission: "map.design",
    schema: CreateMapSchema,
    run: createMap,
    revalidate: () => revalidateMaps(workspaceId),
    // The new map opens in the designer.
    redirectTo: (map) => `/w/${workspaceId}/maps/${map.id}/design`,
  });
}

export async function updateMapDetailsAction(workspaceId: string, ...args: ActionArgs): Promise<ActionResult<{ id: string; name: string }>> {
  return workspaceAction(workspaceId, args, {
    permission: "map.design",
    schema: UpdateMapDetailsSchema,
    run: updateMapDetails,
    revalidate: (map) => revalidateMaps(workspaceId, map.id),
  });
}

export async function setMapStatusAction(
  workspaceId: string,
  ...args: ActionArgs
): Promise<ActionResult<{ id: string; name: string; status: MapStatus }>> {
  return workspaceAction(workspaceId, args, {
    permission: "map.design",
    schema: SetMapStatusSchema,
    run: setMapStatus,
    revalidate: (map) => revalidateMaps(workspaceId, map.id),
  });
}

export async function updateMapSettingsAction(workspaceId: string, ...args: ActionArgs): Promise<ActionResult<{ id: string }>> {
  return workspaceAction(workspaceId, args, {
    permission: "map.design",
    schema: MapSettingsSchema,
    run: updateMapSettings,
    revalidate: (map) => revalidateMaps(workspaceId, map.id),
  });
}

export async function duplicateMapAction(workspaceId: string, ...args: ActionArgs): Promise<ActionResult<{ id: string; name: string }>> {
  return workspaceAction(workspaceId, args, {
    permission: "map.design",
    schema: DuplicateMapSchema,
    run: duplicateMap,
    revalidate: () => revalidateMaps(workspaceId),
  });
}

export async function deleteMapAction(workspaceId: string, ...args: ActionArgs): Promise<ActionResult<{ id: string; name: string }>> {
  return workspaceAction(workspaceId, args, {
    permission: "map.design",
    schema: MapRefSchema,
    run: deleteMap,
    revalidate: () => revalidateMaps(workspaceId),
  });
}

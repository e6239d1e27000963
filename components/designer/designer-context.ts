"use client";

import { createContext, useContext } from "react";
import type { Design } from "@/lib/types/designer";
import type { LaneKind } from "@/lib/schemas/map-design";

/** Something the analyst can archive or delete from the grid. */
export type DesignTarget =
  | { kind: LaneKind; id: string; name: string; hasData: boolean }
  | { kind: "touchpoint"; id: string; name: string; hasData: boolean }
  | { kind: "expectation"; id: string; name: string; hasData: boolean; touchpointId: string };

export type EditorState =
  | { mode: "create"; stageId: string; channelId: string }
  | { mode: "edit"; touchpointId: string; tab: "details" | "expectations" };

/** The design and what can be done to it. What is being dragged is apart, in drag-context. */
export type DesignerApi = {
  workspaceId: string;
  mapId: string;
  design: Design;
  /** The touchpoint or lane to highlight briefly after the server refused its move. */
  flash: string | null;
  moveTouchpoint: (touchpointId: string, stageId: string, channelId: string, toIndex: number, focus?: string[]) => void;
  moveLane: (kind: LaneKind, laneId: string, toIndex: number, focus?: string[]) => void;
  moveExpectation: (touchpointId: string, expectationId: string, toIndex: number, focus?: string[]) => void;
  archive: (target: DesignTarget) => void;
  askDelete: (target: DesignTarget) => void;
  openEditor: (state: EditorState) => void;
  openMove: (touchpointId: string) => void;
  openRename: (kind: LaneKind, laneId: string) => void;
  /** Focus the first of these `data-focus-key`s that exists and is enabled, after the next render. */
  requestFocus: (keys: string[]) => void;
};

export const DesignerContext = createContext<DesignerApi | null>(null);

export function useDesigner(): DesignerApi {
  const api = useContext(DesignerContext);
  if (!api) throw new Error("useDesigner() needs the <Designer> around it.");
  return api;
}

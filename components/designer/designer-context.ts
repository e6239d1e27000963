"use client";

import { createContext, useContext, type DragEvent } from "react";
import type { Design } from "@/lib/data/designer";
import type { LaneKind } from "@/lib/schemas/map-design";

/** Something the analyst can archive or delete from the grid. */
export type DesignTarget =
  | { kind: LaneKind; id: string; name: string; hasData: boolean }
  | { kind: "touchpoint"; id: string; name: string; hasData: boolean }
  | { kind: "expectation"; id: string; name: string; hasData: boolean; touchpointId: string };

export type EditorState =
  | { mode: "create"; stageId: string; channelId: string }
  | { mode: "edit"; touchpointId: string; tab: "details" | "expectations" };

export type DragState = { type: "touchpoint" | LaneKind | "expectation"; id: string } | null;
export type DropTarget =
  | { type: "touchpoint"; stageId: string; channelId: string; index: number }
  | { type: LaneKind; index: number }
  | { type: "expectation"; index: number }
  | null;

export type DesignerApi = {
  workspaceId: string;
  mapId: string;
  design: Design;
  /** The touchpoint or lane to highlight briefly after the server refused its move. */
  flash: string | null;
  /** What is being dragged, for drawing; `dragged()` is the same, current even mid-event. */
  drag: DragState;
  dragged: () => DragState;
  setDrag: (drag: DragState) => void;
  dropTarget: DropTarget;
  setDropTarget: (target: DropTarget) => void;
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

/** Where a dragged item would land: how many of the other items' midpoints lie before the pointer. */
export function dropIndex(container: HTMLElement, selector: string, draggedId: string, pointer: number, axis: "x" | "y") {
  const items = Array.from(container.querySelectorAll<HTMLElement>(selector)).filter(
    (element) => element.dataset.id !== draggedId,
  );
  return items.filter((element) => {
    const box = element.getBoundingClientRect();
    const middle = axis === "y" ? box.top + box.height / 2 : box.left + box.width / 2;
    return middle < pointer;
  }).length;
}

/**
 * Whether the insertion mark goes before the item at `index` of a list (the dragged item
 * included), given a drop index counted without the dragged item.
 */
export function markBefore(index: number, draggedIndex: number, drop: number | undefined) {
  if (drop === undefined || index === draggedIndex) return false;
  const amongOthers = draggedIndex >= 0 && draggedIndex < index ? index - 1 : index;
  return amongOthers === drop;
}

/** Whether the mark goes after the last item (a drop at the very end). */
export function markAfterLast(index: number, count: number, draggedIndex: number, drop: number | undefined) {
  if (drop === undefined) return false;
  const others = draggedIndex >= 0 ? count - 1 : count;
  const lastOther = draggedIndex === count - 1 ? count - 2 : count - 1;
  return index === lastOther && drop === others;
}

/** What makes an element a drag source of the designer: it starts and ends a drag of one item. */
export function dragSource(designer: DesignerApi, item: NonNullable<DragState>, label: string) {
  return {
    onDragStart: (event: DragEvent<HTMLElement>) => {
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", label);
      designer.setDrag(item);
    },
    onDragEnd: () => {
      designer.setDrag(null);
      designer.setDropTarget(null);
    },
  };
}

// The designer's optimistic moves: the same reordering the server does, applied to the
// page's copy of the design so a drag or a key press shows at once. The server's answer
// replaces it either way: confirmed, or rolled back.
import type { Design, DesignLane, DesignTouchpoint } from "@/lib/types/designer";
import type { LaneKind } from "@/lib/schemas/map-design";

export type OptimisticMove =
  | { type: "touchpoint"; id: string; stageId: string; channelId: string; toIndex: number }
  | { type: "lane"; kind: LaneKind; id: string; toIndex: number }
  | { type: "expectation"; touchpointId: string; id: string; toIndex: number };

function moveWithin<T extends { id: string }>(list: T[], id: string, toIndex: number): T[] {
  const item = list.find((entry) => entry.id === id);
  if (!item) return list;
  const rest = list.filter((entry) => entry.id !== id);
  rest.splice(Math.max(0, Math.min(toIndex, rest.length)), 0, item);
  return rest;
}

function numbered<T extends { position: number }>(list: T[]): T[] {
  return list.map((item, position) => (item.position === position ? item : { ...item, position }));
}

export function byPosition<T extends { position: number }>(list: T[]): T[] {
  return [...list].sort((a, b) => a.position - b.position);
}

/** The touchpoints of one cell, in order. */
export function cellOf(design: Design, stageId: string, channelId: string): DesignTouchpoint[] {
  return byPosition(design.touchpoints.filter((touchpoint) => touchpoint.stageId === stageId && touchpoint.channelId === channelId));
}

export function lanesOf(design: Design, kind: LaneKind): DesignLane[] {
  return byPosition(kind === "stage" ? design.stages : design.channels);
}

export function applyMove(design: Design, move: OptimisticMove): Design {
  if (move.type === "lane") {
    const lanes = numbered(moveWithin(lanesOf(design, move.kind), move.id, move.toIndex));
    return move.kind === "stage" ? { ...design, stages: lanes } : { ...design, channels: lanes };
  }
  if (move.type === "expectation") {
    return {
      ...design,
      touchpoints: design.touchpoints.map((touchpoint) =>
        touchpoint.id === move.touchpointId
          ? { ...touchpoint, expectations: numbered(moveWithin(byPosition(touchpoint.expectations), move.id, move.toIndex)) }
          : touchpoint,
      ),
    };
  }
  const moving = design.touchpoints.find((touchpoint) => touchpoint.id === move.id);
  if (!moving) return design;
  const source = cellOf(design, moving.stageId, moving.channelId).filter((touchpoint) => touchpoint.id !== move.id);
  const target =
    moving.stageId === move.stageId && moving.channelId === move.channelId
      ? source
      : cellOf(design, move.stageId, move.channelId);
  const placed = [...target];
  placed.splice(Math.max(0, Math.min(move.toIndex, placed.length)), 0, {
    ...moving,
    stageId: move.stageId,
    channelId: move.channelId,
  });
  const changed = new Map<string, DesignTouchpoint>();
  for (const touchpoint of numbered(placed)) changed.set(touchpoint.id, touchpoint);
  if (target !== source) for (const touchpoint of numbered(source)) changed.set(touchpoint.id, touchpoint);
  return { ...design, touchpoints: design.touchpoints.map((touchpoint) => changed.get(touchpoint.id) ?? touchpoint) };
}

"use client";

import { createContext, useContext, useMemo, useRef, useState, type DragEvent, type ReactNode } from "react";
import type { LaneKind } from "@/lib/schemas/map-design";

export type DragState = { type: "touchpoint" | LaneKind | "expectation"; id: string } | null;
export type DropTarget =
  | { type: "touchpoint"; stageId: string; channelId: string; index: number }
  | { type: LaneKind; index: number }
  | { type: "expectation"; index: number }
  | null;

/** Starting, following and ending a drag: the same functions for the whole life of the designer. */
export type DragControls = {
  /** What is being dragged, current even in the middle of an event, before React has drawn it. */
  dragged: () => DragState;
  setDrag: (drag: DragState) => void;
  setDropTarget: (target: DropTarget) => void;
};

/** What a drag looks like now, for drawing: the dragged item dimmed, the insertion mark. */
export type DragView = { drag: DragState; dropTarget: DropTarget };

const DragControlsContext = createContext<DragControls | null>(null);
const DragViewContext = createContext<DragView | null>(null);

function sameDropTarget(a: DropTarget, b: DropTarget) {
  if (a === null || b === null) return a === b;
  if (a.type !== b.type || a.index !== b.index) return false;
  return a.type !== "touchpoint" || (b.type === "touchpoint" && a.stageId === b.stageId && a.channelId === b.channelId);
}

/**
 * The drag state of the designer, apart from the design and its actions: dragover fires many
 * times a second, and only what draws the drag should render again, not every card and
 * dialog. The state lives here, above the designer, so that a change re-renders the consumers
 * of the view and nothing else; and a dragover that lands on the same place changes nothing.
 */
export function DesignerDragProvider({ children }: { children: ReactNode }) {
  const [drag, setDragState] = useState<DragState>(null);
  const [dropTarget, setDropTargetState] = useState<DropTarget>(null);
  // A drop can arrive before React has drawn the state its dragstart set: handlers read this.
  const dragRef = useRef<DragState>(null);
  const controls = useMemo<DragControls>(
    () => ({
      dragged: () => dragRef.current,
      setDrag(next) {
        dragRef.current = next;
        setDragState(next);
      },
      setDropTarget(next) {
        setDropTargetState((current) => (sameDropTarget(current, next) ? current : next));
      },
    }),
    [],
  );
  const view = useMemo<DragView>(() => ({ drag, dropTarget }), [drag, dropTarget]);
  return (
    <DragControlsContext.Provider value={controls}>
      <DragViewContext.Provider value={view}>{children}</DragViewContext.Provider>
    </DragControlsContext.Provider>
  );
}

export function useDragControls(): DragControls {
  const controls = useContext(DragControlsContext);
  if (!controls) throw new Error("useDragControls() needs the <Designer> around it.");
  return controls;
}

export function useDragView(): DragView {
  const view = useContext(DragViewContext);
  if (!view) throw new Error("useDragView() needs the <Designer> around it.");
  return view;
}

/** What makes an element a drag source of the designer: it starts and ends a drag of one item. */
export function dragSource(controls: DragControls, item: NonNullable<DragState>, label: string) {
  return {
    onDragStart: (event: DragEvent<HTMLElement>) => {
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", label);
      controls.setDrag(item);
    },
    onDragEnd: () => {
      controls.setDrag(null);
      controls.setDropTarget(null);
    },
  };
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

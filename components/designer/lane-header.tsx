"use client";

import type { DragEvent } from "react";
import type { DesignLane } from "@/lib/types/designer";
import { LANE_LABELS, type LaneKind } from "@/lib/schemas/map-design";
import { cn } from "@/components/ui/cn";
import { ActionMenu } from "./action-menu";
import { useDesigner } from "./designer-context";
import { lanesOf } from "./design-state";
import { dragSource, dropIndex, markAfterLast, markBefore, useDragControls, useDragView } from "./drag-context";
import { GripIcon } from "./icons";
import { MoveButtons } from "./move-buttons";

/**
 * A stage's column header or a channel's row header: its name, buttons to move it (left /
 * right for stages, up / down for channels) and a menu to rename, archive or delete it.
 * A mouse can also drag the header itself.
 */
export function LaneHeader({ kind, lane, index, count }: { kind: LaneKind; lane: DesignLane; index: number; count: number }) {
  const designer = useDesigner();
  const controls = useDragControls();
  const { drag, dropTarget } = useDragView();
  const label = LANE_LABELS[kind];
  const key = (control: string) => `${kind}:${lane.id}:${control}`;
  const target = { kind, id: lane.id, name: lane.name, hasData: lane.hasData };
  const dragging = drag?.type === kind && drag.id === lane.id;
  const dropping = drag?.type === kind && dropTarget?.type === kind;

  function indexAt(event: DragEvent<HTMLTableCellElement>, id: string) {
    const table = event.currentTarget.closest("table");
    if (!table) return 0;
    return kind === "stage"
      ? dropIndex(table, '[data-lane="stage"]', id, event.clientX, "x")
      : dropIndex(table, '[data-lane="channel"]', id, event.clientY, "y");
  }

  function onDragOver(event: DragEvent<HTMLTableCellElement>) {
    const current = controls.dragged();
    if (current?.type !== kind) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    controls.setDropTarget({ type: kind, index: indexAt(event, current.id) });
  }

  function onDrop(event: DragEvent<HTMLTableCellElement>) {
    const current = controls.dragged();
    if (current?.type !== kind) return;
    event.preventDefault();
    designer.moveLane(kind, current.id, indexAt(event, current.id));
    controls.setDrag(null);
    controls.setDropTarget(null);
  }

  const draggedIndex = dropping ? lanesOf(designer.design, kind).findIndex((item) => item.id === drag?.id) : -1;
  const drop = dropping && dropTarget?.type === kind ? dropTarget.index : undefined;
  const before = markBefore(index, draggedIndex, drop);
  const after = markAfterLast(index, count, draggedIndex, drop);

  return (
    <th
      scope={kind === "stage" ? "col" : "row"}
      data-lane={kind}
      data-id={lane.id}
      data-testid={`designer-${kind}`}
      draggable
      {...dragSource(controls, { type: kind, id: lane.id }, lane.name)}
      onDragOver={onDragOver}
      onDrop={onDrop}
      className={cn(
        "border-border bg-surface-muted p-2 text-left align-top font-semibold",
        kind === "stage" ? "min-w-60 border-b border-l" : "w-44 min-w-44 border-b",
        dragging && "opacity-50",
        before && (kind === "stage" ? "shadow-[inset_3px_0_0_var(--color-brand)]" : "shadow-[inset_0_3px_0_var(--color-brand)]"),
        after && (kind === "stage" ? "shadow-[inset_-3px_0_0_var(--color-brand)]" : "shadow-[inset_0_-3px_0_var(--color-brand)]"),
        designer.flash === lane.id && "ring-2 ring-danger ring-inset",
      )}
    >
      <div className="flex items-start gap-1">
        <span className="mt-1.5 cursor-grab text-fg-muted" title="Drag to move" aria-hidden="true">
          <GripIcon />
        </span>
        <span className="min-w-0 flex-1 py-1 break-words">{lane.name}</span>
        <ActionMenu
          label={`Actions for ${label.one} ${lane.name}`}
          items={[
            { label: "Rename…", onSelect: () => designer.openRename(kind, lane.id) },
            { label: "Archive", onSelect: () => designer.archive(target) },
            { label: "Delete…", tone: "danger", hidden: lane.hasData, onSelect: () => designer.askDelete(target) },
          ]}
        />
      </div>
      <div className="flex items-center gap-0.5 pl-4 font-normal">
        <MoveButtons
          name={`${label.one} ${lane.name}`}
          index={index}
          count={count}
          axis={kind === "stage" ? "horizontal" : "vertical"}
          focusKey={key("order")}
          onMove={(toIndex, focus) => designer.moveLane(kind, lane.id, toIndex, focus)}
        />
      </div>
    </th>
  );
}

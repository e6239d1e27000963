"use client";

import type { DragEvent, ReactNode } from "react";
import type { DesignLane } from "@/lib/types/designer";
import { cn } from "@/components/ui/cn";
import { useDesigner } from "./designer-context";
import { cellOf, lanesOf } from "./design-state";
import { dropIndex, markAfterLast, markBefore, useDragControls, useDragView } from "./drag-context";
import { PlusIcon } from "./icons";
import { LaneHeader } from "./lane-header";
import { TouchpointCard } from "./touchpoint-card";

/** The journey as a table: stages as columns, channels as rows, touchpoints in the cells. */
export function DesignerGrid() {
  const designer = useDesigner();
  const stages = lanesOf(designer.design, "stage");
  const channels = lanesOf(designer.design, "channel");

  if (stages.length === 0 || channels.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-border-strong bg-surface p-6 text-sm">
        <h2 className="text-lg font-semibold">Lay out the journey</h2>
        <ol className="mt-2 list-decimal space-y-1 pl-5 text-fg-muted">
          <li className={cn(stages.length > 0 && "line-through")}>
            Add the <strong className="text-fg">stages</strong> a customer goes through, in order, e.g. Discover, Visit, Buy, Get help.
            They become the columns.
          </li>
          <li className={cn(channels.length > 0 && "line-through")}>
            Add the <strong className="text-fg">channels</strong> where they meet you, e.g. Store, Web, Phone. They become the rows.
          </li>
          <li>Then add touchpoints in the cells, and what customers expect at each.</li>
        </ol>
        {(stages.length > 0 || channels.length > 0) && (
          <p className="mt-3">
            So far: {stages.length > 0 ? `stages ${stages.map((stage) => stage.name).join(", ")}` : "no stages"};{" "}
            {channels.length > 0 ? `channels ${channels.map((channel) => channel.name).join(", ")}` : "no channels"}.
          </p>
        )}
      </div>
    );
  }

  return (
    <div
      className="overflow-x-auto rounded-lg border border-border bg-surface"
      role="region"
      aria-label="Journey grid, scrolls sideways"
      tabIndex={0}
    >
      <table className="w-full border-collapse text-sm" data-testid="designer-grid">
        <caption className="sr-only">
          Design of {designer.design.map.name}: stages as columns, channels as rows, touchpoints in the cells
        </caption>
        <thead>
          <tr>
            <td className="w-44 border-b border-border bg-surface-muted p-2 text-xs font-medium text-fg-muted">
              Channel / Stage
            </td>
            {stages.map((stage, index) => (
              <LaneHeader key={stage.id} kind="stage" lane={stage} index={index} count={stages.length} />
            ))}
          </tr>
        </thead>
        <tbody>
          {channels.map((channel, index) => (
            <tr key={channel.id}>
              <LaneHeader kind="channel" lane={channel} index={index} count={channels.length} />
              {stages.map((stage) => (
                <Cell key={stage.id} stage={stage} channel={channel} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Cell({ stage, channel }: { stage: DesignLane; channel: DesignLane }) {
  const designer = useDesigner();
  const controls = useDragControls();
  const { drag, dropTarget: target } = useDragView();
  const touchpoints = cellOf(designer.design, stage.id, channel.id);
  const where = `${stage.name}, ${channel.name}`;
  const dragging = drag?.type === "touchpoint" ? drag.id : null;
  const here = target?.type === "touchpoint" && target.stageId === stage.id && target.channelId === channel.id;
  const draggedIndex = dragging ? touchpoints.findIndex((item) => item.id === dragging) : -1;
  const drop = here ? target.index : undefined;

  function indexAt(event: DragEvent<HTMLTableCellElement>, id: string) {
    return dropIndex(event.currentTarget, '[data-card="touchpoint"]', id, event.clientY, "y");
  }

  function onDragOver(event: DragEvent<HTMLTableCellElement>) {
    const current = controls.dragged();
    if (current?.type !== "touchpoint") return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    controls.setDropTarget({ type: "touchpoint", stageId: stage.id, channelId: channel.id, index: indexAt(event, current.id) });
  }

  function onDrop(event: DragEvent<HTMLTableCellElement>) {
    const current = controls.dragged();
    if (current?.type !== "touchpoint") return;
    event.preventDefault();
    designer.moveTouchpoint(current.id, stage.id, channel.id, indexAt(event, current.id), [`touchpoint:${current.id}:edit`]);
    controls.setDrag(null);
    controls.setDropTarget(null);
  }

  return (
    <td
      onDragOver={onDragOver}
      onDrop={onDrop}
      data-testid="designer-cell"
      data-stage={stage.name}
      data-channel={channel.name}
      className={cn(
        "border-b border-l border-border p-2 align-top",
        here && "bg-brand-subtle outline-2 -outline-offset-2 outline-brand outline-dashed",
      )}
    >
      <ul className="flex flex-col gap-2" aria-label={`Touchpoints in ${where}`}>
        {touchpoints.map((touchpoint, index) => (
          <DropMark
            key={touchpoint.id}
            before={markBefore(index, draggedIndex, drop)}
            after={markAfterLast(index, touchpoints.length, draggedIndex, drop)}
          >
            <TouchpointCard
              touchpoint={touchpoint}
              index={index}
              count={touchpoints.length}
              where={where}
              dragging={touchpoint.id === dragging}
            />
          </DropMark>
        ))}
      </ul>
      <button
        type="button"
        onClick={() => designer.openEditor({ mode: "create", stageId: stage.id, channelId: channel.id })}
        className="mt-2 inline-flex w-full items-center justify-center gap-1 rounded-md border border-dashed border-border-strong px-2 py-1.5 text-sm text-fg-muted hover:border-brand hover:bg-brand-subtle hover:text-brand-strong"
        aria-label={`Add a touchpoint in ${where}`}
      >
        <PlusIcon /> Add
      </button>
    </td>
  );
}

/** Draws the insertion line where a dragged card would land. */
function DropMark({ before, after, children }: { before: boolean; after: boolean; children: ReactNode }) {
  return (
    <>
      {before && <li aria-hidden="true" className="-my-1 h-1 rounded-full bg-brand" />}
      {children}
      {after && <li aria-hidden="true" className="-my-1 h-1 rounded-full bg-brand" />}
    </>
  );
}

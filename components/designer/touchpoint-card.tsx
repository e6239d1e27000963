"use client";

import { memo } from "react";
import type { DesignTouchpoint } from "@/lib/types/designer";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { ActionMenu } from "./action-menu";
import { useDesigner } from "./designer-context";
import { dragSource, useDragControls } from "./drag-context";
import { GripIcon, MoveIcon } from "./icons";
import { iconButtonClass, MoveButtons } from "./move-buttons";
import { plural } from "@/lib/plural";

/**
 * One touchpoint in the designer grid. A mouse drags the card; the keyboard uses the
 * up / down buttons and "Move to…", which do the same thing. Memoised, with whether it is
 * being dragged passed in: its cell redraws on every move of the insertion mark, the card
 * only when it changes.
 */
export const TouchpointCard = memo(function TouchpointCard({
  touchpoint,
  index,
  count,
  where,
  dragging,
}: {
  touchpoint: DesignTouchpoint;
  index: number;
  count: number;
  /** "Visit, Store", for labels that must make sense out of context. */
  where: string;
  dragging: boolean;
}) {
  const designer = useDesigner();
  const controls = useDragControls();
  const key = (control: string) => `touchpoint:${touchpoint.id}:${control}`;
  const target = {
    kind: "touchpoint" as const,
    id: touchpoint.id,
    name: touchpoint.name,
    hasData: touchpoint.hasData,
  };
  const expectations = touchpoint.expectations.length;

  return (
    <li
      data-id={touchpoint.id}
      data-card="touchpoint"
      data-testid="designer-touchpoint"
      draggable
      {...dragSource(controls, { type: "touchpoint", id: touchpoint.id }, touchpoint.name)}
      className={cn(
        "group rounded-md border bg-surface p-2 shadow-xs transition-shadow",
        touchpoint.momentOfTruth ? "border-moment-of-truth" : "border-border-strong",
        dragging && "opacity-50",
        designer.flash === touchpoint.id && "ring-2 ring-danger ring-offset-1",
      )}
    >
      <div className="flex items-start gap-1">
        <span className="mt-1.5 cursor-grab text-fg-muted" title="Drag to move" aria-hidden="true">
          <GripIcon />
        </span>
        <button
          type="button"
          data-focus-key={key("edit")}
          onClick={() => designer.openEditor({ mode: "edit", touchpointId: touchpoint.id, tab: "details" })}
          aria-label={`Edit ${touchpoint.name}`}
          className="min-w-0 flex-1 rounded px-1 py-1 text-left text-sm font-medium break-words hover:underline"
        >
          {touchpoint.name}
        </button>
        <ActionMenu
          label={`Actions for ${touchpoint.name}`}
          items={[
            { label: "Edit details", onSelect: () => designer.openEditor({ mode: "edit", touchpointId: touchpoint.id, tab: "details" }) },
            {
              label: "Edit expectations",
              onSelect: () => designer.openEditor({ mode: "edit", touchpointId: touchpoint.id, tab: "expectations" }),
            },
            { label: "Move to…", onSelect: () => designer.openMove(touchpoint.id) },
            { label: "Archive", onSelect: () => designer.archive(target) },
            { label: "Delete…", tone: "danger", hidden: touchpoint.hasData, onSelect: () => designer.askDelete(target) },
          ]}
        />
      </div>
      <div className="mt-1 flex flex-wrap items-center gap-1.5 pl-5 text-xs text-fg-muted">
        <span>
          {expectations} expectation{expectations === 1 ? "" : "s"}
        </span>
        {touchpoint.ownerTeam && <span>· {touchpoint.ownerTeam}</span>}
        {touchpoint.observations > 0 && <span>· {plural(touchpoint.observations, "observation")}</span>}
        {touchpoint.momentOfTruth && <Badge tone="moment-of-truth">Moment of truth</Badge>}
      </div>
      <div className="mt-1 flex items-center gap-0.5 pl-4">
        <MoveButtons
          name={touchpoint.name}
          index={index}
          count={count}
          focusKey={key("order")}
          onMove={(toIndex, focus) => designer.moveTouchpoint(touchpoint.id, touchpoint.stageId, touchpoint.channelId, toIndex, focus)}
        />
        <button
          type="button"
          data-focus-key={key("move")}
          className={iconButtonClass}
          aria-label={`Move ${touchpoint.name} to another stage or channel (now in ${where})`}
          title="Move to…"
          onClick={() => designer.openMove(touchpoint.id)}
        >
          <MoveIcon />
        </button>
      </div>
    </li>
  );
});

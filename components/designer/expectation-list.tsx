"use client";

import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from "react";
import type { DesignExpectation, DesignTouchpoint } from "@/lib/types/designer";
import { createExpectationAction, updateExpectationAction } from "@/lib/actions/designer";
import { CreateExpectationSchema, UpdateExpectationSchema } from "@/lib/schemas/map-design";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { cn } from "@/components/ui/cn";
import { bindWorkspace, useActionForm } from "@/components/ui/use-action-form";
import { useAnnounce } from "./announcer";
import { useDesigner } from "./designer-context";
import { dragSource, dropIndex, markAfterLast, markBefore, useDragControls, useDragView } from "./drag-context";
import { byPosition } from "./design-state";
import { GripIcon } from "./icons";
import { MoveButtons } from "./move-buttons";
import { plural } from "@/lib/plural";

/** The ordered list of what customers expect at a touchpoint: add, edit, reorder, archive. */
export function ExpectationList({ touchpoint, focusNew }: { touchpoint: DesignTouchpoint; focusNew: boolean }) {
  const designer = useDesigner();
  const controls = useDragControls();
  const { drag, dropTarget } = useDragView();
  const announce = useAnnounce();
  const newRef = useRef<HTMLInputElement>(null);
  // One expectation after another: the field empties and keeps the focus.
  const form = useActionForm(bindWorkspace(createExpectationAction, designer.workspaceId), {
    schema: CreateExpectationSchema,
    resetOnSuccess: true,
    onSuccess: (data) => {
      announce(`Added "${data.text}" to ${touchpoint.name}.`);
      newRef.current?.focus();
    },
  });
  const expectations = byPosition(touchpoint.expectations);
  const dragging = drag?.type === "expectation" ? drag.id : null;
  const draggedIndex = dragging ? expectations.findIndex((item) => item.id === dragging) : -1;
  const drop = dragging && dropTarget?.type === "expectation" ? dropTarget.index : undefined;

  useEffect(() => {
    if (focusNew) newRef.current?.focus();
    // Only when the list first appears: later re-renders must not steal the focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function onDragOver(event: DragEvent<HTMLOListElement>) {
    const current = controls.dragged();
    if (current?.type !== "expectation") return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    controls.setDropTarget({
      type: "expectation",
      index: dropIndex(event.currentTarget, "[data-expectation]", current.id, event.clientY, "y"),
    });
  }

  function onDrop(event: DragEvent<HTMLOListElement>) {
    const current = controls.dragged();
    if (current?.type !== "expectation") return;
    event.preventDefault();
    designer.moveExpectation(
      touchpoint.id,
      current.id,
      dropIndex(event.currentTarget, "[data-expectation]", current.id, event.clientY, "y"),
    );
    controls.setDrag(null);
    controls.setDropTarget(null);
  }

  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-fg-muted">
        What a customer may expect here, one thing per line, in the order the interviewer asks about them. Interviewers
        record whether each was missed, met or exceeded.
      </p>
      {expectations.length === 0 ? (
        <p className="rounded-md border border-dashed border-border-strong p-4 text-sm text-fg-muted">
          No expectations yet. Add the first below, e.g. “The door opens easily”.
        </p>
      ) : (
        <ol
          aria-label={`Expectations at ${touchpoint.name}`}
          className="flex flex-col gap-1"
          onDragOver={onDragOver}
          onDrop={onDrop}
          onDragLeave={(event) => {
            if (!event.currentTarget.contains(event.relatedTarget as Node | null)) controls.setDropTarget(null);
          }}
        >
          {expectations.map((expectation, index) => (
            <ExpectationRow
              key={expectation.id}
              touchpoint={touchpoint}
              expectation={expectation}
              index={index}
              count={expectations.length}
              dragging={expectation.id === dragging}
              markBefore={markBefore(index, draggedIndex, drop)}
              markAfter={markAfterLast(index, expectations.length, draggedIndex, drop)}
            />
          ))}
        </ol>
      )}
      <form {...form.props} className="flex flex-col gap-2 border-t border-border pt-4 sm:flex-row sm:items-start">
        <input type="hidden" name="mapId" value={designer.mapId} />
        <input type="hidden" name="touchpointId" value={touchpoint.id} />
        <Field label="New expectation" error={form.error("text") ?? form.formError} className="flex-1">
          {(control) => (
            <Input {...control} ref={newRef} name="text" placeholder="e.g. Someone greets me at the door" autoComplete="off" />
          )}
        </Field>
        <Button type="submit" loading={form.pending} className="sm:mt-6.5">
          Add expectation
        </Button>
      </form>
    </div>
  );
}

function ExpectationRow({
  touchpoint,
  expectation,
  index,
  count,
  dragging,
  markBefore,
  markAfter,
}: {
  touchpoint: DesignTouchpoint;
  expectation: DesignExpectation;
  index: number;
  count: number;
  dragging: boolean;
  markBefore: boolean;
  markAfter: boolean;
}) {
  const designer = useDesigner();
  const controls = useDragControls();
  const [editing, setEditing] = useState(false);
  const key = (control: string) => `expectation:${expectation.id}:${control}`;
  const hasData = expectation.observations > 0;
  const target = { kind: "expectation" as const, id: expectation.id, name: expectation.text, hasData, touchpointId: touchpoint.id };

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // Escape leaves the edit, not the whole dialog around it.
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      setEditing(false);
      designer.requestFocus([key("edit")]);
    }
  }

  return (
    <li
      data-expectation
      data-id={expectation.id}
      data-testid="designer-expectation"
      draggable={!editing}
      {...dragSource(controls, { type: "expectation", id: expectation.id }, expectation.text)}
      className={cn(
        "flex items-start gap-2 rounded-md border border-border bg-surface p-2",
        dragging && "opacity-50",
        markBefore && "shadow-[0_-3px_0_var(--color-brand)]",
        markAfter && "shadow-[0_3px_0_var(--color-brand)]",
        designer.flash === expectation.id && "ring-2 ring-danger",
      )}
    >
      <span className="mt-2 cursor-grab text-fg-muted" aria-hidden="true" title="Drag to reorder">
        <GripIcon />
      </span>
      <span className="mt-1.5 w-6 shrink-0 text-right text-sm text-fg-muted tabular-nums" aria-hidden="true">
        {index + 1}.
      </span>
      {editing ? (
        <EditExpectationForm
          expectation={expectation}
          index={index}
          onKeyDown={onKeyDown}
          onDone={() => {
            setEditing(false);
            designer.requestFocus([key("edit")]);
          }}
        />
      ) : (
        <>
          <div className="min-w-0 flex-1 py-1.5 text-sm">
            <span className="break-words">{expectation.text}</span>
            {hasData && <span className="ml-2 text-xs text-fg-muted">{plural(expectation.observations, "observation")}</span>}
          </div>
          <div className="flex shrink-0 flex-wrap items-center gap-0.5">
            <MoveButtons
              name={`"${expectation.text}"`}
              index={index}
              count={count}
              focusKey={key("order")}
              onMove={(toIndex, focus) => designer.moveExpectation(touchpoint.id, expectation.id, toIndex, focus)}
            />
            <Button size="sm" variant="ghost" data-focus-key={key("edit")} onClick={() => setEditing(true)}>
              Edit<span className="sr-only"> &ldquo;{expectation.text}&rdquo;</span>
            </Button>
            <Button size="sm" variant="ghost" onClick={() => designer.archive(target)}>
              Archive<span className="sr-only"> &ldquo;{expectation.text}&rdquo;</span>
            </Button>
            {!hasData && (
              <Button size="sm" variant="ghost" className="text-danger" onClick={() => designer.askDelete(target)}>
                Delete<span className="sr-only"> &ldquo;{expectation.text}&rdquo;</span>
              </Button>
            )}
          </div>
        </>
      )}
    </li>
  );
}

/** Rewording an expectation in its row; the row's edit form mounts afresh each time. */
function EditExpectationForm({
  expectation,
  index,
  onKeyDown,
  onDone,
}: {
  expectation: DesignExpectation;
  index: number;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  onDone: () => void;
}) {
  const designer = useDesigner();
  const announce = useAnnounce();
  const form = useActionForm(bindWorkspace(updateExpectationAction, designer.workspaceId), {
    schema: UpdateExpectationSchema,
    onSuccess: (data) => {
      announce(`Saved "${data.text}".`);
      onDone();
    },
  });

  return (
    <form {...form.props} className="flex flex-1 flex-col gap-2 sm:flex-row sm:items-start">
      <input type="hidden" name="mapId" value={designer.mapId} />
      <input type="hidden" name="expectationId" value={expectation.id} />
      <Field label={`Edit expectation ${index + 1}`} labelHidden error={form.error("text") ?? form.formError} className="flex-1">
        {(control) => <Input {...control} name="text" defaultValue={expectation.text} autoFocus onKeyDown={onKeyDown} autoComplete="off" />}
      </Field>
      <div className="flex gap-2">
        <Button type="submit" size="sm" loading={form.pending}>
          Save
        </Button>
        <Button size="sm" variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

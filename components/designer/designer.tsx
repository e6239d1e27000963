"use client";

import { useCallback, useEffect, useMemo, useOptimistic, useRef, useState, useTransition, type DragEvent } from "react";
import type { Design, DesignLane } from "@/lib/data/designer";
import type { ActionResult } from "@/lib/action-result";
import {
  archiveExpectationAction,
  archiveLaneAction,
  archiveTouchpointAction,
  deleteExpectationAction,
  deleteLaneAction,
  deleteTouchpointAction,
  moveExpectationAction,
  moveLaneAction,
  moveTouchpointAction,
} from "@/lib/actions/designer";
import { LANE_LABELS, type LaneKind } from "@/lib/schemas/map-design";
import { cn } from "@/components/ui/cn";
import { useToast } from "@/components/ui/toast";
import { AnnouncerProvider, useAnnounce } from "./announcer";
import { ConfirmDialog } from "./confirm-dialog";
import {
  DesignerContext,
  dropIndex,
  markAfterLast,
  markBefore,
  useDesigner,
  type DesignTarget,
  type DesignerApi,
  type DragState,
  type DropTarget,
  type EditorState,
} from "./designer-context";
import { AddLaneForm, MoveTouchpointDialog, RenameLaneDialog } from "./designer-dialogs";
import { applyMove, cellOf, lanesOf, type OptimisticMove } from "./design-state";
import { PlusIcon } from "./icons";
import { LaneHeader } from "./lane-header";
import { TouchpointCard } from "./touchpoint-card";
import { TouchpointEditor } from "./touchpoint-editor";

/** The map designer: the journey grid, editable, with every change checked by the server. */
export function Designer(props: { workspaceId: string; design: Design }) {
  return (
    <AnnouncerProvider>
      <DesignerRoot {...props} />
    </AnnouncerProvider>
  );
}

const TARGET_LABEL = { stage: "stage", channel: "channel", touchpoint: "touchpoint", expectation: "expectation" } as const;

function DesignerRoot({ workspaceId, design: serverDesign }: { workspaceId: string; design: Design }) {
  const toast = useToast();
  const announce = useAnnounce();
  // Moves show at once; when the server answers, the page's design replaces this copy:
  // the same order if it agreed, the old order (visibly) if it refused.
  const [design, addMove] = useOptimistic(serverDesign, applyMove);
  const [, startTransition] = useTransition();
  const [drag, setDragState] = useState<DragState>(null);
  // A drop can arrive before React has drawn the state its dragstart set: handlers read this.
  const dragRef = useRef<DragState>(null);
  const setDrag = useCallback((next: DragState) => {
    dragRef.current = next;
    setDragState(next);
  }, []);
  const [dropTarget, setDropTarget] = useState<DropTarget>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const [editor, setEditor] = useState<EditorState | null>(null);
  const [moving, setMoving] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<{ kind: LaneKind; id: string } | null>(null);
  const [deleting, setDeleting] = useState<DesignTarget | null>(null);
  const [deletePending, startDelete] = useTransition();
  const focusRequest = useRef<string[] | null>(null);
  const flashTimer = useRef<number | undefined>(undefined);
  const mapId = serverDesign.map.id;

  // Moving an element in the DOM can drop its focus; put it back where the user was.
  useEffect(() => {
    const keys = focusRequest.current;
    if (!keys) return;
    for (const key of keys) {
      const element = document.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`);
      if (element && !element.hasAttribute("disabled")) {
        if (document.activeElement !== element) element.focus();
        focusRequest.current = null;
        return;
      }
    }
  });

  const requestFocus = useCallback((keys: string[]) => {
    focusRequest.current = keys;
  }, []);

  const refused = useCallback(
    (what: string, id: string, result: Extract<ActionResult<unknown>, { ok: false }>, focus?: string[]) => {
      const reason = result.formError ?? "The server refused the change.";
      toast.toast({ tone: "error", title: `${what} was not moved`, description: `${reason} It is back where it was.` });
      announce(`${what} was not moved: ${reason} It is back where it was.`);
      setFlash(id);
      window.clearTimeout(flashTimer.current);
      flashTimer.current = window.setTimeout(() => setFlash(null), 3000);
      if (focus) requestFocus(focus);
    },
    [announce, requestFocus, toast],
  );

  const runMove = useCallback(
    (
      move: OptimisticMove,
      call: () => Promise<ActionResult<{ index: number; count: number }>>,
      describe: (data: { index: number; count: number }) => string,
      what: string,
      focus?: string[],
    ) => {
      if (focus) requestFocus(focus);
      startTransition(async () => {
        addMove(move);
        const result = await call();
        if (result.ok) announce(describe(result.data));
        else refused(what, move.id, result, focus);
      });
    },
    [addMove, announce, refused, requestFocus],
  );

  const api = useMemo<DesignerApi>(() => {
    const stageName = (id: string) => design.stages.find((stage) => stage.id === id)?.name ?? "";
    const channelName = (id: string) => design.channels.find((channel) => channel.id === id)?.name ?? "";
    return {
      workspaceId,
      mapId,
      design,
      flash,
      drag,
      dragged: () => dragRef.current,
      setDrag,
      dropTarget,
      setDropTarget,
      requestFocus,
      moveTouchpoint(touchpointId, stageId, channelId, toIndex, focus) {
        const touchpoint = design.touchpoints.find((item) => item.id === touchpointId);
        if (!touchpoint) return;
        const current = cellOf(design, touchpoint.stageId, touchpoint.channelId).findIndex((item) => item.id === touchpointId);
        if (touchpoint.stageId === stageId && touchpoint.channelId === channelId && current === toIndex) return;
        runMove(
          { type: "touchpoint", id: touchpointId, stageId, channelId, toIndex },
          () => moveTouchpointAction(workspaceId, { mapId, touchpointId, stageId, channelId, toIndex }),
          ({ index, count }) =>
            `${touchpoint.name} moved to position ${index + 1} of ${count} in ${stageName(stageId)}, ${channelName(channelId)}.`,
          `"${touchpoint.name}"`,
          focus,
        );
      },
      moveLane(kind, laneId, toIndex, focus) {
        const lanes = lanesOf(design, kind);
        const lane = lanes.find((item) => item.id === laneId);
        if (!lane || lanes.indexOf(lane) === toIndex) return;
        runMove(
          { type: "lane", kind, id: laneId, toIndex },
          () => moveLaneAction(workspaceId, { mapId, kind, laneId, toIndex }),
          ({ index, count }) => `${LANE_LABELS[kind].capital} ${lane.name} moved to position ${index + 1} of ${count}.`,
          `The ${LANE_LABELS[kind].one} "${lane.name}"`,
          focus,
        );
      },
      moveExpectation(touchpointId, expectationId, toIndex, focus) {
        const expectation = design.touchpoints
          .find((item) => item.id === touchpointId)
          ?.expectations.find((item) => item.id === expectationId);
        if (!expectation) return;
        runMove(
          { type: "expectation", touchpointId, id: expectationId, toIndex },
          () => moveExpectationAction(workspaceId, { mapId, expectationId, toIndex }),
          ({ index, count }) => `"${expectation.text}" moved to position ${index + 1} of ${count}.`,
          `"${expectation.text}"`,
          focus,
        );
      },
      archive(target) {
        startTransition(async () => {
          const input = { mapId };
          const result =
            target.kind === "touchpoint"
              ? await archiveTouchpointAction(workspaceId, { ...input, touchpointId: target.id })
              : target.kind === "expectation"
                ? await archiveExpectationAction(workspaceId, { ...input, expectationId: target.id })
                : await archiveLaneAction(workspaceId, { ...input, kind: target.kind, laneId: target.id });
          if (result.ok) {
            const extra =
              "touchpoints" in result.data && typeof result.data.touchpoints === "number" && result.data.touchpoints > 0
                ? ` with its ${result.data.touchpoints} touchpoint${result.data.touchpoints === 1 ? "" : "s"}`
                : "";
            const message = `Archived the ${TARGET_LABEL[target.kind]} "${target.name}"${extra}. Restore it from Archived.`;
            toast.toast({ tone: "success", title: message });
            announce(message);
          } else {
            toast.toast({ tone: "error", title: `"${target.name}" was not archived`, description: result.formError });
          }
        });
      },
      askDelete: setDeleting,
      openEditor: setEditor,
      openMove: setMoving,
      openRename: (kind, laneId) => setRenaming({ kind, id: laneId }),
    };
  }, [announce, design, drag, dropTarget, flash, mapId, requestFocus, runMove, setDrag, toast, workspaceId]);

  function confirmDelete() {
    const target = deleting;
    if (!target) return;
    startDelete(async () => {
      const input = { mapId };
      const result =
        target.kind === "touchpoint"
          ? await deleteTouchpointAction(workspaceId, { ...input, touchpointId: target.id })
          : target.kind === "expectation"
            ? await deleteExpectationAction(workspaceId, { ...input, expectationId: target.id })
            : await deleteLaneAction(workspaceId, { ...input, kind: target.kind, laneId: target.id });
      setDeleting(null);
      if (result.ok) {
        const message = `Deleted the ${TARGET_LABEL[target.kind]} "${target.name}".`;
        toast.toast({ tone: "success", title: message });
        announce(message);
      } else {
        toast.toast({ tone: "error", title: `"${target.name}" was not deleted`, description: result.formError });
      }
    });
  }

  return (
    <DesignerContext.Provider value={api}>
      <div className="flex flex-col gap-4">
        <div className="flex flex-col gap-3 rounded-lg border border-border bg-surface p-3 lg:flex-row" data-print="hide">
          <AddLaneForm kind="stage" />
          <AddLaneForm kind="channel" />
        </div>
        <DesignerGrid />
        <p className="text-sm text-fg-muted">
          Drag a touchpoint to another place or cell, or use its arrow buttons and “Move to…”. Drag a stage or channel header,
          or use its arrows, to reorder the journey. Select a touchpoint&rsquo;s name to edit it and its expectations.
        </p>
      </div>
      <TouchpointEditor state={editor} onChange={setEditor} onClose={() => setEditor(null)} />
      <MoveTouchpointDialog touchpointId={moving} onClose={() => setMoving(null)} />
      <RenameLaneDialog lane={renaming} onClose={() => setRenaming(null)} />
      <ConfirmDialog
        open={deleting !== null}
        title={deleting ? `Delete the ${TARGET_LABEL[deleting.kind]} "${deleting.name}"?` : "Delete?"}
        confirmLabel="Delete for good"
        pending={deletePending}
        onConfirm={confirmDelete}
        onClose={() => setDeleting(null)}
      >
        <p>
          {deleting?.kind === "stage" || deleting?.kind === "channel"
            ? "Its touchpoints and their expectations are deleted with it. "
            : deleting?.kind === "touchpoint"
              ? "Its expectations are deleted with it. "
              : ""}
          No interview has recorded anything on it, so no data is lost, but it cannot be brought back.
        </p>
        <p className="text-fg-muted">To keep it out of the way but restorable, archive it instead.</p>
      </ConfirmDialog>
    </DesignerContext.Provider>
  );
}

function DesignerGrid() {
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
  const touchpoints = cellOf(designer.design, stage.id, channel.id);
  const where = `${stage.name}, ${channel.name}`;
  const dragging = designer.drag?.type === "touchpoint" ? designer.drag.id : null;
  const target = designer.dropTarget;
  const here = target?.type === "touchpoint" && target.stageId === stage.id && target.channelId === channel.id;
  const draggedIndex = dragging ? touchpoints.findIndex((item) => item.id === dragging) : -1;
  const drop = here ? target.index : undefined;

  function indexAt(event: DragEvent<HTMLTableCellElement>, id: string) {
    return dropIndex(event.currentTarget, '[data-card="touchpoint"]', id, event.clientY, "y");
  }

  function onDragOver(event: DragEvent<HTMLTableCellElement>) {
    const current = designer.dragged();
    if (current?.type !== "touchpoint") return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    const index = indexAt(event, current.id);
    if (!here || target.index !== index) {
      designer.setDropTarget({ type: "touchpoint", stageId: stage.id, channelId: channel.id, index });
    }
  }

  function onDrop(event: DragEvent<HTMLTableCellElement>) {
    const current = designer.dragged();
    if (current?.type !== "touchpoint") return;
    event.preventDefault();
    designer.moveTouchpoint(current.id, stage.id, channel.id, indexAt(event, current.id), [`touchpoint:${current.id}:edit`]);
    designer.setDrag(null);
    designer.setDropTarget(null);
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
            <TouchpointCard touchpoint={touchpoint} index={index} count={touchpoints.length} where={where} />
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
function DropMark({ before, after, children }: { before: boolean; after: boolean; children: React.ReactNode }) {
  return (
    <>
      {before && <li aria-hidden="true" className="-my-1 h-1 rounded-full bg-brand" />}
      {children}
      {after && <li aria-hidden="true" className="-my-1 h-1 rounded-full bg-brand" />}
    </>
  );
}

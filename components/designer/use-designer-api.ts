"use client";

import { useCallback, useEffect, useMemo, useOptimistic, useRef, useState, useTransition } from "react";
import type { Design } from "@/lib/types/designer";
import type { ActionResult } from "@/lib/action-result";
import { moveExpectationAction, moveLaneAction, moveTouchpointAction } from "@/lib/actions/designer";
import { LANE_LABELS, type LaneKind } from "@/lib/schemas/map-design";
import { useToast } from "@/components/ui/toast";
import { useAnnounce } from "./announcer";
import type { DesignTarget, DesignerApi, EditorState } from "./designer-context";
import { TARGET_KINDS } from "./design-targets";
import { applyMove, cellOf, lanesOf, type OptimisticMove } from "./design-state";

/**
 * Everything the designer does with the server: moves shown at once and rolled back if
 * refused, archiving and deleting, and which dialog is open. The returned `api` changes only
 * when the design, the highlighted item or a dialog opener does, never during a drag.
 */
export function useDesignerApi(workspaceId: string, serverDesign: Design) {
  const toast = useToast();
  const announce = useAnnounce();
  // Moves show at once; when the server answers, the page's design replaces this copy:
  // the same order if it agreed, the old order (visibly) if it refused.
  const [design, addMove] = useOptimistic(serverDesign, applyMove);
  const [, startTransition] = useTransition();
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
          const result = await TARGET_KINDS[target.kind].archive(workspaceId, mapId, target.id);
          if (result.ok) {
            const extra =
              "touchpoints" in result.data && typeof result.data.touchpoints === "number" && result.data.touchpoints > 0
                ? ` with its ${result.data.touchpoints} touchpoint${result.data.touchpoints === 1 ? "" : "s"}`
                : "";
            const message = `Archived the ${TARGET_KINDS[target.kind].label} "${target.name}"${extra}. Restore it from Archived.`;
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
  }, [announce, design, flash, mapId, requestFocus, runMove, toast, workspaceId]);

  function confirmDelete() {
    const target = deleting;
    if (!target) return;
    startDelete(async () => {
      const result = await TARGET_KINDS[target.kind].remove(workspaceId, mapId, target.id);
      setDeleting(null);
      if (result.ok) {
        const message = `Deleted the ${TARGET_KINDS[target.kind].label} "${target.name}".`;
        toast.toast({ tone: "success", title: message });
        announce(message);
      } else {
        toast.toast({ tone: "error", title: `"${target.name}" was not deleted`, description: result.formError });
      }
    });
  }

  return { api, editor, setEditor, moving, setMoving, renaming, setRenaming, deleting, setDeleting, deletePending, confirmDelete };
}

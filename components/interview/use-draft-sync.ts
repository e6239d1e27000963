"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { InterviewDraft } from "@/lib/schemas/interview";

export type SyncStatus =
  | { kind: "local" } // on this device only, nothing sent yet
  | { kind: "saving" }
  | { kind: "saved"; at: number }
  | { kind: "offline" }
  | { kind: "error"; message: string }
  | { kind: "submitted" }; // the server holds it as submitted (another tab, or an earlier try)

type Options = {
  enabled: boolean;
  workspaceId: string;
  state: InterviewDraft;
  /** The `savedAt` the server already has (null: nothing there yet). */
  initialSyncedAt: number | null;
  onSynced: (savedAt: number) => void;
  onSubmittedElsewhere: () => void;
};

const DEBOUNCE_MS = 1200;
const RETRY_MS = 15_000;

/**
 * Sends the draft to the server as the interviewer goes: shortly after each change, on
 * every screen change (flush), when the page is hidden or closed (keepalive), when the
 * connection returns, and every 15 s while it is down. The device copy is written by the
 * caller first, so a failed send loses nothing.
 */
export function useDraftSync({ enabled, workspaceId, state, initialSyncedAt, onSynced, onSubmittedElsewhere }: Options) {
  const [status, setStatus] = useState<SyncStatus>(
    initialSyncedAt !== null && initialSyncedAt >= state.savedAt ? { kind: "saved", at: initialSyncedAt } : { kind: "local" },
  );
  const latest = useRef(state);
  const synced = useRef(initialSyncedAt);
  const inFlight = useRef(false);
  const again = useRef(false);
  const callbacks = useRef({ onSynced, onSubmittedElsewhere });

  useEffect(() => {
    latest.current = state;
    callbacks.current = { onSynced, onSubmittedElsewhere };
  });

  const push = useCallback(
    async (keepalive = false) => {
      if (!enabled) return;
      if (!navigator.onLine) {
        setStatus({ kind: "offline" });
        return;
      }
      if (inFlight.current && !keepalive) {
        again.current = true;
        return;
      }
      inFlight.current = true;
      try {
        // Changes made while a save was on its way are sent right after it.
        do {
          again.current = false;
          const draft = latest.current;
          // Nothing entered yet: an interview only opened leaves no draft behind.
          if (draft.savedAt === 0 || (synced.current !== null && synced.current >= draft.savedAt)) break;
          setStatus({ kind: "saving" });
          let response: Response;
          try {
            response = await fetch(`/api/w/${encodeURIComponent(workspaceId)}/interviews/${encodeURIComponent(draft.id)}/draft`, {
              method: "PUT",
              headers: { "Content-Type": "application/json" },
              body: JSON.stringify(draft),
              keepalive,
              cache: "no-store",
            });
          } catch {
            setStatus({ kind: "offline" });
            break;
          }
          const body = (await response.json().catch(() => ({}))) as { error?: string; code?: string };
          if (response.ok) {
            // "stale" also counts: the server already holds this copy or a newer one (another tab).
            synced.current = Math.max(synced.current ?? 0, draft.savedAt);
            setStatus({ kind: "saved", at: Date.now() });
            callbacks.current.onSynced(draft.savedAt);
          } else if (response.status === 409 && body.code === "submitted") {
            setStatus({ kind: "submitted" });
            callbacks.current.onSubmittedElsewhere();
            break;
          } else {
            setStatus({ kind: "error", message: body.error ?? `The server did not save the draft (${response.status}).` });
            break;
          }
        } while (again.current);
      } finally {
        inFlight.current = false;
      }
    },
    [enabled, workspaceId],
  );

  // Shortly after the interviewer stops changing things.
  useEffect(() => {
    if (!enabled) return;
    const timer = window.setTimeout(() => void push(), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [enabled, push, state.savedAt]);

  useEffect(() => {
    if (!enabled) return;
    const online = () => void push();
    const offline = () => setStatus({ kind: "offline" });
    const hidden = () => {
      if (document.visibilityState === "hidden") void push(true);
    };
    const pagehide = () => void push(true);
    const retry = window.setInterval(() => {
      if (navigator.onLine) void push();
    }, RETRY_MS);
    window.addEventListener("online", online);
    window.addEventListener("offline", offline);
    window.addEventListener("pagehide", pagehide);
    document.addEventListener("visibilitychange", hidden);
    return () => {
      window.clearInterval(retry);
      window.removeEventListener("online", online);
      window.removeEventListener("offline", offline);
      window.removeEventListener("pagehide", pagehide);
      document.removeEventListener("visibilitychange", hidden);
    };
  }, [enabled, push]);

  return { status, flush: push };
}

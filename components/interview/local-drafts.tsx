"use client";

import Link from "next/link";
import { useMemo, useSyncExternalStore } from "react";
import { listDrafts } from "./draft-store";
import { formatDay } from "./format";

function subscribe(onChange: () => void) {
  window.addEventListener("storage", onChange);
  return () => window.removeEventListener("storage", onChange);
}

/**
 * Interviews kept on this device that the server does not have in full yet: a recording
 * made offline, a submission waiting for the connection, a correction not saved.
 */
export function LocalDrafts({ workspaceId, userId }: { workspaceId: string; userId: string }) {
  const snapshot = useSyncExternalStore(
    subscribe,
    () => JSON.stringify(listDrafts(userId, workspaceId)),
    () => "[]",
  );
  const drafts = useMemo(
    () =>
      (JSON.parse(snapshot) as ReturnType<typeof listDrafts>).filter(
        (draft) => draft.purpose === "edit" || draft.pendingSubmit || draft.syncedAt === null || draft.syncedAt < draft.state.savedAt,
      ),
    [snapshot],
  );
  if (drafts.length === 0) return null;
  return (
    <section aria-labelledby="local-drafts-heading" className="rounded-lg border border-border-strong bg-surface p-4" data-testid="local-drafts">
      <h2 id="local-drafts-heading" className="font-semibold">
        On this device, not yet on the server
      </h2>
      <p className="text-sm text-fg-muted">They are sent as soon as you open them with a connection.</p>
      <ul className="mt-3 flex flex-col gap-2">
        {drafts.map((draft) => {
          const href =
            draft.purpose === "edit"
              ? `/w/${workspaceId}/interviews/${draft.state.id}/edit`
              : `/w/${workspaceId}/interviews/${draft.state.id}/capture?map=${encodeURIComponent(draft.state.mapId)}`;
          return (
            <li key={draft.key} className="flex flex-wrap items-center justify-between gap-2 text-sm">
              <span>
                {draft.mapName || "Interview"} · {formatDay(draft.state.conductedOn)} · {draft.respondentLabel ?? "no respondent yet"}
                {draft.purpose === "edit" ? " · correction not saved" : draft.pendingSubmit ? " · waiting to submit" : ""}
              </span>
              <Link href={href} className="font-medium text-brand underline">
                {draft.purpose === "edit" ? "Continue the correction" : "Continue"}
                <span className="sr-only">: {draft.mapName} on {formatDay(draft.state.conductedOn)}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

"use client";

import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { InterviewCapture } from "@/components/interview/capture";
import { listDrafts } from "@/components/interview/draft-store";
import { FieldModeContext, type FieldMode } from "@/components/interview/field-mode";
import { formatDay } from "@/components/interview/format";
import type { InterviewDraft, CaptureJourney } from "@/lib/schemas/interview";
import type { AttributeFieldView, RespondentRow } from "@/lib/schemas/respondent";
import type { QuotaView } from "@/components/interview/use-capture-state";
import { plural } from "@/lib/plural";
import { deviceRespondentCode } from "./device-code";
import { itemLabel, queueOrder, type OutboxItem } from "./outbox-queue";
import { putOutbox, removeOutbox } from "./outbox-store";
import { OFFLINE_READY_EVENT } from "./service-worker";
import { dismissReports, FLUSH_EVENT, requestBackgroundSync, useOutboxItems, useOutboxReports } from "./use-outbox";
import { useConnection } from "./connection";

type FieldMapView = { id: string; name: string; description: string | null; journey: CaptureJourney; quota: QuotaView | null };

type Props = {
  workspaceId: string;
  userId: string;
  maps: FieldMapView[];
  respondents: RespondentRow[];
  attributeFields: AttributeFieldView[];
  segments: string[];
};

type View = { kind: "list" } | { kind: "capture"; mapId: string; interviewId: string };

let queueCounter = 0;

function respondentLabel(state: InterviewDraft): string | null {
  if (state.respondent?.kind === "existing") return state.respondent.code;
  if (state.respondent?.kind === "new") return state.respondent.profile.code || "New respondent";
  return null;
}

/** Whether the worker holds this page for offline use (so the interviewer may leave the signal). */
function useOfflineReady(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    const check = () => {
      if (typeof caches === "undefined" || !navigator.serviceWorker?.controller) return;
      caches
        .match(location.pathname)
        .then((kept) => live && setReady(Boolean(kept)))
        .catch(() => undefined);
    };
    check();
    window.addEventListener(OFFLINE_READY_EVENT, check);
    navigator.serviceWorker?.addEventListener("controllerchange", check);
    return () => {
      live = false;
      window.removeEventListener(OFFLINE_READY_EVENT, check);
      navigator.serviceWorker?.removeEventListener("controllerchange", check);
    };
  }, []);
  return ready;
}

function subscribeStorage(onChange: () => void) {
  window.addEventListener("storage", onChange);
  window.addEventListener("cxmap-outbox", onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener("cxmap-outbox", onChange);
  };
}

/**
 * The capture app: pick a map, record, submit into the outbox; see what waits and what was
 * sent. Everything it needs came with the page, which the service worker keeps, so it works
 * the same with no connection at all.
 */
export function FieldCapture({ workspaceId, userId, maps, respondents, attributeFields, segments }: Props) {
  const [view, setView] = useState<View>({ kind: "list" });
  // Bumped when coming back to the list, so the drafts in progress are read again.
  const [visit, setVisit] = useState(0);
  const items = useOutboxItems(userId, workspaceId);
  const reports = useOutboxReports(userId, workspaceId);
  const online = useConnection();
  const offlineReady = useOfflineReady();
  const mapsById = useMemo(() => new Map(maps.map((map) => [map.id, map])), [maps]);

  const draftsSnapshot = useSyncExternalStore(
    subscribeStorage,
    () => `${visit}:${JSON.stringify(listDrafts(userId, workspaceId).filter((draft) => draft.purpose === "record" && mapsById.has(draft.state.mapId)))}`,
    () => "0:[]",
  );
  const queuedIds = useMemo(() => new Set((items ?? []).map((item) => item.id)), [items]);
  const inProgress = useMemo(
    () =>
      (JSON.parse(draftsSnapshot.slice(draftsSnapshot.indexOf(":") + 1)) as ReturnType<typeof listDrafts>).filter(
        (draft) => !queuedIds.has(draft.state.id) && draft.state.savedAt > 0,
      ),
    [draftsSnapshot, queuedIds],
  );

  const leave = useCallback(() => {
    setView({ kind: "list" });
    setVisit((count) => count + 1);
    window.scrollTo({ top: 0 });
  }, []);

  const field = useMemo<FieldMode>(
    () => ({
      respondents,
      newRespondentCode: () => deviceRespondentCode(),
      leave,
      queue: async (state) => {
        const map = mapsById.get(state.mapId);
        const now = Date.now();
        await putOutbox({
          id: state.id,
          userId,
          workspaceId,
          mapId: state.mapId,
          mapName: map?.name ?? "Interview",
          respondentLabel: respondentLabel(state),
          state,
          queuedAt: now,
          seq: (queueCounter += 1),
          attempts: 0,
          nextAttemptAt: now,
          status: "waiting",
          lastError: null,
        });
        void requestBackgroundSync();
        window.dispatchEvent(new Event(FLUSH_EVENT));
      },
    }),
    [leave, mapsById, respondents, userId, workspaceId],
  );

  if (view.kind === "capture") {
    const map = mapsById.get(view.mapId);
    if (map) {
      return (
        <FieldModeContext.Provider value={field}>
          <h1 className="sr-only">Record an interview on {map.name}</h1>
          <div className="mx-auto mb-3 max-w-3xl">
            <Button variant="ghost" size="sm" onClick={leave}>
              ← Capture list
            </Button>
          </div>
          <InterviewCapture
            key={view.interviewId}
            workspaceId={workspaceId}
            userId={userId}
            purpose="record"
            interviewId={view.interviewId}
            journey={map.journey}
            server={null}
            attributeFields={attributeFields}
            segments={segments}
            quota={map.quota}
          />
        </FieldModeContext.Provider>
      );
    }
  }

  const ordered = queueOrder(items ?? []);
  const waiting = ordered.filter((item) => item.status === "waiting");
  const refused = ordered.filter((item) => item.status === "refused");

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <PageHeader
        title="Capture"
        description={
          <>
            Record interviews here with or without a connection.{" "}
            <span data-testid="connection-state">{online ? "Online." : "Offline: interviews wait in the outbox."}</span>{" "}
            {offlineReady ? (
              <span data-testid="offline-ready">Ready to work offline on this device.</span>
            ) : (
              <span>Open this page once with a connection to use it offline.</span>
            )}
          </>
        }
      />

      <section id="outbox" aria-labelledby="outbox-heading" className="flex flex-col gap-3 rounded-lg border border-border bg-surface p-4">
        <h2 id="outbox-heading" className="font-semibold">
          Outbox
        </h2>
        <p className="text-sm" data-testid="outbox-summary" role="status">
          {items === null
            ? "Reading the outbox…"
            : waiting.length === 0
              ? "Nothing waiting: every interview recorded here has been sent."
              : `${plural(waiting.length, "interview")} waiting: ${online ? "sending now" : "will be sent when you are back online"}.`}
        </p>
        {ordered.length > 0 ? (
          <ol className="flex flex-col gap-2">
            {ordered.map((item) => (
              <OutboxRow key={item.id} item={item} workspaceId={workspaceId} />
            ))}
          </ol>
        ) : null}
        {refused.length > 0 ? (
          <p className="text-sm text-fg-muted">The server could not record {refused.length === 1 ? "one interview" : "some interviews"}: open it to see why and fix it.</p>
        ) : null}
        {reports.length > 0 ? (
          <div className="flex flex-col gap-2 border-t border-border pt-3">
            <h3 className="text-sm font-semibold">Sent from this device</h3>
            <ul className="flex flex-col gap-1 text-sm">
              {reports.map((report, index) => (
                <li key={`${report.id}-${index}`} data-testid="outbox-report" data-kind={report.kind}>
                  <span className="font-medium">{report.label}</span>:{" "}
                  {report.kind === "sent" ? "recorded." : report.kind === "held" ? "kept on the server as a draft." : "not recorded."}{" "}
                  {report.message}
                </li>
              ))}
            </ul>
            <div>
              <Button variant="ghost" size="sm" onClick={() => dismissReports(userId, workspaceId)}>
                Clear this list
              </Button>
            </div>
          </div>
        ) : null}
      </section>

      {inProgress.length > 0 ? (
        <section aria-labelledby="in-progress-heading" className="flex flex-col gap-2">
          <h2 id="in-progress-heading" className="font-semibold">
            In progress on this device
          </h2>
          <ul className="flex flex-col gap-2">
            {inProgress.map((draft) => (
              <li key={draft.key} className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-border bg-surface p-3 text-sm" data-testid="field-draft">
                <span>
                  {draft.mapName || mapsById.get(draft.state.mapId)?.name} · {formatDay(draft.state.conductedOn)} · {draft.respondentLabel ?? "no respondent yet"}
                </span>
                <Button variant="secondary" size="sm" onClick={() => setView({ kind: "capture", mapId: draft.state.mapId, interviewId: draft.state.id })}>
                  Continue
                </Button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="maps-heading" className="flex flex-col gap-3">
        <h2 id="maps-heading" className="font-semibold">
          Record an interview
        </h2>
        {maps.length === 0 ? (
          <EmptyState
            title="No maps open for interviews"
            description="Interviews are recorded on active maps. An analyst makes a map active once its touchpoints and expectations are ready."
          />
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2">
            {maps.map((map) => (
              <li key={map.id} className="flex flex-col gap-2 rounded-lg border border-border bg-surface p-4">
                <h3 className="font-semibold">{map.name}</h3>
                {map.description ? <p className="line-clamp-2 text-sm text-fg-muted">{map.description}</p> : null}
                <Button className="mt-auto self-start" onClick={() => setView({ kind: "capture", mapId: map.id, interviewId: crypto.randomUUID() })}>
                  Record on {map.name}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function OutboxRow({ item, workspaceId }: { item: OutboxItem; workspaceId: string }) {
  const fixHref = `/w/${workspaceId}/interviews/${item.id}/capture?map=${encodeURIComponent(item.mapId)}`;
  return (
    <li className="flex flex-col gap-1 rounded-md border border-border-strong p-3 text-sm" data-testid="outbox-item" data-status={item.status}>
      <span>
        <span className="font-medium">{itemLabel(item)}</span> · {formatDay(item.state.conductedOn)}
      </span>
      {item.status === "refused" ? (
        <>
          <span className="text-danger">Not recorded: {item.lastError}</span>
          <span>
            {/* A plain link: the interview's own capture page loads it from this device's drafts. */}
            <a
              href={fixHref}
              className="font-medium text-brand underline"
              onClick={() => {
                void removeOutbox(item.id);
              }}
            >
              Open it to fix it
            </a>
          </span>
        </>
      ) : item.attempts > 0 && item.lastError ? (
        <span className="text-fg-muted">Waiting. Last try: {item.lastError}</span>
      ) : (
        <span className="text-fg-muted">Waiting to be sent.</span>
      )}
    </li>
  );
}

"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { draftKey, forgetRecording, writeDraft } from "@/components/interview/draft-store";
import { flushOutbox, type OutboxItem, type OutboxReport } from "./outbox-queue";
import { listOutbox, putOutbox, removeOutbox, subscribeOutbox } from "./outbox-store";
import { sendQueued } from "./send-queued";
import { BACK_ONLINE_EVENT, setReachable } from "./connection";

/** Fired (on window) to send the outbox now: after queuing, and when Background Sync asks. */
export const FLUSH_EVENT = "cxmap-flush-outbox";

const REPORTS_KEPT = 20;
const reportsKey = (userId: string, workspaceId: string) => `cxmap:outbox-reports:${userId}:${workspaceId}`;

function readReports(userId: string, workspaceId: string): OutboxReport[] {
  try {
    const value = JSON.parse(window.localStorage.getItem(reportsKey(userId, workspaceId)) ?? "[]") as unknown;
    return Array.isArray(value) ? (value as OutboxReport[]) : [];
  } catch {
    return [];
  }
}

function writeReports(userId: string, workspaceId: string, reports: OutboxReport[]) {
  try {
    if (reports.length === 0) window.localStorage.removeItem(reportsKey(userId, workspaceId));
    else window.localStorage.setItem(reportsKey(userId, workspaceId), JSON.stringify(reports.slice(0, REPORTS_KEPT)));
  } catch {
    // The reports are a courtesy: the interviews list on the server says the same.
  }
  window.dispatchEvent(new Event("cxmap-outbox"));
}

export function dismissReports(userId: string, workspaceId: string) {
  writeReports(userId, workspaceId, []);
}

/** What happened to the interviews that left the outbox, newest first, kept until dismissed. */
export function useOutboxReports(userId: string, workspaceId: string): OutboxReport[] {
  const snapshot = useSyncExternalStore(
    subscribeOutbox,
    () => window.localStorage.getItem(reportsKey(userId, workspaceId)) ?? "[]",
    () => "[]",
  );
  try {
    return JSON.parse(snapshot) as OutboxReport[];
  } catch {
    return [];
  }
}

/** This user's outbox in this workspace, kept up to date; null until it has been read. */
export function useOutboxItems(userId: string, workspaceId: string): OutboxItem[] | null {
  const [items, setItems] = useState<OutboxItem[] | null>(null);
  useEffect(() => {
    let live = true;
    const load = () => {
      listOutbox(userId, workspaceId)
        .then((list) => live && setItems(list))
        .catch(() => live && setItems([]));
    };
    load();
    const stop = subscribeOutbox(load);
    return () => {
      live = false;
      stop();
    };
  }, [userId, workspaceId]);
  return items;
}

let running = false;
let again = false;

/** One round of sending, one at a time in this tab (and across tabs where the browser has Web Locks). */
async function flushNow(userId: string, workspaceId: string, force: boolean) {
  if (running) {
    again = true;
    return;
  }
  running = true;
  try {
    do {
      again = false;
      const round = async () => {
        const items = await listOutbox(userId, workspaceId);
        if (items.length === 0) return;
        const result = await flushOutbox({
          items,
          now: Date.now,
          force,
          send: async (item) => {
            const verdict = await sendQueued(item);
            setReachable(verdict.kind !== "unreachable");
            return verdict;
          },
          save: putOutbox,
          remove: async (item) => {
            await removeOutbox(item.id);
            forgetRecording(userId, workspaceId, item.id);
          },
        });
        for (const report of result.reports) {
          if (report.kind !== "refused") continue;
          // Refused: the interview goes back to the device's drafts, where its capture screen opens it to be fixed.
          const item = items.find((entry) => entry.id === report.id);
          if (item) {
            writeDraft(draftKey(userId, workspaceId, item.id, "record"), {
              state: item.state,
              syncedAt: null,
              pendingSubmit: false,
              mapName: item.mapName,
              respondentLabel: item.respondentLabel,
            });
          }
        }
        if (result.reports.length > 0) writeReports(userId, workspaceId, [...result.reports.reverse(), ...readReports(userId, workspaceId)]);
      };
      if (typeof navigator.locks?.request === "function") await navigator.locks.request(`cxmap-outbox:${userId}:${workspaceId}`, round);
      else await round();
    } while (again);
  } catch {
    // The device storage failed to answer: the next round tries again.
  } finally {
    running = false;
  }
}

const TICK_MS = 15_000;

/**
 * Sends the outbox: on opening any page of the workspace, when the connection comes back (the
 * browser's `online`, or the server answering again), when
 * an interview is queued or Background Sync asks, and every 15 s for retries that came due.
 */
export function useOutboxSender(userId: string, workspaceId: string) {
  useEffect(() => {
    // navigator.onLine is not trusted to say "online" (see connection.ts), only "offline".
    const forced = () => {
      if (navigator.onLine) void flushNow(userId, workspaceId, true);
    };
    const tick = () => {
      if (navigator.onLine) void flushNow(userId, workspaceId, false);
    };
    forced();
    const timer = window.setInterval(tick, TICK_MS);
    window.addEventListener("online", forced);
    window.addEventListener(FLUSH_EVENT, forced);
    window.addEventListener(BACK_ONLINE_EVENT, forced);
    return () => {
      window.removeEventListener(BACK_ONLINE_EVENT, forced);
      window.clearInterval(timer);
      window.removeEventListener("online", forced);
      window.removeEventListener(FLUSH_EVENT, forced);
    };
  }, [userId, workspaceId]);
}

/** Asks the browser to wake the app when the connection is back (Background Sync, where it exists). */
export async function requestBackgroundSync() {
  try {
    const registration = await navigator.serviceWorker?.getRegistration();
    const sync = (registration as (ServiceWorkerRegistration & { sync?: { register: (tag: string) => Promise<void> } }) | undefined)?.sync;
    await sync?.register("cxmap-outbox");
  } catch {
    // Not available: the `online` event and the next load send it instead.
  }
}

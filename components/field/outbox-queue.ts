// The outbox's rules, apart from where it is stored (IndexedDB, outbox-store.ts) and how an
// interview is sent (send-queued.ts), so they are unit-tested: interviews go in the order they
// were queued, one at a time; a connection that fails stops the round (the ones after it wait
// their turn) and the next try waits longer each time; the server's verdict is final.
import type { InterviewDraft } from "@/lib/schemas/interview";

export type OutboxItem = {
  /** The interview's id, made on the device: sending it twice records it once. */
  id: string;
  userId: string;
  workspaceId: string;
  mapId: string;
  mapName: string;
  respondentLabel: string | null;
  state: InterviewDraft;
  /** When it was queued (the device's clock), and a counter for two queued in the same millisecond. */
  queuedAt: number;
  seq: number;
  attempts: number;
  /** No automatic try before this time (a connection coming back tries at once). */
  nextAttemptAt: number;
  /** "refused": the server said why it cannot record it; the interviewer opens it to fix it. */
  status: "waiting" | "refused";
  /** The last failure, in words. */
  lastError: string | null;
};

/** What sending one interview came to. */
export type SendVerdict =
  | { kind: "sent"; notice: string | null }
  | { kind: "held"; message: string }
  | { kind: "refused"; message: string }
  | { kind: "signed-out"; message: string }
  | { kind: "unreachable"; message: string };

/** A line for the interviewer about an interview that left the outbox, or was refused. */
export type OutboxReport = { id: string; label: string; kind: "sent" | "held" | "refused"; message: string | null };

const FIRST_RETRY_MS = 5_000;
const LONGEST_RETRY_MS = 5 * 60_000;

/** How long to wait after the n-th failed attempt: 5 s, 10 s, 20 s... at most 5 minutes. */
export function retryDelay(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY_MS);
}

/** Oldest first: the order they were recorded in is the order they are sent in. */
export function queueOrder<T extends Pick<OutboxItem, "queuedAt" | "seq" | "id">>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.queuedAt - b.queuedAt || a.seq - b.seq || a.id.localeCompare(b.id));
}

/**
 * The interviews to send now, in order: the waiting ones, stopping at the first whose retry
 * time has not come (unless the connection just came back, `force`), so none overtakes it.
 */
export function dueForSending(items: readonly OutboxItem[], now: number, force: boolean): OutboxItem[] {
  const due: OutboxItem[] = [];
  for (const item of queueOrder(items.filter((entry) => entry.status === "waiting"))) {
    if (!force && item.nextAttemptAt > now) break;
    due.push(item);
  }
  return due;
}

export function itemLabel(item: Pick<OutboxItem, "mapName" | "respondentLabel">): string {
  return `${item.mapName}${item.respondentLabel ? ` · ${item.respondentLabel}` : ""}`;
}

export type FlushDeps = {
  items: readonly OutboxItem[];
  now: () => number;
  force: boolean;
  send: (item: OutboxItem) => Promise<SendVerdict>;
  /** Keeps the item with its new state. */
  save: (item: OutboxItem) => Promise<void>;
  /** The server has it (recorded, or kept as a draft): it leaves the device. */
  remove: (item: OutboxItem) => Promise<void>;
};

export type FlushResult = { reports: OutboxReport[]; stopped: "unreachable" | "signed-out" | null; sent: number };

/** One round: sends the due interviews one after another, in order. */
export async function flushOutbox({ items, now, force, send, save, remove }: FlushDeps): Promise<FlushResult> {
  const reports: OutboxReport[] = [];
  let sent = 0;
  for (const item of dueForSending(items, now(), force)) {
    const verdict = await send(item);
    switch (verdict.kind) {
      case "sent":
      case "held":
        await remove(item);
        sent += 1;
        reports.push({ id: item.id, label: itemLabel(item), kind: verdict.kind, message: verdict.kind === "sent" ? verdict.notice : verdict.message });
        break;
      case "refused":
        await save({ ...item, status: "refused", attempts: item.attempts + 1, lastError: verdict.message });
        reports.push({ id: item.id, label: itemLabel(item), kind: "refused", message: verdict.message });
        break;
      case "signed-out":
        // Nothing is wrong with the interview: it waits until the interviewer signs in again.
        await save({ ...item, lastError: verdict.message });
        return { reports, stopped: "signed-out", sent };
      case "unreachable": {
        const attempts = item.attempts + 1;
        await save({ ...item, attempts, nextAttemptAt: now() + retryDelay(attempts), lastError: verdict.message });
        return { reports, stopped: "unreachable", sent };
      }
    }
  }
  return { reports, stopped: null, sent };
}

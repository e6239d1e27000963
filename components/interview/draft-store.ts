// Interview drafts kept in the browser (localStorage), so that a closed tab, a reload or a
// lost connection never loses what was recorded. One entry per user, workspace, interview
// and purpose (recording a new interview, or correcting a submitted one).
import { InterviewDraftSchema, type InterviewDraft } from "@/lib/schemas/interview";

export type DraftPurpose = "record" | "edit";

export type LocalDraft = {
  state: InterviewDraft;
  /** The `savedAt` of the copy the server last confirmed; null: never reached the server. */
  syncedAt: number | null;
  /** Submit was pressed but not confirmed: submit again when the connection is back. */
  pendingSubmit: boolean;
  /** For the list of drafts on this device. */
  mapName: string;
  respondentLabel: string | null;
};

const PREFIX = "cxmap:v1:interview";

export function draftKey(userId: string, workspaceId: string, interviewId: string, purpose: DraftPurpose) {
  return `${PREFIX}:${userId}:${workspaceId}:${interviewId}:${purpose}`;
}

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    // Some privacy modes refuse storage altogether; the server copy still works.
    return null;
  }
}

function parse(raw: string | null): LocalDraft | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<LocalDraft>;
    const state = InterviewDraftSchema.safeParse(value.state);
    if (!state.success) return null;
    return {
      state: state.data,
      syncedAt: typeof value.syncedAt === "number" ? value.syncedAt : null,
      pendingSubmit: value.pendingSubmit === true,
      mapName: typeof value.mapName === "string" ? value.mapName : "",
      respondentLabel: typeof value.respondentLabel === "string" ? value.respondentLabel : null,
    };
  } catch {
    return null;
  }
}

export function readDraft(key: string): LocalDraft | null {
  return parse(storage()?.getItem(key) ?? null);
}

/** Returns false when the browser would not store it (full or disabled storage). */
export function writeDraft(key: string, draft: LocalDraft): boolean {
  try {
    const store = storage();
    if (!store) return false;
    store.setItem(key, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function removeDraft(key: string) {
  try {
    storage()?.removeItem(key);
  } catch {
    // Nothing to do: a copy that cannot be removed is ignored once the server has the interview.
  }
}

/** Every draft of this user in this workspace kept on this device. */
export function listDrafts(userId: string, workspaceId: string): (LocalDraft & { key: string; purpose: DraftPurpose })[] {
  const store = storage();
  if (!store) return [];
  const prefix = `${PREFIX}:${userId}:${workspaceId}:`;
  const drafts: (LocalDraft & { key: string; purpose: DraftPurpose })[] = [];
  for (let index = 0; index < store.length; index += 1) {
    const key = store.key(index);
    if (!key?.startsWith(prefix)) continue;
    const draft = parse(store.getItem(key));
    const purpose = key.endsWith(":edit") ? "edit" : "record";
    if (draft) drafts.push({ ...draft, key, purpose });
  }
  return drafts.sort((a, b) => b.state.savedAt - a.state.savedAt);
}

/**
 * Removes this device's copy of a recording the server holds as submitted or void. A copy of
 * a correction in progress stays: it is removed when the correction is saved.
 */
export function forgetRecording(userId: string, workspaceId: string, interviewId: string) {
  removeDraft(draftKey(userId, workspaceId, interviewId, "record"));
}

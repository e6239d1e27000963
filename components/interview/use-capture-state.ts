"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Answer, CaptureJourney, InterviewDraft } from "@/lib/schemas/interview";
import { findProblems, latestAllowedDate } from "@/lib/schemas/interview-submission";
import type { AttributeFieldView } from "@/lib/schemas/respondent";
import { emptyAnswer, pruneToJourney } from "./answers";
import { draftKey, readDraft, removeDraft, writeDraft, type DraftPurpose } from "./draft-store";
import { useDraftSync } from "./use-draft-sync";

export type QuotaView = { target: number | null; submitted: number; segments: { segment: string; target: number; done: number }[] };

export type CaptureProps = {
  workspaceId: string;
  userId: string;
  purpose: DraftPurpose;
  interviewId: string;
  journey: CaptureJourney;
  /** The server's copy: a saved draft, or the stored interview when correcting; null for a new interview. */
  server: { state: InterviewDraft; savedAt: number } | null;
  attributeFields: AttributeFieldView[];
  segments: string[];
  quota: QuotaView | null;
};

function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

type Initial = { state: InterviewDraft; syncedAt: number | null; pendingSubmit: boolean; dropped: number; restoredFromDevice: boolean };

/** The device copy if it is newer than the server's, else the server's, else a fresh interview. */
function initialState({ workspaceId, userId, purpose, interviewId, journey, server }: CaptureProps): Initial {
  const local = readDraft(draftKey(userId, workspaceId, interviewId, purpose));
  const usable = local && local.state.id === interviewId && local.state.mapId === journey.map.id ? local : null;
  let chosen: Omit<Initial, "dropped">;
  if (usable && (!server || usable.state.savedAt > server.savedAt)) {
    chosen = {
      state: usable.state,
      syncedAt: purpose === "record" ? usable.syncedAt : null,
      pendingSubmit: usable.pendingSubmit,
      restoredFromDevice: true,
    };
  } else if (server) {
    chosen = { state: server.state, syncedAt: server.savedAt, pendingSubmit: usable?.pendingSubmit ?? false, restoredFromDevice: false };
  } else {
    chosen = {
      state: {
        id: interviewId,
        mapId: journey.map.id,
        respondent: null,
        conductedOn: localToday(),
        mode: "IN_PERSON",
        answers: [],
        overallFeeling: null,
        notes: "",
        step: 0,
        savedAt: 0,
      },
      syncedAt: null,
      pendingSubmit: false,
      restoredFromDevice: false,
    };
  }
  const { answers, dropped } = pruneToJourney(chosen.state.answers, journey.touchpoints);
  const step = Math.min(Math.max(chosen.state.step, 0), journey.touchpoints.length + 2);
  return { ...chosen, state: { ...chosen.state, answers, step }, dropped };
}

export type DraftUpdate = (change: (current: InterviewDraft) => InterviewDraft) => void;

/**
 * The interview being captured and where it is kept: the draft with its screen, the copy on
 * this device (written on every change) and the copy on the server (sent in the background).
 */
export function useCaptureState(props: CaptureProps) {
  const { workspaceId, userId, purpose, interviewId, journey } = props;
  const [initial] = useState(() => initialState(props));
  const [state, setState] = useState<InterviewDraft>(initial.state);
  const [pendingSubmit, setPendingSubmit] = useState(initial.pendingSubmit);
  const [syncedAt, setSyncedAt] = useState(initial.syncedAt);
  const [showProblems, setShowProblems] = useState(false);
  const [submittedElsewhere, setSubmittedElsewhere] = useState(false);
  const [deviceStorageFailed, setDeviceStorageFailed] = useState(false);
  // Set once the server has the interview: nothing may send it again, nor keep a copy, while the page moves on.
  const submittedRef = useRef(false);
  const key = draftKey(userId, workspaceId, interviewId, purpose);
  const total = journey.touchpoints.length;
  const lastStep = total + 2;
  const step = state.step;
  const touchpoint = step >= 1 && step <= total ? journey.touchpoints[step - 1]! : null;

  const answers = useMemo(() => new Map(state.answers.map((answer) => [answer.touchpointId, answer])), [state.answers]);
  const problems = useMemo(() => findProblems(journey, state, { latestDate: latestAllowedDate() }), [journey, state]);
  const answerOf = useCallback((touchpointId: string) => answers.get(touchpointId) ?? emptyAnswer(touchpointId), [answers]);

  const update = useCallback<DraftUpdate>((change) => {
    setState((current) => ({ ...change(current), savedAt: Math.max(Date.now(), current.savedAt + 1) }));
  }, []);

  const updateAnswer = useCallback(
    (touchpointId: string, change: (answer: Answer) => Answer) => {
      update((current) => {
        const existing = current.answers.find((answer) => answer.touchpointId === touchpointId) ?? emptyAnswer(touchpointId);
        const next = change(existing);
        const others = current.answers.filter((answer) => answer.touchpointId !== touchpointId);
        const order = new Map(journey.touchpoints.map((item, index) => [item.id, index]));
        // An unlisted expectation just added has no words yet, but it stays.
        const list = next.skipped || next.ratings.length > 0 || next.volunteered.length > 0 ? [...others, next] : others;
        list.sort((a, b) => (order.get(a.touchpointId) ?? 0) - (order.get(b.touchpointId) ?? 0));
        return { ...current, answers: list };
      });
    },
    [journey.touchpoints, update],
  );

  const sync = useDraftSync({
    enabled: purpose === "record" && !submittedElsewhere,
    workspaceId,
    state,
    initialSyncedAt: initial.syncedAt,
    onSynced: setSyncedAt,
    onSubmittedElsewhere: () => {
      removeDraft(key);
      setSubmittedElsewhere(true);
    },
  });

  // The device copy, on every change: the one thing that must never fail silently.
  useEffect(() => {
    if (submittedElsewhere || submittedRef.current) return;
    const respondentLabel =
      state.respondent?.kind === "existing" ? state.respondent.code : state.respondent?.kind === "new" ? "New respondent" : null;
    const ok = writeDraft(key, { state, syncedAt, pendingSubmit, mapName: journey.map.name, respondentLabel });
    if (!ok) queueMicrotask(() => setDeviceStorageFailed(true));
  }, [key, state, syncedAt, pendingSubmit, journey.map.name, submittedElsewhere]);

  const goTo = useCallback(
    (target: number) => {
      const next = Math.min(Math.max(target, 0), lastStep);
      update((current) => ({ ...current, step: next }));
      if (next === lastStep) setShowProblems(true);
      void sync.flush();
    },
    [lastStep, sync, update],
  );

  /** The server has the interview: drop the device copy and never write it again. */
  const markSubmitted = useCallback(() => {
    submittedRef.current = true;
    removeDraft(key);
  }, [key]);
  const isSubmitted = useCallback(() => submittedRef.current, []);

  return {
    initial,
    state,
    step,
    total,
    lastStep,
    touchpoint,
    answers,
    answerOf,
    problems,
    showProblems,
    setShowProblems,
    update,
    updateAnswer,
    goTo,
    sync,
    pendingSubmit,
    setPendingSubmit,
    submittedElsewhere,
    deviceStorageFailed,
    markSubmitted,
    isSubmitted,
  };
}

export type CaptureState = ReturnType<typeof useCaptureState>;

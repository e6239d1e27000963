"use client";

import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { flushSync } from "react-dom";
import { useRouter } from "next/navigation";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/components/ui/cn";
import { updateInterviewAction } from "@/lib/actions/interviews";
import { submitRecordedInterview } from "@/components/interview/submit-interview";
import type { Answer, CaptureJourney, FeelingState, InterviewDraft, Outcome } from "@/lib/schemas/interview";
import { findProblems, latestAllowedDate } from "@/lib/schemas/interview-submission";
import type { AttributeFieldView } from "@/lib/schemas/respondent";
import { ChoiceGroup, focusChoiceGroup } from "./choice-group";
import { FEELING_OPTIONS, MODE_OPTIONS } from "./options";
import { RespondentPicker, NEXT_FIELD_ID } from "./respondent-picker";
import { TouchpointStep, Kbd } from "./touchpoint-step";
import { ReviewStep } from "./review-step";
import { StepProgress } from "./progress";
import { addVolunteered, applyRating, applyVolunteered, cardOrder, emptyAnswer, hasAnswers, pruneToJourney, skip } from "./answers";
import { draftKey, readDraft, removeDraft, writeDraft, type DraftPurpose } from "./draft-store";
import { useDraftSync, type SyncStatus } from "./use-draft-sync";

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

const SHORTCUTS_KEY = "cxmap:v1:interview-shortcuts";

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

function syncText(status: SyncStatus, purpose: DraftPurpose): string {
  if (purpose === "edit") return "Changes are kept on this device until you save them.";
  switch (status.kind) {
    case "local":
      return "Saved on this device";
    case "saving":
      return "Saving…";
    case "saved":
      return "Saved";
    case "offline":
      return "Offline: saved on this device";
    case "error":
      return `Saved on this device only. ${status.message}`;
    case "submitted":
      return "Already submitted";
  }
}

function isTextEntry(target: HTMLElement) {
  if (target.isContentEditable || target.tagName === "TEXTAREA" || target.tagName === "SELECT") return true;
  return target.tagName === "INPUT" && !["radio", "checkbox", "button", "submit", "reset"].includes((target as HTMLInputElement).type);
}

/**
 * The guided interview: who, when and how; one screen per touchpoint in journey order;
 * the overall feeling and notes; a review; submit. Everything is kept on the device as it
 * changes and sent to the server in the background, and the submission is safe to repeat.
 */
export function InterviewCapture(props: CaptureProps) {
  const { workspaceId, userId, purpose, interviewId, journey, attributeFields, segments, quota } = props;
  const router = useRouter();
  const [initial] = useState(() => initialState(props));
  const [state, setState] = useState<InterviewDraft>(initial.state);
  const [pendingSubmit, setPendingSubmit] = useState(initial.pendingSubmit);
  const [syncedAt, setSyncedAt] = useState(initial.syncedAt);
  const [submitting, setSubmitting] = useState(false);
  const [notice, setNotice] = useState<{ tone: "error" | "info"; text: string } | null>(null);
  const [showProblems, setShowProblems] = useState(false);
  const [submittedElsewhere, setSubmittedElsewhere] = useState(false);
  const [deviceStorageFailed, setDeviceStorageFailed] = useState(false);
  const [shortcuts, setShortcuts] = useState(() => {
    try {
      return window.localStorage.getItem(SHORTCUTS_KEY) !== "off";
    } catch {
      return true;
    }
  });
  const submittingRef = useRef(false);
  // Set once the server has the interview: nothing may send it again while the page moves on.
  const doneRef = useRef(false);
  const shownStep = useRef<number | null>(null);
  const key = draftKey(userId, workspaceId, interviewId, purpose);
  const total = journey.touchpoints.length;
  const lastStep = total + 2;
  const step = state.step;
  const touchpoint = step >= 1 && step <= total ? journey.touchpoints[step - 1]! : null;

  const answers = useMemo(() => new Map(state.answers.map((answer) => [answer.touchpointId, answer])), [state.answers]);
  const problems = useMemo(() => findProblems(journey, state, { latestDate: latestAllowedDate() }), [journey, state]);
  const answerOf = useCallback((touchpointId: string) => answers.get(touchpointId) ?? emptyAnswer(touchpointId), [answers]);

  const update = useCallback((change: (current: InterviewDraft) => InterviewDraft) => {
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
    if (submittedElsewhere || doneRef.current) return;
    const respondentLabel =
      state.respondent?.kind === "existing" ? state.respondent.code : state.respondent?.kind === "new" ? "New respondent" : null;
    const ok = writeDraft(key, { state, syncedAt, pendingSubmit, mapName: journey.map.name, respondentLabel });
    if (!ok) queueMicrotask(() => setDeviceStorageFailed(true));
  }, [key, state, syncedAt, pendingSubmit, journey.map.name, submittedElsewhere]);

  // A new screen: show it from the top and put the focus on its heading, so a screen reader announces it.
  // On opening, the first thing to do takes the focus: finding the respondent, or the screen resumed.
  useEffect(() => {
    const previous = shownStep.current;
    shownStep.current = step;
    if (previous === step) return;
    if (previous === null) {
      const search = document.querySelector<HTMLInputElement>('[data-testid="respondent-search"]');
      if (search) search.focus();
      else document.getElementById("capture-heading")?.focus({ preventScroll: true });
      return;
    }
    document.getElementById("capture-top")?.scrollIntoView({ block: "start" });
    document.getElementById("capture-heading")?.focus({ preventScroll: true });
  }, [step]);

  const goTo = useCallback(
    (target: number) => {
      const next = Math.min(Math.max(target, 0), lastStep);
      update((current) => ({ ...current, step: next }));
      if (next === lastStep) setShowProblems(true);
      void sync.flush();
    },
    [lastStep, sync, update],
  );

  const submit = useCallback(async () => {
    if (submittingRef.current || doneRef.current) return;
    const current = findProblems(journey, state, { latestDate: latestAllowedDate() });
    if (current.length > 0) {
      setShowProblems(true);
      setPendingSubmit(false);
      setNotice({ tone: "error", text: `${current.length === 1 ? "1 thing needs" : `${current.length} things need`} finishing first: see the list above.` });
      document.getElementById("review-problems")?.scrollIntoView({ block: "center" });
      return;
    }
    submittingRef.current = true;
    setSubmitting(true);
    if (purpose === "record") setPendingSubmit(true);
    setNotice(null);
    try {
      const result = purpose === "record" ? await submitRecordedInterview(workspaceId, state) : await updateInterviewAction(workspaceId, state);
      if (result.ok) {
        doneRef.current = true;
        setPendingSubmit(false);
        removeDraft(key);
        const flag = purpose === "edit" ? "saved" : "alreadySubmitted" in result.data && result.data.alreadySubmitted ? "already" : "submitted";
        router.replace(`/w/${workspaceId}/interviews/${interviewId}?${flag}=1`);
        return;
      }
      setPendingSubmit(false);
      setShowProblems(true);
      setNotice({ tone: "error", text: result.formError ?? "The interview could not be submitted." });
    } catch {
      // No answer from the server: nothing is lost, and the same id makes a retry safe.
      setNotice({
        tone: "info",
        text:
          purpose === "record"
            ? "No connection. The interview is kept on this device and will be submitted as soon as the connection is back."
            : "No connection. The correction is kept on this device; save it again when the connection is back.",
      });
    } finally {
      submittingRef.current = false;
      setSubmitting(false);
    }
  }, [interviewId, journey, key, purpose, router, state, workspaceId]);

  // A submission that did not get through is sent again when the connection returns (and on reload).
  useEffect(() => {
    if (!pendingSubmit || purpose !== "record") return;
    const retry = () => {
      if (navigator.onLine && !submittingRef.current) void submit();
    };
    const timer = window.setTimeout(retry, 500);
    const interval = window.setInterval(retry, 15_000);
    window.addEventListener("online", retry);
    return () => {
      window.clearTimeout(timer);
      window.clearInterval(interval);
      window.removeEventListener("online", retry);
    };
  }, [pendingSubmit, purpose, submit]);

  function advanceFrom(cardId: string) {
    if (!touchpoint) return;
    const order = cardOrder(touchpoint, answerOf(touchpoint.id));
    const index = order.findIndex((card) => card.id === cardId);
    const next = order[index + 1];
    if (next) focusChoiceGroup(`${next.id}-outcome`);
    else document.getElementById("capture-next")?.focus();
  }

  /** A number key pressed outside any question: it answers the first expectation still waiting for it. */
  function numberKey(digit: number): boolean {
    if (!touchpoint) return false;
    const answer = answerOf(touchpoint.id);
    if (answer.skipped) return false;
    for (const card of cardOrder(touchpoint, answer)) {
      const values =
        card.kind === "listed"
          ? (answer.ratings.find((rating) => rating.expectationId === card.ref) ?? { outcome: null, importance: null })
          : answer.volunteered.find((item) => item.key === card.ref)!;
      const apply = (patch: { outcome?: Outcome; importance?: number }) =>
        updateAnswer(touchpoint.id, (current) =>
          card.kind === "listed" ? applyRating(current, touchpoint, card.ref, patch) : applyVolunteered(current, card.ref, patch),
        );
      // Applied and rendered at once, so that the next key lands where the focus now is.
      if (values.outcome === null) {
        if (digit < 1 || digit > 3) return false;
        flushSync(() => apply({ outcome: (["MISSED", "MET", "EXCEEDED"] as const)[digit - 1] }));
        focusChoiceGroup(`${card.id}-importance`);
        return true;
      }
      if (values.importance === null) {
        if (digit < 1 || digit > 5) return false;
        flushSync(() => apply({ importance: digit }));
        advanceFrom(card.id);
        return true;
      }
    }
    return false;
  }

  function toggleSkip() {
    if (!touchpoint) return;
    const answer = answerOf(touchpoint.id);
    if (answer.skipped) {
      updateAnswer(touchpoint.id, (current) => ({ ...current, skipped: false }));
    } else if (hasAnswers(answer)) {
      document.querySelector<HTMLButtonElement>('[data-testid="not-encountered"]')?.click();
    } else {
      skipAndContinue();
    }
  }

  function skipAndContinue() {
    if (!touchpoint) return;
    updateAnswer(touchpoint.id, skip);
    goTo(step + 1);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.defaultPrevented) return;
    const target = event.target as HTMLElement;
    if (target.closest("dialog")) return;
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (step < lastStep) goTo(step + 1);
      else void submit();
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === "Enter") {
      if (["TEXTAREA", "BUTTON", "A", "SUMMARY", "SELECT"].includes(target.tagName)) return;
      event.preventDefault();
      if (event.shiftKey) goTo(step - 1);
      else if (step < lastStep) goTo(step + 1);
      else document.getElementById("capture-submit")?.focus();
      return;
    }
    if (!shortcuts || isTextEntry(target)) return;
    const key = event.key.toLowerCase();
    if (touchpoint) {
      if (key === "n") {
        event.preventDefault();
        toggleSkip();
      } else if (key === "a" && !answerOf(touchpoint.id).skipped) {
        event.preventDefault();
        const id = crypto.randomUUID();
        flushSync(() => updateAnswer(touchpoint.id, (current) => addVolunteered(current, id)));
        document.getElementById(`v-${id}-text`)?.focus();
      } else if (/^[1-5]$/.test(event.key) && numberKey(Number(event.key))) {
        event.preventDefault();
      }
    } else if (step === total + 1 && /^[1-6]$/.test(event.key)) {
      event.preventDefault();
      const feeling = FEELING_OPTIONS[Number(event.key) - 1]!.value;
      flushSync(() => update((current) => ({ ...current, overallFeeling: feeling })));
      focusChoiceGroup("overall-feeling");
    }
  }

  const visibleProblems = showProblems ? problems : [];
  const startProblems = visibleProblems.filter((problem) => !problem.touchpointId);
  const dateProblem = startProblems.find((problem) => problem.path === "conductedOn")?.message;
  const modeProblem = startProblems.find((problem) => problem.path === "mode")?.message;
  const neededSegments = (quota?.segments ?? [])
    .filter((segment) => segment.done < segment.target)
    .sort((a, b) => a.done / a.target - b.done / b.target)
    .slice(0, 3);

  return (
    <div
      id="capture-top"
      // Focus moved by keys must never land under the sticky bar at the bottom.
      className="mx-auto flex max-w-3xl scroll-mt-4 flex-col gap-4 [&_button]:scroll-mb-24 [&_input]:scroll-mb-24 [&_textarea]:scroll-mb-24"
      onKeyDown={onKeyDown}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="text-sm text-fg-muted">
          {purpose === "edit" ? "Correcting an interview" : "Interview"} on <span className="font-medium text-fg">{journey.map.name}</span>
        </p>
        <p className="text-sm text-fg-muted" data-testid="sync-status" data-sync={purpose === "record" ? sync.status.kind : "edit"}>
          <span
            aria-hidden="true"
            className={cn(
              "mr-1.5 inline-block size-2 rounded-full",
              sync.status.kind === "saved" ? "bg-success" : sync.status.kind === "error" || sync.status.kind === "offline" ? "bg-missed" : "bg-border-strong",
            )}
          />
          {syncText(sync.status, purpose)}
        </p>
      </div>

      {submittedElsewhere ? (
        <div role="alert" className="rounded-lg border border-danger bg-danger-subtle p-4 text-sm">
          <p className="font-medium">This interview has already been submitted, perhaps from another tab or device.</p>
          <Link href={`/w/${workspaceId}/interviews/${interviewId}`} className="font-medium text-brand underline">
            Open the submitted interview
          </Link>
        </div>
      ) : null}
      {initial.dropped > 0 ? (
        <p className="rounded-lg border border-border bg-surface-muted p-3 text-sm">
          The map changed since this draft was saved: {initial.dropped} answer{initial.dropped === 1 ? " was" : "s were"} for touchpoints or expectations that
          are no longer on it, and {initial.dropped === 1 ? "was" : "were"} set aside.
        </p>
      ) : null}
      {deviceStorageFailed ? (
        <p role="alert" className="rounded-lg border border-danger bg-danger-subtle p-3 text-sm">
          This browser would not keep a copy on the device (private mode or full storage). Stay online until you submit.
        </p>
      ) : null}

      <StepProgress journey={journey} step={step} answers={answers} problems={problems} onJump={goTo} />

      <div className="hidden flex-wrap items-center gap-x-4 gap-y-1 text-xs text-fg-muted [@media(pointer:fine)]:flex">
        {shortcuts ? (
          <p id="capture-keys">
            Keys: <strong>1–3</strong> outcome, <strong>1–5</strong> importance, <strong>F</strong> feeling, <strong>C</strong> comment,{" "}
            <strong>N</strong> not encountered, <strong>A</strong> add unlisted, <strong>Enter</strong> next, <strong>Shift+Enter</strong> back.
          </p>
        ) : null}
        <Checkbox
          label="Single-key shortcuts"
          checked={shortcuts}
          onChange={(event) => {
            setShortcuts(event.target.checked);
            try {
              window.localStorage.setItem(SHORTCUTS_KEY, event.target.checked ? "on" : "off");
            } catch {
              // The choice then lasts for this page only.
            }
          }}
        />
      </div>

      <section aria-labelledby="capture-heading" className="flex flex-col gap-4" data-testid="capture-step" data-step={step}>
        {step === 0 ? (
          <div className="flex flex-col gap-4">
            <header>
              <h2 id="capture-heading" tabIndex={-1} className="text-xl font-semibold">
                Who, when and how
              </h2>
              {neededSegments.length > 0 ? (
                <p className="text-sm text-fg-muted">
                  Most needed now:{" "}
                  {neededSegments.map((segment, index) => (
                    <span key={segment.segment}>
                      {index > 0 ? ", " : ""}
                      <strong className="font-medium text-fg">{segment.segment}</strong> ({segment.target - segment.done} to go)
                    </span>
                  ))}
                  .
                </p>
              ) : null}
            </header>
            <RespondentPicker
              workspaceId={workspaceId}
              value={state.respondent}
              onChange={(respondent) => update((current) => ({ ...current, respondent }))}
              fields={attributeFields}
              segments={segments}
              problems={visibleProblems}
            />
            <div className="grid gap-4 sm:grid-cols-2">
              <Field label="Date of the interview" id={NEXT_FIELD_ID} error={dateProblem} required>
                {(control) => (
                  <Input
                    {...control}
                    type="date"
                    value={state.conductedOn}
                    max={latestAllowedDate()}
                    min="2000-01-01"
                    onChange={(event) => {
                      if (event.target.value) update((current) => ({ ...current, conductedOn: event.target.value }));
                    }}
                  />
                )}
              </Field>
              <ChoiceGroup
                id="capture-mode"
                name="capture-mode"
                legend="How it took place"
                options={MODE_OPTIONS}
                value={state.mode}
                onChange={(mode) => update((current) => ({ ...current, mode }))}
                onAdvance={() => document.getElementById("capture-next")?.focus()}
                shortcuts={shortcuts}
                invalid={Boolean(modeProblem)}
              />
            </div>
          </div>
        ) : touchpoint ? (
          <TouchpointStep
            key={touchpoint.id}
            touchpoint={touchpoint}
            answer={answerOf(touchpoint.id)}
            onChange={(change) => updateAnswer(touchpoint.id, change)}
            onSkip={skipAndContinue}
            onAdvanceFrom={advanceFrom}
            newKey={() => crypto.randomUUID()}
            shortcuts={shortcuts}
            problems={visibleProblems.filter((problem) => problem.touchpointId === touchpoint.id)}
            position={{ index: step, total }}
          />
        ) : step === total + 1 ? (
          <div className="flex flex-col gap-4">
            <header>
              <h2 id="capture-heading" tabIndex={-1} className="text-xl font-semibold">
                Overall feeling and notes
              </h2>
              <p className="text-sm text-fg-muted">Ask how they feel about the company as a whole.</p>
            </header>
            <ChoiceGroup
              id="overall-feeling"
              name="overall-feeling"
              legend="Overall feeling about the company (if they said)"
              options={FEELING_OPTIONS}
              value={state.overallFeeling}
              onChange={(overallFeeling: FeelingState | null) => update((current) => ({ ...current, overallFeeling }))}
              onAdvance={() => document.getElementById("capture-notes")?.focus()}
              clearable
              shortcuts={shortcuts}
              layoutClass="grid-cols-2 sm:grid-cols-3"
              size="lg"
            />
            {state.overallFeeling ? (
              <Button variant="ghost" size="sm" className="self-start" onClick={() => update((current) => ({ ...current, overallFeeling: null }))}>
                Clear the overall feeling
              </Button>
            ) : null}
            <Field label="Notes" id="capture-notes" hint="Optional: anything worth knowing about this interview.">
              {(control) => (
                <Textarea
                  {...control}
                  rows={5}
                  maxLength={5000}
                  value={state.notes}
                  onChange={(event) => update((current) => ({ ...current, notes: event.target.value }))}
                />
              )}
            </Field>
          </div>
        ) : (
          <ReviewStep
            journey={journey}
            state={state}
            problems={problems}
            answers={answers}
            onJump={goTo}
            onSubmit={() => void submit()}
            submitting={submitting}
            purpose={purpose}
            notice={
              notice ??
              (pendingSubmit && purpose === "record"
                ? { tone: "info", text: "Waiting for a connection to submit. It is kept on this device meanwhile." }
                : null)
            }
          />
        )}
      </section>

      <div className="sticky bottom-0 z-10 -mx-4 flex items-center justify-between gap-3 border-t border-border bg-surface px-4 py-3 sm:mx-0 sm:rounded-lg sm:border" data-print="hide">
        <Button variant="secondary" onClick={() => goTo(step - 1)} disabled={step === 0} aria-keyshortcuts="Shift+Enter">
          Back
        </Button>
        {step < lastStep ? (
          <Button id="capture-next" onClick={() => goTo(step + 1)} aria-keyshortcuts="Enter" className="min-w-28">
            {step === lastStep - 1 ? "Review" : "Next"}
            <Kbd>Enter</Kbd>
          </Button>
        ) : (
          <Link href={`/w/${workspaceId}/interviews`} className="text-sm font-medium text-brand underline">
            Finish later
          </Link>
        )}
      </div>
    </div>
  );
}

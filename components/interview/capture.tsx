"use client";

import { useEffect, useRef, useState } from "react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { cn } from "@/components/ui/cn";
import type { DraftPurpose } from "./draft-store";
import { CaptureOverallStep } from "./capture-overall-step";
import { CaptureStartStep } from "./capture-start-step";
import { TouchpointStep, Kbd } from "./touchpoint-step";
import { ReviewStep } from "./review-step";
import { StepProgress } from "./progress";
import { useCaptureKeys, useShortcutsSetting } from "./use-capture-keys";
import { useCaptureState, type CaptureProps } from "./use-capture-state";
import { useCaptureSubmission } from "./use-capture-submission";
import type { SyncStatus } from "./use-draft-sync";
import { useFieldMode } from "./field-mode";

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

/**
 * The guided interview: who, when and how; one screen per touchpoint in journey order;
 * the overall feeling and notes; a review; submit. Everything is kept on the device as it
 * changes and sent to the server in the background, and the submission is safe to repeat.
 */
export function InterviewCapture(props: CaptureProps) {
  const { workspaceId, purpose, interviewId, journey, attributeFields, segments, quota } = props;
  const capture = useCaptureState(props);
  const { initial, state, step, total, lastStep, touchpoint, answers, answerOf, problems, update, updateAnswer, goTo, sync } = capture;
  const [shortcuts, setShortcuts] = useShortcutsSetting();
  const field = useFieldMode();
  // The touchpoint whose "clear the answers and mark not encountered?" question is open.
  const [skipToConfirm, setSkipToConfirm] = useState<string | null>(null);
  const topRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const nextRef = useRef<HTMLButtonElement>(null);
  const problemsRef = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef<number | null>(null);

  const { submit, submitting, notice } = useCaptureSubmission({ workspaceId, interviewId, purpose, journey, capture, problemsRef });
  const keys = useCaptureKeys({ capture, submit, shortcuts, nextRef, confirmSkip: setSkipToConfirm });

  // A new screen: show it from the top and put the focus on its heading, so a screen reader announces it.
  // On opening, the first thing to do takes the focus: finding the respondent, or the screen resumed.
  useEffect(() => {
    const previous = shownStep.current;
    shownStep.current = step;
    if (previous === step) return;
    if (previous === null) {
      if (searchRef.current) searchRef.current.focus();
      else document.getElementById("capture-heading")?.focus({ preventScroll: true });
      return;
    }
    topRef.current?.scrollIntoView({ block: "start" });
    document.getElementById("capture-heading")?.focus({ preventScroll: true });
  }, [step]);

  const visibleProblems = capture.showProblems ? problems : [];

  return (
    <div
      ref={topRef}
      id="capture-top"
      // Focus moved by keys must never land under the sticky bar at the bottom.
      className="mx-auto flex max-w-3xl scroll-mt-4 flex-col gap-4 [&_button]:scroll-mb-24 [&_input]:scroll-mb-24 [&_textarea]:scroll-mb-24"
      onKeyDown={keys.onKeyDown}
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

      {capture.submittedElsewhere ? (
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
      {capture.deviceStorageFailed ? (
        <p role="alert" className="rounded-lg border border-danger bg-danger-subtle p-3 text-sm">
          This browser would not keep a copy on the device (private mode or full storage). Stay online until you submit.
        </p>
      ) : null}

      <StepProgress journey={journey} step={step} answers={answers} problems={problems} onJump={goTo} />

      <div className="hidden flex-wrap items-center gap-x-4 gap-y-1 text-xs text-fg-muted [@media(pointer:fine)]:flex">
        {shortcuts ? (
          <p id="capture-keys">
            Keys: <strong>1–3</strong> outcome, <strong>1–5</strong> importance, <strong>F</strong> feeling, <strong>C</strong> comment,{" "}
            <strong>N</strong> not encountered, <strong>A</strong> add unlisted, <strong>Enter</strong> next (on the review: submit), <strong>Shift+Enter</strong> back.
          </p>
        ) : null}
        <Checkbox label="Single-key shortcuts" checked={shortcuts} onChange={(event) => setShortcuts(event.target.checked)} />
      </div>

      <section aria-labelledby="capture-heading" className="flex flex-col gap-4" data-testid="capture-step" data-step={step}>
        {step === 0 ? (
          <CaptureStartStep
            workspaceId={workspaceId}
            state={state}
            update={update}
            attributeFields={attributeFields}
            segments={segments}
            quota={quota}
            problems={visibleProblems}
            shortcuts={shortcuts}
            searchRef={searchRef}
            onAdvance={() => nextRef.current?.focus()}
          />
        ) : touchpoint ? (
          <TouchpointStep
            key={touchpoint.id}
            touchpoint={touchpoint}
            answer={answerOf(touchpoint.id)}
            onChange={(change) => updateAnswer(touchpoint.id, change)}
            onSkip={keys.markNotEncountered}
            confirmingSkip={skipToConfirm === touchpoint.id}
            onConfirmingSkipChange={(open) => setSkipToConfirm(open ? touchpoint.id : null)}
            onAdvanceFrom={keys.advanceFrom}
            newKey={() => crypto.randomUUID()}
            shortcuts={shortcuts}
            problems={visibleProblems.filter((problem) => problem.touchpointId === touchpoint.id)}
            position={{ index: step, total }}
          />
        ) : step === total + 1 ? (
          <CaptureOverallStep state={state} update={update} shortcuts={shortcuts} />
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
            notice={notice}
            problemsRef={problemsRef}
          />
        )}
      </section>

      <div className="sticky bottom-0 z-10 -mx-4 flex items-center justify-between gap-3 border-t border-border bg-surface px-4 py-3 sm:mx-0 sm:rounded-lg sm:border" data-print="hide">
        <Button variant="secondary" onClick={() => goTo(step - 1)} disabled={step === 0} aria-keyshortcuts="Shift+Enter">
          Back
        </Button>
        {step < lastStep ? (
          <Button ref={nextRef} id="capture-next" onClick={() => goTo(step + 1)} aria-keyshortcuts="Enter" className="min-w-28">
            {step === lastStep - 1 ? "Review" : "Next"}
            <Kbd>Enter</Kbd>
          </Button>
        ) : field ? (
          <button type="button" onClick={field.leave} className="text-sm font-medium text-brand underline">
            Finish later
          </button>
        ) : (
          <Link href={`/w/${workspaceId}/interviews`} className="text-sm font-medium text-brand underline">
            Finish later
          </Link>
        )}
      </div>
    </div>
  );
}


"use client";

import type { Ref } from "react";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { FEELING_LABELS, MODE_LABELS, type Answer, type CaptureJourney, type InterviewDraft } from "@/lib/schemas/interview";
import type { Problem } from "@/lib/schemas/interview-submission";
import { describeRating } from "./options";
import { formatDay } from "./format";
import { touchpointStatus, STATUS_TEXT } from "./progress";

type Props = {
  journey: CaptureJourney;
  state: InterviewDraft;
  problems: Problem[];
  answers: Map<string, Answer>;
  onJump: (step: number) => void;
  onSubmit: () => void;
  submitting: boolean;
  purpose: "record" | "edit";
  /** A message under the button: why the last attempt did not go through, or that it waits for a connection. */
  notice: { tone: "error" | "info"; text: string } | null;
  /** The submit button. */
  submitRef?: Ref<HTMLButtonElement>;
  /** The heading of the list of problems, scrolled into view when they block the submission. */
  problemsRef?: Ref<HTMLHeadingElement>;
};

/** The last screen: what was recorded, what is still missing (with a way back to it), and submit. */
export function ReviewStep({ journey, state, problems, answers, onJump, onSubmit, submitting, purpose, notice, submitRef, problemsRef }: Props) {
  const skipped = journey.touchpoints
    .map((touchpoint, index) => ({ touchpoint, index }))
    .filter(({ touchpoint }) => touchpointStatus(answers.get(touchpoint.id), problems, touchpoint.id) === "skipped");
  const touchpointStep = new Map(journey.touchpoints.map((touchpoint, index) => [touchpoint.id, index + 1]));
  const respondent =
    state.respondent?.kind === "existing"
      ? state.respondent.code || "Chosen"
      : state.respondent?.kind === "new"
        ? state.respondent.profile.code.trim()
          ? `New: ${state.respondent.profile.code.trim().toUpperCase()}`
          : "New (code made on submitting)"
        : "Not chosen";

  return (
    <div className="flex flex-col gap-5">
      <header>
        <h2 id="capture-heading" tabIndex={-1} className="text-xl font-semibold">
          Review and {purpose === "edit" ? "save" : "submit"}
        </h2>
        <p className="text-sm text-fg-muted">Check the answers, fix anything listed below, then {purpose === "edit" ? "save the correction" : "submit"}.</p>
      </header>

      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-lg border border-border bg-surface p-4 text-sm">
        <dt className="text-fg-muted">Respondent</dt>
        <dd className="font-medium">{respondent}</dd>
        <dt className="text-fg-muted">Date</dt>
        <dd>{formatDay(state.conductedOn)}</dd>
        <dt className="text-fg-muted">Mode</dt>
        <dd>{state.mode ? MODE_LABELS[state.mode] : "Not chosen"}</dd>
        <dt className="text-fg-muted">Overall feeling</dt>
        <dd>{state.overallFeeling ? FEELING_LABELS[state.overallFeeling] : "Not recorded"}</dd>
      </dl>

      {problems.length > 0 ? (
        <section aria-labelledby="review-problems" className="rounded-lg border border-danger bg-danger-subtle p-4" data-testid="review-problems">
          <h3 id="review-problems" ref={problemsRef} tabIndex={-1} className="font-semibold text-danger-strong">
            {problems.length === 1 ? "1 thing to finish" : `${problems.length} things to finish`} before {purpose === "edit" ? "saving" : "submitting"}
          </h3>
          <ul className="mt-2 flex flex-col gap-2">
            {problems.map((problem, index) => (
              <li key={`${problem.path}-${index}`} className="flex flex-wrap items-center justify-between gap-2 text-sm">
                <span>{problem.message}</span>
                <Button
                  variant="secondary"
                  size="sm"
                  onClick={() => onJump(problem.touchpointId ? (touchpointStep.get(problem.touchpointId) ?? 0) : 0)}
                >
                  Go there<span className="sr-only">: {problem.message}</span>
                </Button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {!state.overallFeeling ? (
        <p className="rounded-md border border-border bg-surface-muted px-3 py-2 text-sm">
          No overall feeling recorded. That is allowed, but this interview is then left out of the asymmetry analysis.{" "}
          <button type="button" className="font-medium text-brand underline" onClick={() => onJump(journey.touchpoints.length + 1)}>
            Record it
          </button>
        </p>
      ) : null}

      <section aria-labelledby="review-touchpoints">
        <h3 id="review-touchpoints" className="mb-2 font-semibold">
          Touchpoints
        </h3>
        <ol className="flex flex-col gap-2">
          {journey.touchpoints.map((touchpoint, index) => {
            const answer = answers.get(touchpoint.id);
            const status = touchpointStatus(answer, problems, touchpoint.id);
            if (status === "skipped") return null;
            const listed = new Map(touchpoint.expectations.map((expectation) => [expectation.id, expectation.text]));
            const rated = [
              ...(answer?.ratings ?? []).map((rating) => ({ text: listed.get(rating.expectationId) ?? "", rating })),
              ...(answer?.volunteered ?? []).map((item) => ({ text: item.text ? `${item.text} (not listed)` : "(unlisted, no words yet)", rating: item })),
            ];
            return (
              <li key={touchpoint.id} className="rounded-lg border border-border bg-surface p-3">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div className="min-w-0">
                    <p className="font-medium">{touchpoint.name}</p>
                    <p className="text-xs text-fg-muted">
                      {touchpoint.stageName} · {touchpoint.channelName}
                    </p>
                  </div>
                  <div className="flex items-center gap-2">
                    <Badge tone={status === "incomplete" ? "missed" : status === "not-answered" ? "neutral" : status === "done" ? "exceeded" : "met"}>
                      {STATUS_TEXT[status]}
                    </Badge>
                    <Button variant="ghost" size="sm" onClick={() => onJump(index + 1)}>
                      Change<span className="sr-only"> {touchpoint.name}</span>
                    </Button>
                  </div>
                </div>
                {!answer?.skipped && rated.length > 0 ? (
                  <ul className="mt-2 flex flex-col gap-1 text-sm">
                    {rated.map(({ text, rating }, itemIndex) => (
                      <li key={itemIndex} className="flex flex-col sm:flex-row sm:justify-between sm:gap-4">
                        <span>{text}</span>
                        <span className="text-fg-muted">{describeRating(rating)}</span>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            );
          })}
        </ol>
        {skipped.length > 0 ? (
          <div className="mt-3 rounded-lg border border-border bg-surface p-3 text-sm">
            <p className="font-medium">Not encountered ({skipped.length})</p>
            <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1">
              {skipped.map(({ touchpoint, index }) => (
                <li key={touchpoint.id}>
                  <button type="button" className="min-h-8 text-left text-brand underline" onClick={() => onJump(index + 1)}>
                    {touchpoint.name}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>

      {state.notes ? (
        <section aria-labelledby="review-notes">
          <h3 id="review-notes" className="mb-1 font-semibold">
            Notes
          </h3>
          <p className="text-sm whitespace-pre-wrap">{state.notes}</p>
        </section>
      ) : null}

      <div className="flex flex-col gap-2">
        <Button ref={submitRef} id="capture-submit" size="md" className="h-12 w-full text-base sm:w-auto" onClick={onSubmit} loading={submitting} data-testid="submit-interview">
          {purpose === "edit" ? "Save the correction" : "Submit interview"}
        </Button>
        {/* Always in the page, so that screen readers announce what appears in it. */}
        <div aria-live="polite" data-testid="submit-notice">
          {notice ? (
            <p className={notice.tone === "error" ? "text-sm font-medium text-danger" : "text-sm text-fg-muted"}>{notice.text}</p>
          ) : null}
        </div>
      </div>
    </div>
  );
}

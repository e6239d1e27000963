"use client";

import { flushSync } from "react-dom";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { Answer, CaptureTouchpoint } from "@/lib/schemas/interview";
import type { Problem } from "@/lib/schemas/interview-submission";
import { EMPTY_RATING, RatingCard } from "./rating-card";
import { addVolunteered, applyRating, applyVolunteered, hasAnswers, ratingOf, removeVolunteered } from "./answers";

type Props = {
  touchpoint: CaptureTouchpoint;
  answer: Answer;
  onChange: (update: (answer: Answer) => Answer) => void;
  /** Marks it not encountered (clearing any answers); the interviewer then moves on with Next. */
  onSkip: () => void;
  /** Whether the question "clear the answers and mark not encountered?" is open; the screen's N key opens it too. */
  confirmingSkip: boolean;
  onConfirmingSkipChange: (open: boolean) => void;
  /** After a card's importance is picked by key: focus the next card (or the Next button). */
  onAdvanceFrom: (cardId: string) => void;
  newKey: () => string;
  shortcuts: boolean;
  problems: Problem[];
  position: { index: number; total: number };
};

/** Field errors of one card, from the submission's problems. */
function errorsFor(problems: Problem[], path: string) {
  const errors: { outcome?: string; importance?: string; text?: string } = {};
  for (const problem of problems) {
    if (!problem.path.startsWith(`${path}.`)) continue;
    const field = problem.path.slice(path.length + 1) as "outcome" | "importance" | "text";
    errors[field] ??= problem.message.replace(/^.*?: /, "");
  }
  return errors;
}

/** One touchpoint of the journey: the neutral question, then each expectation the customer held. */
export function TouchpointStep({
  touchpoint,
  answer,
  onChange,
  onSkip,
  confirmingSkip,
  onConfirmingSkipChange,
  onAdvanceFrom,
  newKey,
  shortcuts,
  problems,
  position,
}: Props) {
  const base = `touchpoints.${touchpoint.id}`;
  const general = problems.filter((problem) => problem.path === base);

  function requestSkip() {
    if (hasAnswers(answer)) onConfirmingSkipChange(true);
    else onSkip();
  }

  return (
    <div className="flex flex-col gap-4" data-testid="touchpoint-step">
      <header className="flex flex-col gap-1">
        <p className="text-sm text-fg-muted">
          Touchpoint {position.index} of {position.total} · {touchpoint.stageName} · {touchpoint.channelName}
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <h2 id="capture-heading" tabIndex={-1} className="text-xl font-semibold">
            {touchpoint.name}
          </h2>
          {touchpoint.momentOfTruth ? <Badge tone="moment-of-truth">Moment of truth</Badge> : null}
          {touchpoint.archived ? <Badge>Archived since</Badge> : null}
        </div>
        {touchpoint.description ? <p className="text-sm text-fg-muted">{touchpoint.description}</p> : null}
      </header>

      {touchpoint.prompt ? (
        <figure className="rounded-lg border-l-4 border-brand bg-brand-subtle px-4 py-3">
          <figcaption className="text-xs font-semibold tracking-wide text-fg-muted uppercase">Ask</figcaption>
          <blockquote className="text-base">“{touchpoint.prompt}”</blockquote>
        </figure>
      ) : null}

      {general.length > 0 ? (
        <p className="rounded-md border border-danger bg-danger-subtle px-3 py-2 text-sm text-danger-strong">
          {general.map((problem) => problem.message.replace(/^.*?: /, "")).join(" ")}
        </p>
      ) : null}

      {answer.skipped ? (
        <div className="flex flex-col items-start gap-3 rounded-lg border border-dashed border-border-strong bg-surface p-4">
          <p className="font-medium" data-testid="not-encountered-mark">
            Not encountered: they did not go through this touchpoint.
          </p>
          <p className="text-sm text-fg-muted">Next (or Enter) goes on to the next screen.</p>
          <Button variant="secondary" onClick={() => onChange((current) => ({ ...current, skipped: false }))} aria-keyshortcuts={shortcuts ? "N" : undefined}>
            Undo “not encountered”
            {shortcuts ? <Kbd>N</Kbd> : null}
          </Button>
        </div>
      ) : (
        <>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="text-sm text-fg-muted">For each expectation they held: the outcome and how much it mattered.</p>
            <Button variant="secondary" onClick={requestSkip} aria-keyshortcuts={shortcuts ? "N" : undefined} data-testid="not-encountered">
              Not encountered
              {shortcuts ? <Kbd>N</Kbd> : null}
            </Button>
          </div>
          {touchpoint.expectations.map((expectation) => {
            const id = `x-${expectation.id}`;
            return (
              <RatingCard
                key={expectation.id}
                idPrefix={id}
                text={expectation.text}
                value={ratingOf(answer, expectation.id)}
                onChange={(patch) => onChange((current) => applyRating(current, touchpoint, expectation.id, patch))}
                onClear={() => onChange((current) => applyRating(current, touchpoint, expectation.id, null))}
                onAdvance={() => onAdvanceFrom(id)}
                shortcuts={shortcuts}
                errors={errorsFor(problems, `${base}.expectations.${expectation.id}`)}
              />
            );
          })}
          {answer.volunteered.map((item) => {
            const id = `v-${item.key}`;
            return (
              <RatingCard
                key={item.key}
                idPrefix={id}
                text={item.text}
                value={item}
                onChange={(patch) => onChange((current) => applyVolunteered(current, item.key, patch))}
                onClear={() => onChange((current) => applyVolunteered(current, item.key, EMPTY_RATING))}
                onAdvance={() => onAdvanceFrom(id)}
                shortcuts={shortcuts}
                errors={errorsFor(problems, `${base}.volunteered.${item.key}`)}
                volunteered={{
                  onText: (text) => onChange((current) => applyVolunteered(current, item.key, { text })),
                  onRemove: () => onChange((current) => removeVolunteered(current, item.key)),
                }}
              />
            );
          })}
          <div>
            <Button
              variant="secondary"
              className="!h-auto min-h-10 !whitespace-normal py-2 text-left"
              data-testid="add-volunteered"
              aria-keyshortcuts={shortcuts ? "A" : undefined}
              onClick={() => {
                const key = newKey();
                // Rendered at once so its text box has the focus before the next key arrives.
                flushSync(() => onChange((current) => addVolunteered(current, key)));
                document.getElementById(`v-${key}-text`)?.focus();
              }}
            >
              Add something they expected that is not listed
              {shortcuts ? <Kbd>A</Kbd> : null}
            </Button>
          </div>
        </>
      )}

      <Dialog
        open={confirmingSkip}
        onClose={() => onConfirmingSkipChange(false)}
        title="Mark as not encountered?"
        footer={
          <>
            <Button variant="secondary" onClick={() => onConfirmingSkipChange(false)}>
              Keep the answers
            </Button>
            <Button
              variant="danger"
              data-autofocus
              onClick={() => {
                onConfirmingSkipChange(false);
                onSkip();
              }}
            >
              Clear them and mark not encountered
            </Button>
          </>
        }
      >
        <p className="text-sm">The answers recorded on {touchpoint.name} will be cleared.</p>
      </Dialog>
    </div>
  );
}

export function Kbd({ children }: { children: string }) {
  return (
    <kbd aria-hidden="true" className="hidden rounded border border-current px-1 font-mono text-xs [@media(pointer:fine)]:inline">
      {children}
    </kbd>
  );
}

"use client";

import { useState } from "react";
import { cn } from "@/components/ui/cn";
import type { Answer, CaptureJourney } from "@/lib/schemas/interview";
import type { Problem } from "@/lib/schemas/interview-submission";
import { plural } from "@/lib/plural";

export type TouchpointStatus = "not-answered" | "skipped" | "incomplete" | "done";

export const STATUS_TEXT: Record<TouchpointStatus, string> = {
  "not-answered": "Not answered yet",
  skipped: "Not encountered",
  incomplete: "Needs attention",
  done: "Done",
};

export function touchpointStatus(answer: Answer | undefined, problems: Problem[], touchpointId: string): TouchpointStatus {
  if (answer?.skipped && !problems.some((problem) => problem.touchpointId === touchpointId)) return "skipped";
  const recorded = (answer?.ratings.length ?? 0) + (answer?.volunteered.length ?? 0) > 0;
  if (!recorded) return answer?.skipped ? "incomplete" : "not-answered";
  return problems.some((problem) => problem.touchpointId === touchpointId) ? "incomplete" : "done";
}

const STATUS_MARK: Record<TouchpointStatus, string> = { "not-answered": "○", skipped: "–", incomplete: "!", done: "✓" };

type Props = {
  journey: CaptureJourney;
  step: number;
  answers: Map<string, Answer>;
  problems: Problem[];
  onJump: (step: number) => void;
};

/** Where the interview is (a bar and "n of N"), and a list of every screen to jump back to. */
export function StepProgress({ journey, step, answers, problems, onJump }: Props) {
  const [open, setOpen] = useState(false);
  const total = journey.touchpoints.length + 3;
  const visited = journey.touchpoints.filter((touchpoint) => {
    const status = touchpointStatus(answers.get(touchpoint.id), problems, touchpoint.id);
    return status === "done" || status === "skipped";
  }).length;
  const startProblems = problems.some((problem) => !problem.touchpointId);
  const steps = [
    { label: "Respondent, date and mode", status: startProblems ? "Needs attention" : "Done" },
    ...journey.touchpoints.map((touchpoint) => {
      const status = touchpointStatus(answers.get(touchpoint.id), problems, touchpoint.id);
      return { label: touchpoint.name, detail: `${touchpoint.stageName} · ${touchpoint.channelName}`, status: STATUS_TEXT[status], mark: STATUS_MARK[status] };
    }),
    { label: "Overall feeling and notes" },
    { label: "Review and submit" },
  ] as { label: string; detail?: string; status?: string; mark?: string }[];

  return (
    <nav aria-label="Interview progress" className="flex flex-col gap-2" data-print="hide">
      <div className="flex items-center justify-between gap-3 text-sm">
        <p>
          <span className="font-medium">
            Step {step + 1} of {total}
          </span>
          <span className="text-fg-muted">
            {" "}
            · {visited} of {plural(journey.touchpoints.length, "touchpoint")} answered
          </span>
        </p>
        <button
          type="button"
          aria-expanded={open}
          aria-controls="capture-steps"
          onClick={() => setOpen(!open)}
          className="min-h-10 shrink-0 rounded-md px-2 text-sm font-medium text-brand hover:underline"
        >
          {open ? "Hide steps" : "All steps"}
        </button>
      </div>
      <div
        className="h-2 overflow-hidden rounded-full bg-surface-sunken"
        role="progressbar"
        aria-label="Interview progress"
        aria-valuemin={1}
        aria-valuemax={total}
        aria-valuenow={step + 1}
        aria-valuetext={`Step ${step + 1} of ${total}`}
      >
        <div className="h-full rounded-full bg-brand transition-[width]" style={{ width: `${Math.round(((step + 1) / total) * 100)}%` }} />
      </div>
      <ol id="capture-steps" hidden={!open} className="flex max-h-[60vh] flex-col gap-1 overflow-y-auto rounded-lg border border-border bg-surface p-2">
        {steps.map((item, index) => (
          <li key={index}>
            <button
              type="button"
              onClick={() => {
                setOpen(false);
                onJump(index);
              }}
              aria-current={index === step ? "step" : undefined}
              className={cn(
                "flex min-h-11 w-full items-center gap-3 rounded-md px-2 py-1.5 text-left text-sm hover:bg-surface-muted",
                index === step && "bg-brand-subtle",
              )}
            >
              <span aria-hidden="true" className="w-4 shrink-0 text-center font-mono">
                {item.mark ?? index + 1}
              </span>
              <span className="flex min-w-0 flex-1 flex-col">
                <span className="truncate font-medium">{item.label}</span>
                {item.detail ? <span className="truncate text-xs text-fg-muted">{item.detail}</span> : null}
              </span>
              {item.status ? <span className="shrink-0 text-xs text-fg-muted">{item.status}</span> : null}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}

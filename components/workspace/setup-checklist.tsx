import Link from "next/link";
import type { ReactNode } from "react";
import type { SetupProgress } from "@/lib/types/workspace-setup";

type Step = { key: string; title: string; done: boolean; how: ReactNode };

/** The steps from an empty workspace to a first reading of the matrix, ticked from the data. */
export function setupSteps(workspaceId: string, progress: SetupProgress, canInvite: boolean): Step[] {
  const w = `/w/${workspaceId}`;
  const link = (href: string, text: string) => (
    <Link href={href} className="font-medium text-brand underline">
      {text}
    </Link>
  );
  const matrixMap = progress.matrixMapId ?? progress.busiestMapId;
  return [
    {
      key: "map",
      title: "Design a journey map",
      done: progress.hasMap,
      how: <>{link(`${w}/maps/new`, "Create your first map")} from a template or a blank grid, then lay out its stages, channels and touchpoints.</>,
    },
    {
      key: "active",
      title: "Make it active",
      done: progress.activeMapId !== null,
      how: <>Open the menu on the map&apos;s card and set its status to Active: interviewers can then record on it.</>,
    },
    {
      key: "team",
      title: "Invite your interviewers",
      done: progress.hasTeam,
      how: canInvite ? (
        <>{link(`${w}/members`, "Members")}: create an invitation link with the Interviewer role and send it to each of them.</>
      ) : (
        <>An admin of the workspace invites them from the Members page.</>
      ),
    },
    {
      key: "interview",
      title: "Record interviews",
      done: progress.hasInterview,
      how: <>{link(progress.activeMapId ? `${w}/interviews/new?map=${progress.activeMapId}` : `${w}/interviews/new`, "Record an interview")}, one customer at a time, touchpoint by touchpoint.</>,
    },
    {
      key: "matrix",
      title: "Read the priority matrix",
      done: progress.matrixMapId !== null,
      how: (
        <>
          Once a map has its minimum sample of interviews (30 unless its settings say otherwise), its{" "}
          {matrixMap ? link(`${w}/maps/${matrixMap}/matrix`, "priority matrix") : "priority matrix"} ranks the touchpoints to fix first.
        </>
      ),
    },
  ];
}

/** "Getting started" on the workspace home, until every step is done. */
export function SetupChecklist({ workspaceId, progress, canInvite }: { workspaceId: string; progress: SetupProgress; canInvite: boolean }) {
  const steps = setupSteps(workspaceId, progress, canInvite);
  const done = steps.filter((step) => step.done).length;
  if (done === steps.length) return null;
  return (
    <section aria-labelledby="setup-heading" className="mb-6 rounded-lg border border-border bg-surface p-4" data-testid="setup-checklist">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="setup-heading" className="text-base font-semibold">
          Getting started
        </h2>
        <p className="text-sm text-fg-muted">
          {done} of {steps.length} done
        </p>
      </div>
      <ol className="mt-3 flex flex-col gap-3">
        {steps.map((step, index) => (
          <li key={step.key} className="flex gap-3" data-testid="setup-step" data-step={step.key} data-done={step.done}>
            <span
              aria-hidden="true"
              className={
                step.done
                  ? "flex size-6 shrink-0 items-center justify-center rounded-full bg-success text-xs font-bold text-fg-inverse"
                  : "flex size-6 shrink-0 items-center justify-center rounded-full border border-border-strong text-xs text-fg-muted"
              }
            >
              {step.done ? "✓" : index + 1}
            </span>
            <div className="min-w-0">
              <p className={step.done ? "font-medium text-fg-muted line-through" : "font-medium"}>
                {step.title}
                <span className="sr-only">{step.done ? " (done)" : " (to do)"}</span>
              </p>
              {!step.done && <p className="text-sm text-fg-muted">{step.how}</p>}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireWorkspace } from "@/lib/workspace";
import { getInterview } from "@/lib/data/interviews";
import {
  FEELING_LABELS,
  IMPORTANCE_LABELS,
  MODE_LABELS,
  OUTCOME_LABELS,
  STATUS_LABELS,
  type Importance,
  type InterviewStatus,
} from "@/lib/schemas/interview";
import { LIFECYCLE_LABELS, VALUE_TIER_LABELS, type LifecycleStage, type ValueTier } from "@/lib/schemas/respondent";
import { PageHeader } from "@/components/ui/page-header";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { buttonClasses } from "@/components/ui/button";
import {
  DiscardDraftButton,
  ForgetLocalRecording,
  RestoreInterviewButton,
  VoidInterviewButton,
} from "@/components/interview/interview-actions";
import { LocalTime } from "@/components/interview/local-time";
import { formatDay } from "@/components/interview/format";

export const metadata: Metadata = { title: "Interview" };

const STATUS_TONE: Record<InterviewStatus, BadgeTone> = { DRAFT: "neutral", SUBMITTED: "exceeded", VOID: "missed" };
const OUTCOME_TONE = { MISSED: "missed", MET: "met", EXCEEDED: "exceeded" } as const;

const HISTORY_LABELS: Record<string, string> = {
  "interview.draft_start": "Started",
  "interview.submit": "Submitted",
  "interview.update": "Corrected",
  "interview.void": "Made void",
  "interview.restore": "Restored",
  "interview.draft_discard": "Draft discarded",
};

export default async function InterviewPage({ params, searchParams }: PageProps<"/w/[workspaceId]/interviews/[interviewId]">) {
  const { workspaceId, interviewId } = await params;
  const ctx = await requireWorkspace(workspaceId, "interview.record");
  const interview = await getInterview(ctx, interviewId);
  if (!interview) notFound();
  const flags = await searchParams;
  const base = `/w/${workspaceId}/interviews`;
  const title = interview.respondent ? `Interview with ${interview.respondent.code}` : "Interview";
  const continueDraft = interview.status === "DRAFT" && interview.own;

  const banner =
    interview.status === "SUBMITTED" && flags.submitted
      ? "Interview submitted. Thank you!"
      : interview.status === "SUBMITTED" && flags.already
        ? "This interview had already been submitted: nothing was recorded twice."
        : flags.saved
          ? "The correction is saved."
          : null;

  return (
    <>
      {interview.own && interview.status !== "DRAFT" ? (
        <ForgetLocalRecording userId={ctx.userId} workspaceId={workspaceId} interviewId={interview.id} />
      ) : null}
      <PageHeader
        eyebrow={<Link href={base}>Interviews</Link>}
        title={title}
        description={`${interview.map.name} · ${formatDay(interview.conductedOn)} · ${MODE_LABELS[interview.mode]} · by ${interview.interviewer.name}`}
        actions={
          <>
            {continueDraft ? (
              <Link href={`${base}/${interview.id}/capture`} className={buttonClasses("primary")}>
                Continue the interview
              </Link>
            ) : null}
            {continueDraft ? <DiscardDraftButton workspaceId={workspaceId} interviewId={interview.id} userId={ctx.userId} /> : null}
            {interview.canEdit ? (
              <Link href={`${base}/${interview.id}/edit`} className={buttonClasses("secondary")}>
                Correct
              </Link>
            ) : null}
            {interview.canCurate && interview.status !== "VOID" ? <VoidInterviewButton workspaceId={workspaceId} interviewId={interview.id} /> : null}
            {interview.canCurate && interview.status === "VOID" ? <RestoreInterviewButton workspaceId={workspaceId} interviewId={interview.id} /> : null}
          </>
        }
      />

      <div className="mt-6 flex flex-col gap-6">
        {banner ? (
          <div role="status" className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-success bg-success-subtle px-4 py-3">
            <p className="font-medium">{banner}</p>
            {interview.map.status === "ACTIVE" && !flags.saved ? (
              <Link href={`${base}/new?map=${interview.map.id}`} className={buttonClasses("primary", "sm")}>
                Record another interview
              </Link>
            ) : null}
          </div>
        ) : null}

        <div className="flex flex-wrap items-center gap-3 text-sm">
          <Badge tone={STATUS_TONE[interview.status]}>{STATUS_LABELS[interview.status]}</Badge>
          {interview.status === "VOID" && interview.voidReason ? <span>Reason: {interview.voidReason}</span> : null}
          {interview.editUntil && interview.canEdit ? (
            <span className="text-fg-muted">
              You can correct it until <LocalTime iso={interview.editUntil.toISOString()} />.
            </span>
          ) : null}
          {interview.editUntil && !interview.canEdit && interview.status === "SUBMITTED" ? (
            <span className="text-fg-muted">The 24 hours for corrections are over; an analyst can still correct it.</span>
          ) : null}
        </div>

        {interview.status === "DRAFT" ? (
          <Card title="In progress" description="A draft is not part of any analysis until it is submitted.">
            <p className="text-sm">
              Last saved <LocalTime iso={interview.updatedAt.toISOString()} />.
            </p>
          </Card>
        ) : null}

        <div className="grid gap-4 md:grid-cols-2">
          <Card as="section" title="Respondent" headingLevel={2}>
            {interview.respondent ? (
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                <dt className="text-fg-muted">Code</dt>
                <dd className="font-mono">{interview.respondent.code}</dd>
                <dt className="text-fg-muted">Segment</dt>
                <dd>{interview.respondent.segment ?? "None"}</dd>
                <dt className="text-fg-muted">Lifecycle stage</dt>
                <dd>{LIFECYCLE_LABELS[interview.respondent.lifecycleStage as LifecycleStage]}</dd>
                <dt className="text-fg-muted">Value tier</dt>
                <dd>{VALUE_TIER_LABELS[interview.respondent.valueTier as ValueTier]}</dd>
              </dl>
            ) : (
              <p className="text-sm text-fg-muted">Not chosen yet.</p>
            )}
          </Card>
          <Card as="section" title="Overall" headingLevel={2}>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-fg-muted">Feeling about the company</dt>
              <dd>{interview.overallFeeling ? FEELING_LABELS[interview.overallFeeling] : "Not recorded"}</dd>
              <dt className="text-fg-muted">Touchpoints</dt>
              <dd>
                {interview.touchpoints.length} encountered
                {interview.status !== "DRAFT" ? `, ${interview.skipped} not` : ""}
              </dd>
              {interview.submittedAt ? (
                <>
                  <dt className="text-fg-muted">Submitted</dt>
                  <dd>
                    <LocalTime iso={interview.submittedAt.toISOString()} />
                  </dd>
                </>
              ) : null}
            </dl>
            {interview.notes ? <p className="mt-3 text-sm whitespace-pre-wrap">{interview.notes}</p> : null}
          </Card>
        </div>

        {interview.touchpoints.length > 0 ? (
          <section aria-labelledby="observations-heading" className="flex flex-col gap-3">
            <h2 id="observations-heading" className="text-lg font-semibold">
              What they expected
            </h2>
            <ol className="flex flex-col gap-3">
              {interview.touchpoints.map((touchpoint) => (
                <li key={touchpoint.id} className="rounded-lg border border-border bg-surface p-4">
                  <h3 className="font-semibold">{touchpoint.name}</h3>
                  <p className="text-xs text-fg-muted">
                    {touchpoint.stageName} · {touchpoint.channelName}
                  </p>
                  <ul className="mt-3 flex flex-col divide-y divide-border">
                    {touchpoint.observations.map((observation) => (
                      <li key={observation.expectationId} className="flex flex-col gap-1 py-2 sm:flex-row sm:items-start sm:justify-between sm:gap-4">
                        <div className="min-w-0">
                          <p className="text-sm">
                            {observation.text}
                            {observation.volunteered ? <span className="text-fg-muted"> (not listed)</span> : null}
                          </p>
                          {observation.comment ? <p className="text-sm text-fg-muted">“{observation.comment}”</p> : null}
                        </div>
                        <div className="flex flex-wrap items-center gap-2 text-sm sm:justify-end">
                          <Badge tone={OUTCOME_TONE[observation.outcome]}>{OUTCOME_LABELS[observation.outcome]}</Badge>
                          <span>
                            {observation.importance} {IMPORTANCE_LABELS[observation.importance as Importance].toLowerCase()}
                          </span>
                          {observation.feeling ? <span className="text-fg-muted">{FEELING_LABELS[observation.feeling]}</span> : null}
                        </div>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          </section>
        ) : null}

        {interview.history.length > 0 ? (
          <section aria-labelledby="history-heading">
            <h2 id="history-heading" className="mb-2 text-lg font-semibold">
              History
            </h2>
            <ol className="flex flex-col gap-1 text-sm">
              {interview.history.map((entry) => (
                <li key={entry.id}>
                  <LocalTime iso={entry.createdAt.toISOString()} />: {HISTORY_LABELS[entry.action] ?? entry.action} by {entry.actorName ?? "the system"}
                  {entry.reason ? <span className="text-fg-muted"> ({entry.reason})</span> : null}
                </li>
              ))}
            </ol>
          </section>
        ) : null}
      </div>
    </>
  );
}

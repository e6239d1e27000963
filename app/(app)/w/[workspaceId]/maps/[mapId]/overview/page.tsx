import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { requireWorkspace } from "@/lib/workspace";
import { getMapForAnalysis } from "@/lib/data/analysis";
import { getOverview } from "@/lib/data/analysis-insight";
import { plural } from "@/lib/plural";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Progress } from "@/components/journey/map-card";
import { formatNumber, formatPercent, formatSigned } from "@/components/matrix/format";
import { CHANGE_LABEL, CLASS_LABEL, CLASS_TONE, formatDay, formatP } from "@/components/insight/format";
import { consistencySentence } from "@/components/insight/consistency-table";

export const metadata: Metadata = { title: "Overview" };

// The whole map, unfiltered: what a manager reads first. Each item links to the view that
// explains it.
export default async function OverviewPage({ params }: PageProps<"/w/[workspaceId]/maps/[mapId]/overview">) {
  const { workspaceId, mapId } = await params;
  const ctx = await requireWorkspace(workspaceId, "analysis.view");
  const map = await getMapForAnalysis(ctx, mapId);
  if (!map) notFound();
  const overview = await getOverview(ctx, map);
  const base = `/w/${workspaceId}/maps/${mapId}`;
  const detail = (id: string) => `${base}/matrix/${id}`;
  const { progress, period, changes, matrix } = overview;
  const inconsistent = overview.consistency.filter((stage) => stage.flagged);

  return (
    <>
      <PageHeader
        title="Overview"
        description={
          period.first
            ? `What this map has found, from ${plural(matrix.interviews, "interview")} conducted ${formatDay(period.first)} to ${formatDay(period.last)}.`
            : "What this map has found. Nothing yet: the overview fills in as interviews are submitted."
        }
      />
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Section id="targets" title="Interviews so far">
          <p className="text-sm">
            <strong>{progress.submitted.toLocaleString("en")}</strong>
            {progress.target ? ` of the target of ${progress.target.toLocaleString("en")} interviews` : " interviews (no target set)"}
          </p>
          {progress.target !== null && <Progress label="Interviews toward the map's target" value={progress.submitted} max={progress.target} />}
          {progress.segments.length > 0 && (
            <ul className="mt-3 flex flex-col gap-1.5" aria-label="Interviews per segment quota">
              {progress.segments.map((segment) => (
                <li key={segment.segment} className="text-xs text-fg-muted">
                  <span className="flex justify-between gap-2">
                    <span>{segment.segment}</span>
                    <span className="tabular-nums">
                      {segment.done} of {segment.target}
                    </span>
                  </span>
                  <Progress label={`${segment.segment}: interviews toward the quota`} value={segment.done} max={segment.target} thin />
                </li>
              ))}
            </ul>
          )}
        </Section>

        <Section
          id="alerts"
          title="What changed in the last four weeks"
          lead={`Miss rate from ${formatDay(changes.windows.latest.start)} to ${formatDay(changes.windows.latest.end)} against the 28 days before; listed when the change is at least 5 points and significant (p < 0.05).`}
        >
          {changes.alerts.length === 0 ? (
            <p className="text-sm">No touchpoint&apos;s miss rate changed clearly.</p>
          ) : (
            <ul className="space-y-2 text-sm" data-testid="overview-alerts">
              {changes.alerts.map((alert) => (
                <li key={alert.touchpointId}>
                  <Badge tone={alert.status === "WORSENED" ? "missed" : "exceeded"}>{CHANGE_LABEL[alert.status]}</Badge>{" "}
                  <Link href={detail(alert.touchpointId)} className="font-medium underline">
                    {alert.name}
                  </Link>
                  <span className="text-fg-muted">
                    {" "}
                    ({alert.stageName} · {alert.channelName}): missed {formatPercent(alert.latestRate)} of {alert.latest.n.toLocaleString("en")} times,
                    against {formatPercent(alert.previousRate)} of {alert.previous.n.toLocaleString("en")} before ({formatSigned(alert.delta, 0)} points,{" "}
                    {formatP(alert.p)})
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Section>

        <Section
          id="fix-first"
          title="Fix first"
          lead="The top of the fix list: where missed expectations cost the most, weighing how many customers pass, how often it fails and how much it matters."
          more={{ href: `${base}/matrix`, label: "The whole fix list and the priority matrix" }}
        >
          {overview.fixList.length === 0 ? (
            <p className="text-sm">No touchpoint has observations yet.</p>
          ) : (
            <ol className="list-decimal space-y-2 pl-5 text-sm" data-testid="overview-fix-list">
              {overview.fixList.map((point) => (
                <li key={point.id}>
                  <Link href={detail(point.id)} className="font-medium underline">
                    {point.name}
                  </Link>{" "}
                  <span className="text-fg-muted">
                    weighted pain {formatNumber(point.weightedPain)}, missed {formatPercent(point.missRate?.rate)} of {point.n.toLocaleString("en")} times
                  </span>{" "}
                  <Badge tone={CLASS_TONE[point.asymmetry.kind]}>{CLASS_LABEL[point.asymmetry.kind]}</Badge>
                </li>
              ))}
            </ol>
          )}
        </Section>

        <Section
          id="failing-basics"
          title="Basics that are failing"
          lead="Customers take these for granted and they perform below the rest: every miss costs goodwill, and exceeding them earns nothing."
          more={{ href: `${base}/asymmetry`, label: "Basics and delighters explained" }}
        >
          {overview.failingBasics.length === 0 ? (
            <p className="text-sm">No basic performs below the crosshair.</p>
          ) : (
            <ul className="space-y-2 text-sm" data-testid="overview-failing-basics">
              {overview.failingBasics.map((point) => (
                <li key={point.id}>
                  <Link href={`${base}/asymmetry#failing-basics`} className="font-medium underline">
                    {point.name}
                  </Link>{" "}
                  <span className="text-fg-muted">
                    performance {formatSigned(point.performance.value)}, impact asymmetry {formatSigned(point.asymmetry.ia, 2)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Section>

        <Section
          id="inconsistent"
          title="Where the channels disagree"
          lead={`Stages where one channel's performance is more than ${map.consistencyThreshold} points behind another's.`}
          more={{ href: `${base}/consistency`, label: "Every stage, channel by channel" }}
        >
          {inconsistent.length === 0 ? (
            <p className="text-sm">Every stage performs alike across its channels.</p>
          ) : (
            <ul className="space-y-2 text-sm" data-testid="overview-inconsistent">
              {inconsistent.map((stage) => (
                <li key={stage.stageId}>
                  <Link href={`${base}/consistency#stage-${stage.stageId}`} className="font-medium underline">
                    {stage.stageName}
                  </Link>
                  <span className="text-fg-muted">: {consistencySentence(stage)}.</span>
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>
      {matrix.interviews === 0 && (
        <EmptyState
          className="mt-6"
          title="No interviews yet"
          description="The findings appear once interviews on this map are submitted."
        />
      )}
    </>
  );
}

function Section({
  id,
  title,
  lead,
  more,
  children,
}: {
  id: string;
  title: string;
  lead?: string;
  more?: { href: string; label: string };
  children: ReactNode;
}) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="flex flex-col rounded-lg border border-border bg-surface p-4">
      <h2 id={`${id}-title`} className="text-base font-semibold">
        {title}
      </h2>
      {lead && <p className="mt-1 mb-3 text-sm text-fg-muted">{lead}</p>}
      <div className={lead ? "" : "mt-3"}>{children}</div>
      {more && (
        <p className="mt-auto pt-3 text-sm">
          <Link href={more.href} className="underline">
            {more.label} →
          </Link>
        </p>
      )}
    </section>
  );
}

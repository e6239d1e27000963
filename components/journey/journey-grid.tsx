import type { Journey, JourneyTouchpoint } from "@/lib/types/maps";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";

/**
 * How one touchpoint card is coloured once the analysis exists (by performance or by
 * quadrant). The words are the meaning; the colour only repeats them.
 */
export type TouchpointHighlight = {
  tone: Exclude<BadgeTone, "moment-of-truth">;
  /** e.g. "Concentrate here" or "Falls short". */
  label: string;
  /** Observations in the current filter, shown instead of the all-time n; null hides n. */
  n?: number | null;
  /** Extra figures shown on the card, e.g. [{ label: "reach", value: "62%" }]. */
  figures?: { label: string; value: string }[];
};

// Literal class names, so that Tailwind generates them.
const TONE_CARD: Record<TouchpointHighlight["tone"], string> = {
  neutral: "border-dashed border-border-strong bg-surface",
  missed: "border-missed bg-missed-subtle",
  met: "border-met-fg bg-met-subtle",
  exceeded: "border-exceeded bg-exceeded-subtle",
  "fix-first": "border-fix-first bg-fix-first-subtle",
  "keep-up": "border-keep-up bg-keep-up-subtle",
  "back-burner": "border-back-burner-fg bg-back-burner-subtle",
  overkill: "border-overkill-fg bg-overkill-subtle",
};

/** A finding about a whole stage, marked on its column header (e.g. channels that disagree). */
export type StageMarker = {
  label: string;
  /** One sentence saying what was found. */
  description: string;
  /** Where it is explained. */
  href: string;
};

/** The read-only journey: stages as columns, channels as rows, touchpoints in their cells. */
export function JourneyGrid({
  journey,
  highlights,
  stageMarkers,
}: {
  journey: Journey;
  highlights?: Record<string, TouchpointHighlight>;
  stageMarkers?: Record<string, StageMarker>;
}) {
  const cell = (stageId: string, channelId: string) =>
    journey.touchpoints
      .filter((touchpoint) => touchpoint.stageId === stageId && touchpoint.channelId === channelId)
      .sort((a, b) => a.position - b.position);
  return (
    <div
      className="overflow-x-auto rounded-lg border border-border bg-surface"
      role="region"
      aria-label={`Journey of ${journey.map.name}, scrolls sideways`}
      tabIndex={0}
      data-print="expand"
    >
      <table className="w-full min-w-[48rem] table-fixed border-collapse text-sm">
        <caption className="sr-only">Touchpoints of {journey.map.name} by stage and channel</caption>
        <thead>
          <tr>
            <th scope="col" className="w-28 border-b border-border bg-surface-muted p-3 text-left font-medium text-fg-muted">
              Channel
            </th>
            {journey.stages.map((stage) => (
              <th key={stage.id} scope="col" className="border-b border-l border-border bg-surface-muted p-3 text-left font-semibold">
                {stage.name}
                {stageMarkers?.[stage.id] && (
                  <a
                    href={stageMarkers[stage.id]!.href}
                    className="mt-1 block text-xs font-normal no-underline"
                    data-testid="stage-marker"
                    title={stageMarkers[stage.id]!.description}
                  >
                    <Badge tone="missed" className="!whitespace-normal">
                      {stageMarkers[stage.id]!.label}
                    </Badge>
                    <span className="mt-1 block text-fg-muted underline">{stageMarkers[stage.id]!.description}</span>
                  </a>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {journey.channels.map((channel) => (
            <tr key={channel.id}>
              <th scope="row" className="border-b border-border bg-surface-muted p-3 text-left align-top font-semibold">
                {channel.name}
              </th>
              {journey.stages.map((stage) => (
                <td key={stage.id} className="border-b border-l border-border p-2 align-top">
                  <ul className="space-y-2">
                    {cell(stage.id, channel.id).map((touchpoint) => (
                      <li key={touchpoint.id}>
                        <JourneyCard touchpoint={touchpoint} highlight={highlights?.[touchpoint.id]} />
                      </li>
                    ))}
                  </ul>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One touchpoint of the journey: its name, n, expectations, and whether it is a moment of truth. */
export function JourneyCard({ touchpoint, highlight }: { touchpoint: JourneyTouchpoint; highlight?: TouchpointHighlight }) {
  return (
    <div
      className={cn(
        "rounded-md border p-2 break-words",
        highlight ? TONE_CARD[highlight.tone] : "border-border bg-surface-muted",
        touchpoint.momentOfTruth && "border-l-4 border-l-moment-of-truth",
      )}
      data-testid="journey-touchpoint"
    >
      <p className="font-medium">{touchpoint.name}</p>
      <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-fg-muted">
        {highlight?.n !== null && <span>n = {(highlight?.n ?? touchpoint.observations).toLocaleString("en")}</span>}
        <span>
          {touchpoint.expectations} expectation{touchpoint.expectations === 1 ? "" : "s"}
        </span>
        {touchpoint.ownerTeam && <span>{touchpoint.ownerTeam}</span>}
        {highlight?.figures?.map((figure) => (
          <span key={figure.label}>
            {figure.label} {figure.value}
          </span>
        ))}
      </p>
      {(touchpoint.momentOfTruth || highlight) && (
        <p className="mt-1.5 flex flex-wrap gap-1">
          {highlight && (
            // The label may be long ("Concentrate here (uncertain)"): it wraps inside the card rather than widen the grid.
            <Badge tone={highlight.tone} className="!whitespace-normal">
              {highlight.label}
            </Badge>
          )}
          {touchpoint.momentOfTruth && <Badge tone="moment-of-truth">Moment of truth</Badge>}
        </p>
      )}
    </div>
  );
}

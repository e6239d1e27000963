import type { Crosshair } from "@/lib/analysis/quadrant";
import { Badge } from "@/components/ui/badge";
import { formatNumber, formatSigned, QUADRANT_LABEL, QUADRANT_TONE } from "@/components/matrix/format";
import { PERFORMANCE_LEGEND, type ColourMode } from "./colouring";
import { plural } from "@/lib/plural";

const QUADRANT_MEANING = {
  FIX_FIRST: "important, performing below the crosshair",
  KEEP_UP: "important, performing well",
  BACK_BURNER: "less important, performing below the crosshair",
  OVERKILL: "less important, performing well",
} as const;

/** What the colours of the journey's cards mean, in words. */
export function ColourLegend({ colour, minSample, crosshair }: { colour: ColourMode; minSample: number; crosshair: Crosshair }) {
  if (colour === "none") return null;
  return (
    <div className="rounded-md border border-border bg-surface p-3 text-sm" data-testid="colour-legend">
      {colour === "performance" ? (
        <p className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <span className="font-medium">Performance P, net % exceeded minus % missed:</span>
          {PERFORMANCE_LEGEND.map((entry) => (
            <span key={entry.tone} className="flex items-center gap-1.5">
              <Badge tone={entry.tone}>{entry.label}</Badge>
              <span className="text-fg-muted">{entry.meaning}</span>
            </span>
          ))}
        </p>
      ) : (
        <>
          <p className="flex flex-wrap items-center gap-x-4 gap-y-2">
            {(["FIX_FIRST", "KEEP_UP", "BACK_BURNER", "OVERKILL"] as const).map((quadrant) => (
              <span key={quadrant} className="flex items-center gap-1.5">
                <Badge tone={QUADRANT_TONE[quadrant]}>{QUADRANT_LABEL[quadrant]}</Badge>
                <span className="text-fg-muted">{QUADRANT_MEANING[quadrant]}</span>
              </span>
            ))}
          </p>
          <p className="mt-2 text-fg-muted">
            Crosshairs at importance {formatNumber(crosshair.importance, 2)} and performance {formatSigned(crosshair.performance)}
            {crosshair.source === "data" ? ", the means of the touchpoints with enough data" : ", the centre of the scales"}.
            &ldquo;Uncertain&rdquo; means a 95% interval crosses a crosshair.
          </p>
        </>
      )}
      <p className="mt-2 text-fg-muted">
        Uncoloured cards with a dashed outline have fewer than {plural(minSample, "observation")} in this view, or are outside the filter.
      </p>
    </div>
  );
}

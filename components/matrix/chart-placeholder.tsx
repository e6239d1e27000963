import { Spinner } from "@/components/ui/spinner";

/** The matrix chart's plot height; its placeholder takes the same, so nothing moves when it arrives. */
export const MATRIX_CHART_HEIGHT = 400;
/** The same for the performance-by-week chart of a touchpoint. */
export const TREND_CHART_HEIGHT = 220;

/**
 * Holds a chart's place while its code loads (the charting library arrives after the page,
 * so the filter, the figures and the fix list come first).
 */
export function ChartPlaceholder({ height, label }: { height: number; label: string }) {
  return (
    <div
      className="flex items-center justify-center rounded-md bg-surface-muted"
      style={{ height }}
      data-testid="chart-placeholder"
    >
      <Spinner label={label} showLabel />
    </div>
  );
}

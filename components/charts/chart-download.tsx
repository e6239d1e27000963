"use client";

import { useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { chartFileName, chartSvg, saveFile, svgToPng } from "@/components/charts/chart-image";

/**
 * A chart with "PNG" and "SVG" buttons that save it as drawn, with its title and filter line.
 * Wraps any chart that draws one SVG (the hand-drawn matrix, recharts charts); `selector` picks
 * the chart's SVG when the chart holds others (icons).
 */
export function ChartDownload({
  title,
  filterLine,
  selector = "svg",
  children,
}: {
  title: string;
  filterLine: string;
  selector?: string;
  children: ReactNode;
}) {
  const frame = useRef<HTMLDivElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(format: "png" | "svg") {
    const svg = frame.current?.querySelector<SVGSVGElement>(selector);
    if (!svg) {
      setProblem("The chart is still loading; try again in a moment.");
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      const { markup, width, height } = chartSvg(svg, title, filterLine);
      const blob = format === "svg" ? new Blob([markup], { type: "image/svg+xml" }) : await svgToPng(markup, width, height);
      saveFile(blob, chartFileName(title, format));
    } catch (error) {
      setProblem(error instanceof Error ? error.message : "The chart could not be saved.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <figure className="m-0" data-testid="chart-figure">
      <div ref={frame}>{children}</div>
      <figcaption className="mt-1 flex flex-wrap items-center justify-end gap-2 text-xs text-fg-muted" data-print="hide">
        <span>Save the chart:</span>
        <Button variant="secondary" size="sm" onClick={() => save("png")} disabled={busy} aria-label={`Save ${title} as PNG`}>
          PNG
        </Button>
        <Button variant="secondary" size="sm" onClick={() => save("svg")} disabled={busy} aria-label={`Save ${title} as SVG`}>
          SVG
        </Button>
        {problem && (
          <span role="status" className="text-danger">
            {problem}
          </span>
        )}
      </figcaption>
    </figure>
  );
}

"use client";

import { useState } from "react";
import Link from "next/link";
import type { MatrixPoint } from "@/lib/types/analysis";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { QUADRANT_LABEL, QUADRANT_TONE, formatInterval, formatNumber, formatPercent, formatSigned } from "@/components/matrix/format";
import { CLASS_LABEL, CLASS_TONE } from "@/components/insight/format";

type SortKey = "rank" | "name" | "reach" | "importance" | "performance" | "missRate" | "pain" | "gap";

const VALUE: Record<Exclude<SortKey, "rank" | "name">, (point: MatrixPoint) => number | null> = {
  reach: (point) => point.reach,
  importance: (point) => point.importance.mean,
  performance: (point) => point.performance.value,
  missRate: (point) => point.missRate?.rate ?? null,
  pain: (point) => point.weightedPain,
  gap: (point) => point.gap,
};

/**
 * The fix list: touchpoints ranked by weighted pain (the server's order), sortable by any
 * column. Selecting a row highlights (and labels) its point on the chart, and focusing a point
 * selects its row. The quadrant, n, owner, moment of truth and the three-factor class (with its
 * impact asymmetry) sit under the name, so the list fits beside the chart.
 */
export function FixListTable({
  ranked,
  selectedId,
  onSelect,
  detailHref,
}: {
  ranked: MatrixPoint[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  detailHref: (id: string) => string;
}) {
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: "rank", descending: false });
  const rank = new Map(ranked.map((point, index) => [point.id, index + 1]));
  const rows = [...ranked];
  if (sort.key === "name") rows.sort((a, b) => a.name.localeCompare(b.name, "en"));
  else if (sort.key !== "rank") {
    const value = VALUE[sort.key];
    rows.sort((a, b) => (value(a) ?? -Infinity) - (value(b) ?? -Infinity));
  }
  if (sort.descending) rows.reverse();

  function header(key: SortKey, label: string, options: { numeric?: boolean; firstDescending?: boolean; describedBy?: string } = {}) {
    const { numeric = true, firstDescending = true, describedBy } = options;
    const active = sort.key === key;
    return (
      <Th
        numeric={numeric}
        className="!px-1.5 !tracking-normal !whitespace-normal !normal-case"
        aria-describedby={describedBy}
        sort={active ? (sort.descending ? "descending" : "ascending") : "none"}
        onSort={() => setSort(active ? { key, descending: !sort.descending } : { key, descending: firstDescending })}
      >
        {label}
      </Th>
    );
  }

  return (
    <Table caption="Fix list: touchpoints ranked by weighted pain" captionHidden className="!text-[13px]">
      <THead>
        <Tr>
          {header("rank", "#", { firstDescending: false })}
          {header("name", "Touchpoint", { numeric: false, firstDescending: false })}
          {header("reach", "Reach")}
          {header("importance", "Impor\u00adtance")}
          {header("performance", "Perfor\u00admance")}
          {header("missRate", "Miss rate")}
          {header("pain", "Weighted pain", { describedBy: "legend-weighted-pain" })}
          {header("gap", "Gap", { describedBy: "legend-gap" })}
        </Tr>
      </THead>
      <TBody>
        {rows.map((point) => {
          const selected = point.id === selectedId;
          return (
            <Tr
              key={point.id}
              data-testid="fix-list-row"
              aria-selected={selected}
              className={cn("cursor-pointer", selected && "bg-brand-subtle")}
              onClick={() => onSelect(point.id)}
            >
              <Td numeric className="!px-2">
                {rank.get(point.id)}
              </Td>
              <Td className="!px-2">
                <Link
                  href={detailHref(point.id)}
                  className="font-medium underline-offset-2 hover:underline"
                  onClick={(event) => event.stopPropagation()}
                  onFocus={() => onSelect(point.id)}
                >
                  {point.name}
                </Link>
                <span className="block text-xs text-fg-muted">
                  {point.stageName} · {point.channelName} · n = {point.n.toLocaleString("en")}
                  {point.ownerTeam ? ` · ${point.ownerTeam}` : ""}
                </span>
                <span className="mt-1 flex flex-wrap gap-1">
                  {point.insufficient ? (
                    <Badge>Insufficient data</Badge>
                  ) : point.quadrant ? (
                    <Badge tone={QUADRANT_TONE[point.quadrant]} className="!whitespace-normal">
                      {QUADRANT_LABEL[point.quadrant]}
                      {point.uncertain ? " (uncertain)" : ""}
                    </Badge>
                  ) : null}
                  {point.momentOfTruth && <Badge tone="moment-of-truth">Moment of truth</Badge>}
                  <Badge tone={CLASS_TONE[point.asymmetry.kind]} className="!whitespace-normal" data-testid="fix-list-class">
                    {CLASS_LABEL[point.asymmetry.kind]}
                    {point.asymmetry.ia === null ? "" : `, IA ${formatSigned(point.asymmetry.ia, 2)}`}
                  </Badge>
                </span>
              </Td>
              <Td numeric className="!px-2">
                {formatPercent(point.reach)}
              </Td>
              <Td numeric className="!px-2">
                {formatNumber(point.importance.mean, 2)}
              </Td>
              <Td numeric className="!px-2">
                {formatSigned(point.performance.value)}
              </Td>
              <Td numeric className="!px-2">
                {formatPercent(point.missRate?.rate)}
                <span className="block text-xs text-fg-muted">
                  {formatInterval(point.missRate?.lower, point.missRate?.upper, (v) => formatPercent(v), "–")}
                </span>
              </Td>
              <Td numeric className="!px-2 font-semibold">
                {formatNumber(point.weightedPain)}
              </Td>
              <Td numeric className="!px-2">
                {formatSigned(point.gap)}
              </Td>

            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}

"use client";

import { useState } from "react";
import Link from "next/link";
import type { MatrixPoint } from "@/lib/types/analysis";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { QUADRANT_LABEL, QUADRANT_TONE, formatInterval, formatNumber, formatPercent, formatSigned } from "@/components/matrix/format";

type SortKey = "rank" | "name" | "n" | "reach" | "importance" | "performance" | "missRate" | "pain" | "gap";

const VALUE: Record<Exclude<SortKey, "rank" | "name">, (point: MatrixPoint) => number | null> = {
  n: (point) => point.n,
  reach: (point) => point.reach,
  importance: (point) => point.importance.mean,
  performance: (point) => point.performance.value,
  missRate: (point) => point.missRate?.rate ?? null,
  pain: (point) => point.weightedPain,
  gap: (point) => point.gap,
};

/**
 * The fix list: touchpoints ranked by weighted pain (the server's order), sortable by any
 * column. Selecting a row highlights its point on the chart, and the reverse.
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

  function header(key: SortKey, label: string, numeric = true, firstDescending = true) {
    const active = sort.key === key;
    return (
      <Th
        numeric={numeric}
        sort={active ? (sort.descending ? "descending" : "ascending") : "none"}
        onSort={() => setSort(active ? { key, descending: !sort.descending } : { key, descending: firstDescending })}
      >
        {label}
      </Th>
    );
  }

  return (
    <Table caption="Fix list: touchpoints ranked by weighted pain" captionHidden>
      <THead>
        <Tr>
          {header("rank", "#", true, false)}
          {header("name", "Touchpoint", false, false)}
          <Th>Quadrant</Th>
          {header("n", "n")}
          {header("reach", "Reach")}
          {header("importance", "Importance")}
          {header("performance", "Performance")}
          {header("missRate", "Miss rate")}
          {header("pain", "Weighted pain")}
          {header("gap", "Gap")}
          <Th>Owner</Th>
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
              <Td numeric>{rank.get(point.id)}</Td>
              <Td>
                <Link
                  href={detailHref(point.id)}
                  className="font-medium underline-offset-2 hover:underline"
                  onClick={(event) => event.stopPropagation()}
                  onFocus={() => onSelect(point.id)}
                >
                  {point.name}
                </Link>
                <span className="block text-xs text-fg-muted">
                  {point.stageName} · {point.channelName}
                </span>
                {point.momentOfTruth && (
                  <Badge tone="moment-of-truth" className="mt-1">
                    Moment of truth
                  </Badge>
                )}
              </Td>
              <Td>
                {point.insufficient ? (
                  <Badge>Insufficient data</Badge>
                ) : point.quadrant ? (
                  <Badge tone={QUADRANT_TONE[point.quadrant]}>{QUADRANT_LABEL[point.quadrant]}</Badge>
                ) : (
                  "–"
                )}
                {point.uncertain && !point.insufficient && <span className="block text-xs text-fg-muted">uncertain</span>}
              </Td>
              <Td numeric>{point.n}</Td>
              <Td numeric>{formatPercent(point.reach)}</Td>
              <Td numeric>{formatNumber(point.importance.mean, 2)}</Td>
              <Td numeric>{formatSigned(point.performance.value)}</Td>
              <Td numeric>
                {formatPercent(point.missRate?.rate)}
                <span className="block text-xs text-fg-muted">
                  {formatInterval(point.missRate?.lower, point.missRate?.upper, (v) => formatPercent(v))}
                </span>
              </Td>
              <Td numeric className="font-semibold">
                {formatNumber(point.weightedPain)}
              </Td>
              <Td numeric>{formatSigned(point.gap)}</Td>
              <Td>{point.ownerTeam || "–"}</Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}

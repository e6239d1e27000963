import type { MatrixPoint } from "@/lib/types/analysis";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { QUADRANT_LABEL, formatNumber, formatPercent, formatSigned } from "@/components/matrix/format";

/** The fix list as the report prints it: every touchpoint in rank order, no controls. */
export function ReportFixList({ ranked }: { ranked: MatrixPoint[] }) {
  return (
    <Table caption="Fix list, ranked by weighted pain" captionHidden>
      <THead>
        <Tr>
          <Th numeric>Rank</Th>
          {/* Wide enough that a row does not grow to five lines on an A4 page. */}
          <Th className="min-w-[11rem]">Touchpoint</Th>
          <Th numeric>Weighted pain</Th>
          <Th numeric>Importance</Th>
          <Th numeric>Performance</Th>
          <Th numeric>Reach</Th>
          <Th numeric>n</Th>
          <Th>Quadrant</Th>
        </Tr>
      </THead>
      <TBody>
        {ranked.map((point, index) => (
          <Tr key={point.id} data-testid="report-fix-row">
            <Td numeric>{index + 1}</Td>
            <Td>
              <span className="font-medium">{point.name}</span>
              <span className="block text-xs text-fg-muted">
                {point.stageName} · {point.channelName}
                {point.ownerTeam ? ` · ${point.ownerTeam}` : ""}
                {point.momentOfTruth ? " · moment of truth" : ""}
              </span>
            </Td>
            <Td numeric>{formatNumber(point.weightedPain)}</Td>
            <Td numeric>{formatNumber(point.importance.mean, 2)}</Td>
            <Td numeric>{formatSigned(point.performance.value)}</Td>
            <Td numeric>{formatPercent(point.reach)}</Td>
            <Td numeric>{point.n}</Td>
            <Td>
              {point.quadrant ? QUADRANT_LABEL[point.quadrant] : "–"}
              {point.insufficient ? " (too few)" : point.uncertain ? " (uncertain)" : ""}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

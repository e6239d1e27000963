import type { StageConsistencyView } from "@/lib/types/insight";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { formatNumber, formatSigned } from "@/components/matrix/format";

/** "Web lags Store by 52 points" for a flagged stage. */
export function consistencySentence(stage: StageConsistencyView): string {
  if (!stage.worst || !stage.best || stage.spread === null) return "";
  return `${stage.worst.channelName} lags ${stage.best.channelName} by ${formatNumber(stage.spread, 0)} points`;
}

/**
 * Channel consistency: one row per stage, each channel's cell performance side by side, the
 * spread over the cells with enough observations, and the verdict against the map's threshold.
 */
export function ConsistencyTable({
  stages,
  channels,
  threshold,
  minSample,
}: {
  stages: StageConsistencyView[];
  channels: { id: string; name: string }[];
  threshold: number;
  minSample: number;
}) {
  return (
    <Table caption="Performance of each channel at each stage, and the spread between them">
      <THead>
        <Tr>
          <Th>Stage</Th>
          {channels.map((channel) => (
            <Th key={channel.id} numeric>
              {channel.name}
            </Th>
          ))}
          <Th numeric>Spread</Th>
          <Th>Verdict</Th>
        </Tr>
      </THead>
      <TBody>
        {stages.map((stage) => (
          <Tr key={stage.stageId} id={`stage-${stage.stageId}`} data-testid="consistency-row" className={stage.flagged ? "bg-missed-subtle" : undefined}>
            <Td className="font-medium">{stage.stageName}</Td>
            {channels.map((channel) => {
              const cell = stage.cells.find((item) => item.channelId === channel.id);
              return (
                <Td key={channel.id} numeric>
                  {cell ? (
                    <>
                      <span className={cell.included ? "font-semibold" : "text-fg-muted"}>{formatSigned(cell.performance)}</span>
                      <span className="block text-xs text-fg-muted">
                        n = {cell.n.toLocaleString("en")}
                        {cell.included ? "" : `, below ${minSample}`}
                      </span>
                    </>
                  ) : (
                    <span className="text-fg-muted">no touchpoint</span>
                  )}
                </Td>
              );
            })}
            <Td numeric>{stage.spread === null ? "–" : formatNumber(stage.spread, 1)}</Td>
            <Td>
              {stage.flagged ? (
                <>
                  <Badge tone="missed">Channels disagree</Badge>
                  <span className="mt-1 block text-xs">{consistencySentence(stage)}, more than {threshold}.</span>
                </>
              ) : stage.spread === null ? (
                <span className="text-xs text-fg-muted">Fewer than two channels with {minSample} observations</span>
              ) : (
                <span className="text-xs text-fg-muted">Within {threshold} points</span>
              )}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

import type { Journey } from "@/lib/data/maps";
import { Badge } from "@/components/ui/badge";

/** The read-only journey: stages as columns, channels as rows, touchpoints in their cells. */
export function JourneyGrid({ journey }: { journey: Journey }) {
  const cell = (stageId: string, channelId: string) =>
    journey.touchpoints
      .filter((touchpoint) => touchpoint.stageId === stageId && touchpoint.channelId === channelId)
      .sort((a, b) => a.position - b.position);
  return (
    <div className="overflow-x-auto rounded-lg border border-border bg-surface">
      <table className="w-full min-w-[48rem] border-collapse text-sm">
        <caption className="sr-only">Touchpoints of {journey.map.name} by stage and channel</caption>
        <thead>
          <tr>
            <th scope="col" className="w-28 border-b border-border p-3 text-left font-medium text-fg-muted">
              Channel
            </th>
            {journey.stages.map((stage) => (
              <th key={stage.id} scope="col" className="border-b border-l border-border p-3 text-left font-semibold">
                {stage.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {journey.channels.map((channel) => (
            <tr key={channel.id}>
              <th scope="row" className="border-b border-border p-3 text-left align-top font-semibold">
                {channel.name}
              </th>
              {journey.stages.map((stage) => (
                <td key={stage.id} className="border-b border-l border-border p-2 align-top">
                  <ul className="space-y-2">
                    {cell(stage.id, channel.id).map((touchpoint) => (
                      <li
                        key={touchpoint.id}
                        className="rounded-md border border-border bg-surface-muted p-2"
                        data-testid="journey-touchpoint"
                      >
                        <p className="font-medium">{touchpoint.name}</p>
                        <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-fg-muted">
                          <span>n = {touchpoint.observations}</span>
                          <span>{touchpoint.expectations} expectations</span>
                          {touchpoint.momentOfTruth && <Badge tone="moment-of-truth">Moment of truth</Badge>}
                        </p>
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

// The analysis filter in words, for the first line of an export, the line under a chart
// image and the report's filter summary. Pure: ids are named from the filter bar's choices.
import type { AnalysisFilter } from "@/lib/schemas/analysis-filter";
import type { FilterOptions } from "@/lib/types/analysis";

const LIFECYCLE: Record<string, string> = { PROSPECT: "Prospect", NEW: "New", ESTABLISHED: "Established", LAPSED: "Lapsed" };
const TIER: Record<string, string> = { HIGH: "High", MEDIUM: "Medium", LOW: "Low", UNKNOWN: "Unknown" };

/**
 * One sentence naming every restriction of the filter ("all interviews" when there is none).
 * An id that names nothing of this map or workspace (a stale link, another workspace's id) is
 * shown as "unknown", as the figures treat it: it matches nothing.
 */
export function describeFilter(filter: AnalysisFilter, options: FilterOptions): string {
  const parts: string[] = [];
  if (filter.from && filter.to) parts.push(`period ${filter.from} to ${filter.to}`);
  else if (filter.from) parts.push(`period from ${filter.from}`);
  else if (filter.to) parts.push(`period up to ${filter.to}`);
  const named = (ids: string[], list: { id: string; name: string }[]) => {
    const byId = new Map(list.map((item) => [item.id, item.name]));
    return ids.map((id) => byId.get(id) ?? "unknown").join(", ");
  };
  if (filter.stage.length) parts.push(`stage ${named(filter.stage, options.stages)}`);
  if (filter.channel.length) parts.push(`channel ${named(filter.channel, options.channels)}`);
  if (filter.lifecycle.length) parts.push(`lifecycle stage ${filter.lifecycle.map((v) => LIFECYCLE[v] ?? v).join(", ")}`);
  if (filter.tier.length) parts.push(`value tier ${filter.tier.map((v) => TIER[v] ?? v).join(", ")}`);
  if (filter.segment.length) parts.push(`segment ${filter.segment.join(", ")}`);
  if (filter.attr.length) {
    const byField = new Map<string, string[]>();
    const unknown: string[] = [];
    for (const id of filter.attr) {
      const field = options.attributes.find((f) => f.options.some((o) => o.id === id));
      const option = field?.options.find((o) => o.id === id);
      if (field && option) byField.set(field.name, [...(byField.get(field.name) ?? []), option.value]);
      else unknown.push("unknown");
    }
    for (const [field, values] of byField) parts.push(`${field} ${values.join(", ")}`);
    if (unknown.length) parts.push(`attribute ${unknown.join(", ")}`);
  }
  if (filter.interviewer.length) parts.push(`interviewer ${named(filter.interviewer, options.interviewers)}`);
  if (filter.mot) parts.push("moments of truth only");
  return parts.length ? parts.join("; ") : "all interviews";
}

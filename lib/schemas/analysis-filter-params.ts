// The analysis filter's URL parameters, for the browser: the filter bar and the map tabs build
// and carry filter URLs with these. No zod here, so the pages that show a filter do not ship
// the schema library; the schema that reads the parameters is in analysis-filter.ts.
import type { AnalysisFilter } from "@/lib/schemas/analysis-filter";

export const LIFECYCLE_STAGES = ["PROSPECT", "NEW", "ESTABLISHED", "LAPSED"] as const;
export const VALUE_TIERS = ["HIGH", "MEDIUM", "LOW", "UNKNOWN"] as const;

/** Every URL parameter the filter reads; views of the same map carry them from one to another. */
export const FILTER_PARAM_KEYS = ["from", "to", "channel", "stage", "lifecycle", "tier", "segment", "attr", "interviewer", "mot"] as const;

/** The filter as URL search params (stable order, empty values left out). */
export function filterToSearchParams(filter: AnalysisFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.from) params.set("from", filter.from);
  if (filter.to) params.set("to", filter.to);
  for (const key of ["channel", "stage", "lifecycle", "tier", "segment", "attr", "interviewer"] as const) {
    for (const value of filter[key]) params.append(key, value);
  }
  if (filter.mot) params.set("mot", "1");
  return params;
}

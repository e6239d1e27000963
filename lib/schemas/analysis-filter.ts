// The analysis filter, as kept in the URL so that a view can be bookmarked and shared.
// Parsed on the server from searchParams; built in the browser by the filter bar.
import { z } from "zod";
import { LIFECYCLE_STAGES, VALUE_TIERS } from "@/lib/schemas/analysis-filter-params";
import { isoDate } from "@/lib/schemas/date";
import { text } from "@/lib/schemas/text";

// Server code keeps importing the URL helpers from here; browser code imports them from
// analysis-filter-params.ts, which does not pull in zod.
export { FILTER_PARAM_KEYS, LIFECYCLE_STAGES, VALUE_TIERS, filterToSearchParams } from "@/lib/schemas/analysis-filter-params";

const idList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
  .transform((values) => [...new Set(values.flatMap((value) => value.split(",")).map((v) => v.trim()).filter(Boolean))])
  .pipe(z.array(text({ what: "a filter value", max: 120 })).max(200, "Filter by at most 200 values."));

const enumList = <T extends readonly [string, ...string[]]>(values: T) =>
  idList.pipe(z.array(z.enum(values, { error: `Use one of ${values.join(", ")}.` })));

export const AnalysisFilter = z
  .object({
    from: isoDate().optional(),
    to: isoDate().optional(),
    channel: idList,
    stage: idList,
    lifecycle: enumList(LIFECYCLE_STAGES),
    tier: enumList(VALUE_TIERS),
    segment: idList,
    /** Attribute option ids: OR within one attribute field, AND across fields. */
    attr: idList,
    interviewer: idList,
    mot: z
      .enum(["1", "true", "0", "false"])
      .optional()
      .transform((value) => value === "1" || value === "true"),
  })
  .refine((filter) => !filter.from || !filter.to || filter.from <= filter.to, {
    message: "The start date must be on or before the end date.",
    path: ["from"],
  });
export type AnalysisFilter = z.infer<typeof AnalysisFilter>;

export const EMPTY_FILTER: AnalysisFilter = {
  channel: [],
  stage: [],
  lifecycle: [],
  tier: [],
  segment: [],
  attr: [],
  interviewer: [],
  mot: false,
};

export type SearchParams = Record<string, string | string[] | undefined>;

/** The `crosshair` URL parameter: the scale centre when asked for, else the data's means (the default). */
export function parseCrosshairMode(value: unknown): "data" | "scale" {
  return value === "scale" ? "scale" : "data";
}

/** URLSearchParams in the shape Next.js gives pages: one value as a string, several as an array. */
export function searchParamsToRecord(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = values.length === 1 ? values[0]! : values;
  }
  return out;
}

/**
 * Reads the filter from URL search params. An invalid parameter is dropped (and reported)
 * rather than failing the page: a stale bookmark still opens, with a notice.
 */
export function parseAnalysisFilter(params: SearchParams): { filter: AnalysisFilter; problems: string[] } {
  const parsed = AnalysisFilter.safeParse(params);
  if (parsed.success) return { filter: parsed.data, problems: [] };
  const bad = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
  const problems = parsed.error.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`);
  const cleaned = Object.fromEntries(Object.entries(params).filter(([key]) => !bad.has(key)));
  const retry = AnalysisFilter.safeParse(cleaned);
  return { filter: retry.success ? retry.data : EMPTY_FILTER, problems };
}

/** Filter problems by parameter name (for a 400 answer of the API). */
export function filterFieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) (out[String(issue.path[0] ?? "filter")] ??= []).push(issue.message);
  return out;
}

/** Whether any interview-level filter is set (these change N). */
export function hasInterviewFilter(filter: AnalysisFilter): boolean {
  return Boolean(
    filter.from ||
      filter.to ||
      filter.lifecycle.length ||
      filter.tier.length ||
      filter.segment.length ||
      filter.attr.length ||
      filter.interviewer.length,
  );
}

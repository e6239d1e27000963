// The trends view's granularity, kept in the URL (`?by=day|week|month`; week when absent).
import { z } from "zod";
import type { TrendBucket } from "@/lib/types/analysis-journey";

export const TREND_BUCKETS = ["day", "week", "month"] as const satisfies readonly TrendBucket[];

export const TrendBucketParam = z.enum(TREND_BUCKETS).catch("week");

/** The granularity a `by` parameter asks for; anything else (absent, repeated, hostile) is a week. */
export function parseTrendBucket(value: unknown): TrendBucket {
  return TrendBucketParam.parse(value);
}

// The one date primitive: every date that comes in (a filter's period, the day an interview
// took place) is a calendar day written YYYY-MM-DD that exists and lies within what the
// product and PostgreSQL both hold. JavaScript reads "0000-01-01" and "+275760-09-13" as
// dates; PostgreSQL refuses year 0 and the product has no use for years past 2999, so such a
// value is refused here with a message instead of failing a query.
import { z } from "zod";

export const DATE_RANGE = { min: "1900-01-01", max: "2999-12-31" } as const;

export type DateOptions = {
  /** The earliest day allowed (within DATE_RANGE); by default 1900-01-01. */
  min?: string;
  /** The latest day allowed (within DATE_RANGE); by default 2999-12-31. */
  max?: string;
  /** One message for every refusal, instead of one per reason. */
  message?: string;
};

export const DATE_MESSAGES = {
  format: "Use a date like 2026-03-31.",
  missing: "That date does not exist.",
  early: (min: string) => (min === DATE_RANGE.min ? "Use a date from 1900 on." : `Use a date from ${min} on.`),
  late: (max: string) => (max === DATE_RANGE.max ? "Use a date before the year 3000." : `Use a date up to ${max}.`),
} as const;

/** Whether YYYY-MM-DD names a day of the calendar (not 2026-02-30). */
export function isCalendarDay(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A calendar day as YYYY-MM-DD, within the range. */
export function isoDate({ min = DATE_RANGE.min, max = DATE_RANGE.max, message }: DateOptions = {}) {
  const low = min < DATE_RANGE.min ? DATE_RANGE.min : min;
  const high = max > DATE_RANGE.max ? DATE_RANGE.max : max;
  return z
    .string({ error: message ?? DATE_MESSAGES.format })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: message ?? DATE_MESSAGES.format, abort: true })
    .refine(isCalendarDay, { error: message ?? DATE_MESSAGES.missing, abort: true })
    .refine((value) => value >= low, { error: message ?? DATE_MESSAGES.early(low), abort: true })
    .refine((value) => value <= high, { error: message ?? DATE_MESSAGES.late(high) });
}

import { z } from "zod";

/** The last page any list offers: far past a real list, and an offset PostgreSQL can hold. */
export const MAX_PAGE = 10_000;

/**
 * A page number from the address. Anything that is not a whole number from 1 to MAX_PAGE
 * (missing, "abc", -1, 2.5, NaN, 1e300) is page 1: a mangled link opens the list rather than
 * an error, and no huge offset reaches the database.
 */
export const PageNumber = z.coerce.number().int().min(1).max(MAX_PAGE).catch(1).default(1);

/** The page number of a search parameter (repeated parameters: the first). */
export function pageNumberOf(value: string | string[] | undefined): number {
  return PageNumber.parse(Array.isArray(value) ? value[0] : value);
}

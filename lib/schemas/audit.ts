import { z } from "zod";
import { AUDIT_KINDS, type AuditKind } from "@/lib/audit/sentence";
import { PageNumber } from "@/lib/schemas/page-number";

const KIND_KEYS = Object.keys(AUDIT_KINDS) as [AuditKind, ...AuditKind[]];

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** An id from the address: anything else (too long, a NUL, not text) means "any". */
const optionalId = z.preprocess(
  first,
  z
    .string()
    .trim()
    .min(1)
    .max(64)
    .refine((value) => !value.includes("\0"))
    .optional()
    .catch(undefined),
);

const optionalDay = z.preprocess(first, z.iso.date().optional().catch(undefined));

/**
 * The audit log's filters, from the address: who, what kind, which map, which period (days,
 * UTC, both ends included) and the page. A value that cannot be one (a mangled link) is left
 * out rather than failing the page; a period that ends before it starts is reported.
 */
export const AuditFilterSchema = z
  .object({
    actor: optionalId,
    kind: z.preprocess(first, z.enum(KIND_KEYS).optional().catch(undefined)),
    map: optionalId,
    from: optionalDay,
    to: optionalDay,
    page: z.preprocess(first, PageNumber),
  })
  .transform((filter) => {
    if (filter.from && filter.to && filter.from > filter.to) {
      return { ...filter, from: undefined, to: undefined, periodError: "The period ends before it starts: it is left out. Pick an end on or after the start." };
    }
    return { ...filter, periodError: undefined as string | undefined };
  });
export type AuditFilterSchema = z.output<typeof AuditFilterSchema>;

/** The address of the log with `filter` (and a page other than the first), for links that keep the filters. */
export function auditFilterQuery(filter: Partial<Pick<AuditFilterSchema, "actor" | "kind" | "map" | "from" | "to" | "page">>): string {
  const params = new URLSearchParams();
  for (const key of ["actor", "kind", "map", "from", "to"] as const) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  if (filter.page && filter.page > 1) params.set("page", String(filter.page));
  const query = params.toString();
  return query ? `?${query}` : "";
}

// Words for the three-factor classes and the change alerts, shared by the overview, the
// basics-and-delighters view, the fix list and the drill-down. Pure.
import type { AsymmetryKind } from "@/lib/analysis/asymmetry";
import type { ChangeStatus } from "@/lib/analysis/trend";

export type AsymmetryClass = AsymmetryKind | "UNCLASSIFIED";

export const CLASS_LABEL: Record<AsymmetryClass, string> = {
  BASIC: "Basic",
  PERFORMANCE: "Performance factor",
  DELIGHTER: "Delighter",
  UNCLASSIFIED: "Unclassified",
};

/** One plain sentence per class. */
export const CLASS_SENTENCE: Record<AsymmetryClass, string> = {
  BASIC: "Customers take it for granted: missing it hurts how they feel about the whole visit, exceeding it earns next to nothing.",
  PERFORMANCE: "It works both ways: the better it does, the better customers feel overall, and the worse, the worse.",
  DELIGHTER: "Customers do not expect it: exceeding it lifts how they feel overall, missing it barely hurts.",
  UNCLASSIFIED: "Too few observations to tell: fewer than 5 with an overall feeling among the misses, the meets or the exceeds.",
};

export const CLASS_TONE = {
  BASIC: "missed",
  PERFORMANCE: "met",
  DELIGHTER: "exceeded",
  UNCLASSIFIED: "neutral",
} as const satisfies Record<AsymmetryClass, string>;

/** CSS colours of the points of each class. */
export const CLASS_COLOR: Record<AsymmetryClass, string> = {
  BASIC: "var(--color-missed)",
  PERFORMANCE: "var(--color-met-fg)",
  DELIGHTER: "var(--color-exceeded)",
  UNCLASSIFIED: "var(--color-border-strong)",
};

export const CHANGE_LABEL: Record<ChangeStatus, string> = {
  WORSENED: "Worse",
  IMPROVED: "Better",
  STABLE: "No clear change",
};

/** A p-value as people read it: "p < 0.001" below that, else three decimals. */
export function formatP(p: number | null): string {
  if (p === null) return "–";
  return p < 0.001 ? "p < 0.001" : `p = ${p.toFixed(3)}`;
}

/** 'YYYY-MM-DD' as "2 Dec 2026", in UTC so server and browser agree. */
export function formatDay(iso: string | null): string {
  if (!iso) return "–";
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}

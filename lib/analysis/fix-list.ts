/** The fix list: where pain concentrates, most painful first. */

import type { AsymmetryKind } from "./asymmetry";

/** What ranking needs from a touchpoint's figures. */
export interface FixListItem {
  name: string;
  weightedPain: number | null;
  importance: { mean: number | null };
  /** The touchpoint's three-factor class, when known: breaks ties among equal pain. */
  asymmetry?: { kind: AsymmetryKind | "UNCLASSIFIED" } | null;
}

/**
 * Tie-break among equal pain by class: a missed basic costs goodwill that exceeding it never
 * wins back, so it goes first; a delighter's misses cost least, so it goes last. Unclassified
 * touchpoints (and items without a class) rank with performance factors.
 */
const CLASS_RANK: Record<AsymmetryKind | "UNCLASSIFIED", number> = {
  BASIC: 0,
  PERFORMANCE: 1,
  UNCLASSIFIED: 1,
  DELIGHTER: 2,
};

function classRank(item: FixListItem): number {
  return item.asymmetry ? CLASS_RANK[item.asymmetry.kind] : CLASS_RANK.UNCLASSIFIED;
}

/** Descending on a nullable number, nulls last. */
function compareDescNullsLast(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return b - a;
}

/**
 * Fix-list order: weighted pain descending, then class (BASIC, then PERFORMANCE or
 * unclassified, then DELIGHTER), then importance mean I descending, then name ascending
 * (`localeCompare` with the "en" locale, so server and browser agree).
 * Null pain (N = 0) and null I (n = 0) sort after every number.
 */
export function compareFixList(a: FixListItem, b: FixListItem): number {
  return (
    compareDescNullsLast(a.weightedPain, b.weightedPain) ||
    classRank(a) - classRank(b) ||
    compareDescNullsLast(a.importance.mean, b.importance.mean) ||
    a.name.localeCompare(b.name, "en")
  );
}

/**
 * Rank touchpoints for the fix list by {@link compareFixList}. Returns a new array
 * (the input is not mutated); items equal on every key keep their input order
 * (Array.prototype.sort is stable).
 */
export function rankFixList<T extends FixListItem>(items: readonly T[]): T[] {
  return [...items].sort(compareFixList);
}

/** The fix list: where pain concentrates, most painful first. */

/** What ranking needs from a touchpoint's figures. */
export interface FixListItem {
  name: string;
  weightedPain: number | null;
  importance: { mean: number | null };
}

/** Descending on a nullable number, nulls last. */
function compareDescNullsLast(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return b - a;
}

/**
 * Fix-list order: weighted pain descending, then importance mean I descending, then
 * name ascending (`localeCompare` with the "en" locale, so server and browser agree).
 * Null pain (N = 0) and null I (n = 0) sort after every number.
 */
export function compareFixList(a: FixListItem, b: FixListItem): number {
  return (
    compareDescNullsLast(a.weightedPain, b.weightedPain) ||
    compareDescNullsLast(a.importance.mean, b.importance.mean) ||
    a.name.localeCompare(b.name, "en")
  );
}

/**
 * Rank touchpoints for the fix list by {@link compareFixList}. Returns a new array
 * (the input is not mutated); items equal on all three keys keep their input order
 * (Array.prototype.sort is stable).
 */
export function rankFixList<T extends FixListItem>(items: readonly T[]): T[] {
  return [...items].sort(compareFixList);
}

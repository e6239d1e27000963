// The sentence under the fix list that says why its order can differ from the quadrants. Pure.
import type { MatrixPoint } from "@/lib/types/analysis";
import { ordinal } from "@/lib/plural";
import { QUADRANT_LABEL, formatPercent } from "@/components/matrix/format";

const WHY =
  "The list is ranked by weighted pain, not by quadrant: the quadrant shows how important a touchpoint is and how well it does for the customers who went through it, while weighted pain also counts how many customers go through it, so a touchpoint few customers reach ranks lower than its quadrant suggests, and a busy one higher.";

/**
 * The ranking explained, with the clearest example in this view when there is one: the
 * lowest-ranked "Concentrate here" touchpoint that sits below a touchpoint of another quadrant.
 */
export function rankingNote(fixList: readonly Pick<MatrixPoint, "name" | "quadrant" | "insufficient" | "reach">[]): string {
  let example: { name: string; rank: number; reach: number | null } | null = null;
  fixList.forEach((point, index) => {
    if (point.quadrant !== "FIX_FIRST" || point.insufficient) return;
    const outranked = fixList.slice(0, index).some((above) => !above.insufficient && above.quadrant !== null && above.quadrant !== "FIX_FIRST");
    if (outranked) example = { name: point.name, rank: index + 1, reach: point.reach };
  });
  if (!example) return WHY;
  const { name, rank, reach } = example;
  return `${WHY} Here, ${name} is in "${QUADRANT_LABEL.FIX_FIRST}" but ${ordinal(rank)} in the list: ${formatPercent(reach)} of the customers interviewed went through it.`;
}

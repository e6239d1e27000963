// Display formats shared by the matrix, the fix list and the drill-down. Pure.
import type { Quadrant } from "@/lib/analysis/quadrant";

export const QUADRANT_LABEL: Record<Quadrant, string> = {
  FIX_FIRST: "Concentrate here",
  KEEP_UP: "Keep up the good work",
  BACK_BURNER: "Low priority",
  OVERKILL: "Possible overkill",
};

export const QUADRANT_TONE = {
  FIX_FIRST: "fix-first",
  KEEP_UP: "keep-up",
  BACK_BURNER: "back-burner",
  OVERKILL: "overkill",
} as const satisfies Record<Quadrant, string>;

/** CSS colour variables per quadrant, for charts. */
export const QUADRANT_COLOR: Record<Quadrant, { solid: string; subtle: string; fg: string }> = {
  FIX_FIRST: { solid: "var(--color-fix-first)", subtle: "var(--color-fix-first-subtle)", fg: "var(--color-fix-first-fg)" },
  KEEP_UP: { solid: "var(--color-keep-up)", subtle: "var(--color-keep-up-subtle)", fg: "var(--color-keep-up-fg)" },
  BACK_BURNER: {
    solid: "var(--color-back-burner)",
    subtle: "var(--color-back-burner-subtle)",
    fg: "var(--color-back-burner-fg)",
  },
  OVERKILL: { solid: "var(--color-overkill)", subtle: "var(--color-overkill-subtle)", fg: "var(--color-overkill-fg)" },
};

const DASH = "–";

export function formatSigned(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined) return DASH;
  const rounded = Number(value.toFixed(digits));
  return `${rounded > 0 ? "+" : rounded < 0 ? "−" : ""}${Math.abs(rounded).toFixed(digits)}`;
}

export function formatNumber(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined) return DASH;
  return value.toFixed(digits);
}

/** A fraction 0..1 as a percentage. */
export function formatPercent(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined) return DASH;
  return `${(value * 100).toFixed(digits)}%`;
}

export function formatInterval(
  lower: number | null | undefined,
  upper: number | null | undefined,
  format: (value: number) => string,
  separator = " to ",
): string {
  if (lower === null || lower === undefined || upper === null || upper === undefined) return "interval undefined";
  return `${format(lower)}${separator}${format(upper)}`;
}

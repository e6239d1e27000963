import {
  FEELING_LABELS,
  FEELING_STATES,
  IMPORTANCE_LABELS,
  IMPORTANCE_LEVELS,
  INTERVIEW_MODES,
  MODE_LABELS,
  OUTCOME_LABELS,
  type FeelingState,
  type Importance,
  type InterviewMode,
  type Outcome,
} from "@/lib/schemas/interview";
import type { ChoiceOption } from "./choice-group";

// Class names are written out in full so that Tailwind finds them.
const OUTCOME_CLASS: Record<Outcome, string> = {
  MISSED: "border-missed bg-missed-subtle text-missed-fg",
  MET: "border-met-fg bg-met-subtle text-met-fg",
  EXCEEDED: "border-exceeded bg-exceeded-subtle text-exceeded-fg",
};

const FEELING_CLASS: Record<FeelingState, string> = {
  HATE: "border-feeling-hate bg-feeling-hate text-feeling-hate-on",
  DISLIKE: "border-feeling-dislike bg-feeling-dislike text-feeling-dislike-on",
  EH: "border-fg-muted bg-feeling-eh text-feeling-eh-on",
  LIKE_A_LOT: "border-feeling-like-a-lot bg-feeling-like-a-lot text-feeling-like-a-lot-on",
  LOVE: "border-feeling-love bg-feeling-love text-feeling-love-on",
  IN_LOVE: "border-feeling-in-love bg-feeling-in-love text-feeling-in-love-on",
};

export const OUTCOME_OPTIONS: ChoiceOption<Outcome>[] = (["MISSED", "MET", "EXCEEDED"] as const).map((value, index) => ({
  value,
  label: OUTCOME_LABELS[value],
  shortcut: String(index + 1),
  selectedClass: OUTCOME_CLASS[value],
}));

export const IMPORTANCE_OPTIONS: ChoiceOption<Importance>[] = IMPORTANCE_LEVELS.map((value) => ({
  value,
  label: String(value),
  detail: IMPORTANCE_LABELS[value].toLowerCase(),
  shortcut: String(value),
}));

export const FEELING_OPTIONS: ChoiceOption<FeelingState>[] = FEELING_STATES.map((value, index) => ({
  value,
  label: FEELING_LABELS[value],
  shortcut: String(index + 1),
  selectedClass: FEELING_CLASS[value],
}));

export const MODE_OPTIONS: ChoiceOption<InterviewMode>[] = INTERVIEW_MODES.map((value, index) => ({
  value,
  label: MODE_LABELS[value],
  shortcut: String(index + 1),
}));

/** "Missed · 5 critical · Dislike": an observation in words, never a number alone. */
export function describeRating(rating: { outcome: Outcome | null; importance: number | null; feeling: FeelingState | null }) {
  return [
    rating.outcome ? OUTCOME_LABELS[rating.outcome] : "no outcome",
    rating.importance ? `${rating.importance} ${IMPORTANCE_LABELS[rating.importance as Importance].toLowerCase()}` : "no importance",
    rating.feeling ? FEELING_LABELS[rating.feeling] : null,
  ]
    .filter(Boolean)
    .join(" · ");
}

import type { FeelingState } from "@/lib/analysis/feelings";

/** Feelings are shown by name, never as numbers. */
export const FEELING_LABEL: Record<FeelingState, string> = {
  HATE: "Hate",
  DISLIKE: "Dislike",
  EH: "Eh",
  LIKE_A_LOT: "Like a lot",
  LOVE: "Love",
  IN_LOVE: "In love",
};

export const FEELING_CLASS: Record<FeelingState, string> = {
  HATE: "bg-feeling-hate text-feeling-hate-on",
  DISLIKE: "bg-feeling-dislike text-feeling-dislike-on",
  EH: "bg-feeling-eh text-feeling-eh-on",
  LIKE_A_LOT: "bg-feeling-like-a-lot text-feeling-like-a-lot-on",
  LOVE: "bg-feeling-love text-feeling-love-on",
  IN_LOVE: "bg-feeling-in-love text-feeling-in-love-on",
};

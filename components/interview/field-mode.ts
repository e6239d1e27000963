"use client";

import { createContext, useContext } from "react";
import type { InterviewDraft } from "@/lib/schemas/interview";
import type { RespondentRow } from "@/lib/schemas/respondent";

/**
 * The capture screen inside the offline capture app (components/field): submitting puts the
 * interview in the device's outbox instead of sending it, respondents are also found in the
 * list kept on the device, and a new respondent gets a code made on the device.
 */
export type FieldMode = {
  respondents: RespondentRow[];
  newRespondentCode: () => string;
  /** Keeps the interview in the outbox (rejects when the device will not store it). */
  queue: (state: InterviewDraft) => Promise<void>;
  /** Back to the capture app's list. */
  leave: () => void;
};

export const FieldModeContext = createContext<FieldMode | null>(null);

export function useFieldMode(): FieldMode | null {
  return useContext(FieldModeContext);
}

/** The respondents kept on the device that match a search, best first, like the server's search. */
export function searchOnDevice(rows: readonly RespondentRow[], q: string, limit = 8): RespondentRow[] {
  const upper = q.trim().toUpperCase();
  if (!upper) return [];
  const rank = (code: string) => (code === upper ? 0 : code.startsWith(upper) ? 1 : 2);
  return rows
    .filter((row) => row.code.toUpperCase().includes(upper) || (row.segment ?? "").toUpperCase().includes(upper))
    .sort((a, b) => rank(a.code) - rank(b.code) || a.code.localeCompare(b.code))
    .slice(0, limit);
}

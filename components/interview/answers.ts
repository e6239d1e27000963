// Pure updates of one touchpoint's answer, shared by the touchpoint screen and the
// screen-wide number keys.
import type { Answer, CaptureTouchpoint, Volunteered } from "@/lib/schemas/interview";

export type RatingPatch = Partial<{
  outcome: Answer["ratings"][number]["outcome"];
  importance: number | null;
  feeling: Answer["ratings"][number]["feeling"];
  comment: string;
}>;

const EMPTY = { outcome: null, importance: null, feeling: null, comment: "" } as const;

function hasValues(values: { outcome: unknown; importance: unknown; feeling: unknown; comment: string }) {
  return values.outcome !== null || values.importance !== null || values.feeling !== null || values.comment !== "";
}

export function emptyAnswer(touchpointId: string): Answer {
  return { touchpointId, skipped: false, ratings: [], volunteered: [] };
}

export function ratingOf(answer: Answer, expectationId: string) {
  return answer.ratings.find((item) => item.expectationId === expectationId) ?? { expectationId, ...EMPTY };
}

/** Sets (or with null, clears) a listed expectation's rating; only expectations held stay in the list, in map order. */
export function applyRating(answer: Answer, touchpoint: CaptureTouchpoint, expectationId: string, patch: RatingPatch | null): Answer {
  const next = patch === null ? { expectationId, ...EMPTY } : { ...ratingOf(answer, expectationId), ...patch };
  const order = new Map(touchpoint.expectations.map((expectation, index) => [expectation.id, index]));
  const ratings = answer.ratings.filter((item) => item.expectationId !== expectationId);
  if (hasValues(next)) ratings.push(next);
  ratings.sort((a, b) => (order.get(a.expectationId) ?? 0) - (order.get(b.expectationId) ?? 0));
  return { ...answer, skipped: false, ratings };
}

export function applyVolunteered(answer: Answer, key: string, patch: Partial<Volunteered>): Answer {
  return { ...answer, skipped: false, volunteered: answer.volunteered.map((item) => (item.key === key ? { ...item, ...patch } : item)) };
}

export function addVolunteered(answer: Answer, key: string): Answer {
  return { ...answer, skipped: false, volunteered: [...answer.volunteered, { key, expectationId: null, text: "", ...EMPTY }] };
}

export function removeVolunteered(answer: Answer, key: string): Answer {
  return { ...answer, volunteered: answer.volunteered.filter((item) => item.key !== key) };
}

export function skip(answer: Answer): Answer {
  return { ...answer, skipped: true, ratings: [], volunteered: [] };
}

/** Whether anything was recorded on the touchpoint (a "not encountered" would throw it away). */
export function hasAnswers(answer: Answer) {
  return answer.ratings.some(hasValues) || answer.volunteered.some((item) => item.text !== "" || hasValues(item));
}

/** The cards of a touchpoint screen in the order keys walk through them. */
export function cardOrder(touchpoint: CaptureTouchpoint, answer: Answer) {
  return [
    ...touchpoint.expectations.map((expectation) => ({ id: `x-${expectation.id}`, kind: "listed" as const, ref: expectation.id })),
    ...answer.volunteered.map((item) => ({ id: `v-${item.key}`, kind: "volunteered" as const, ref: item.key })),
  ];
}

/**
 * Keeps only answers that still fit the map (a touchpoint or expectation may have been
 * archived while the draft waited). Returns how many answers were set aside.
 */
export function pruneToJourney(answers: Answer[], touchpoints: CaptureTouchpoint[]): { answers: Answer[]; dropped: number } {
  const byId = new Map(touchpoints.map((touchpoint) => [touchpoint.id, touchpoint]));
  let dropped = 0;
  const kept: Answer[] = [];
  for (const answer of answers) {
    const touchpoint = byId.get(answer.touchpointId);
    if (!touchpoint) {
      dropped += answer.ratings.length + answer.volunteered.length;
      continue;
    }
    const listed = new Set(touchpoint.expectations.map((expectation) => expectation.id));
    const stored = new Set(touchpoint.volunteered.map((expectation) => expectation.id));
    const ratings = answer.ratings.filter((rating) => listed.has(rating.expectationId));
    const volunteered = answer.volunteered.filter((item) => item.expectationId === null || stored.has(item.expectationId));
    dropped += answer.ratings.length - ratings.length + answer.volunteered.length - volunteered.length;
    kept.push({ ...answer, ratings, volunteered });
  }
  return { answers: kept, dropped };
}

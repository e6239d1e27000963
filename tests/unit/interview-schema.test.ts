import { describe, expect, it } from "vitest";
import { FEELING_LABELS, FEELING_STATES, IMPORTANCE_LABELS, InterviewDraftSchema, MESSAGES } from "@/lib/schemas/interview";
import {
  findProblems,
  interviewSubmissionSchema,
  toObservationRows,
  type JourneyForCheck,
} from "@/lib/schemas/interview-submission";

const journey: JourneyForCheck = {
  touchpoints: [
    {
      id: "tp-door",
      name: "Store entrance",
      expectations: [
        { id: "ex-door-opens", text: "The door opens easily" },
        { id: "ex-greeter", text: "A greeter is at the door" },
      ],
    },
    { id: "tp-till", name: "Checkout", expectations: [{ id: "ex-queue", text: "The queue is short" }] },
  ],
};

const ID = "5b0f6a8e-2c1d-4c4e-9f5a-2f0c1d6e7a8b";
const LATEST = "2026-11-30";

function rating(expectationId: string, values: Record<string, unknown> = {}) {
  return { expectationId, outcome: "MET", importance: 3, feeling: null, comment: "", ...values };
}

function valid(overrides: Record<string, unknown> = {}) {
  return {
    id: ID,
    mapId: "map-1",
    respondent: { kind: "existing", respondentId: "resp-1", code: "R-0001" },
    conductedOn: "2026-11-20",
    mode: "IN_PERSON",
    answers: [
      { touchpointId: "tp-door", skipped: false, ratings: [rating("ex-door-opens", { outcome: "MISSED", importance: 5, feeling: "DISLIKE" })], volunteered: [] },
      { touchpointId: "tp-till", skipped: true, ratings: [], volunteered: [] },
    ],
    overallFeeling: "LIKE_A_LOT",
    notes: "",
    ...overrides,
  };
}

function messagesOf(input: unknown): string[] {
  const result = interviewSubmissionSchema(journey, { latestDate: LATEST }).safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

function withDoor(ratingValues: Record<string, unknown>) {
  return valid({
    answers: [
      { touchpointId: "tp-door", ratings: [rating("ex-door-opens", ratingValues)] },
      { touchpointId: "tp-till", skipped: true },
    ],
  });
}

describe("interview submission schema", () => {
  it("accepts a complete interview and keeps every value", () => {
    const parsed = interviewSubmissionSchema(journey, { latestDate: LATEST }).parse(valid());
    expect(parsed.answers[0]!.ratings[0]).toEqual({
      expectationId: "ex-door-opens",
      outcome: "MISSED",
      importance: 5,
      feeling: "DISLIKE",
      comment: "",
    });
    expect(toObservationRows(parsed)).toEqual([
      {
        touchpointId: "tp-door",
        expectationId: "ex-door-opens",
        volunteeredText: null,
        outcome: "MISSED",
        importance: 5,
        feeling: "DISLIKE",
        comment: null,
      },
    ]);
  });

  it("refuses an outcome without importance", () => {
    expect(messagesOf(withDoor({ importance: null }))).toEqual([`Store entrance, “The door opens easily”: ${MESSAGES.importanceMissing}`]);
  });

  it("refuses an importance without outcome", () => {
    expect(messagesOf(withDoor({ outcome: null }))).toEqual([`Store entrance, “The door opens easily”: ${MESSAGES.outcomeMissing}`]);
  });

  it("refuses a feeling or a comment with neither outcome nor importance", () => {
    expect(messagesOf(withDoor({ outcome: null, importance: null, feeling: "LOVE" }))).toEqual([
      `Store entrance, “The door opens easily”: ${MESSAGES.outcome}`,
      `Store entrance, “The door opens easily”: ${MESSAGES.importanceMissing}`,
    ]);
    expect(messagesOf(withDoor({ outcome: null, importance: null, comment: "Heavy door" }))).toHaveLength(2);
  });

  it.each([0, 6, 2.5, -1, "3"])("refuses importance %s (out of range or not a whole number)", (importance) => {
    expect(messagesOf(withDoor({ importance }))).toEqual([MESSAGES.importance]);
  });

  it("refuses an expectation that is not on that touchpoint, even one of another touchpoint of the map", () => {
    const input = valid({
      answers: [
        { touchpointId: "tp-door", ratings: [rating("ex-queue")] },
        { touchpointId: "tp-till", skipped: true },
      ],
    });
    expect(messagesOf(input)).toContain("Store entrance: a rating is for an expectation that is not on this touchpoint.");
  });

  it("refuses a touchpoint that is not on the map", () => {
    const input = valid({
      answers: [...valid().answers, { touchpointId: "tp-elsewhere", ratings: [rating("ex-elsewhere")] }],
    });
    expect(messagesOf(input)).toEqual(["An answer is for a touchpoint that is not on this map."]);
  });

  it.each(["ANGRY", "3", 3, "love", "Like a lot"])("refuses the feeling %s, which is not one of the six", (feeling) => {
    expect(messagesOf(withDoor({ feeling }))).toEqual([MESSAGES.feeling]);
  });

  it("refuses an overall feeling that is not one of the six", () => {
    expect(messagesOf(valid({ overallFeeling: 4 }))).toEqual([MESSAGES.feeling]);
  });

  it("refuses an outcome that is not missed, met or exceeded", () => {
    expect(messagesOf(withDoor({ outcome: "GOOD" }))).toEqual([MESSAGES.outcome]);
  });

  it("lists every touchpoint left without an answer, and an encountered touchpoint with nothing recorded", () => {
    expect(messagesOf(valid({ answers: [{ touchpointId: "tp-door" }] }))).toEqual([
      "Store entrance: record what they expected, or mark it not encountered.",
      "Checkout: record what they expected, or mark it not encountered.",
    ]);
  });

  it("refuses answers on a touchpoint marked not encountered", () => {
    const input = valid({
      answers: [
        { touchpointId: "tp-door", skipped: true, ratings: [rating("ex-door-opens")] },
        { touchpointId: "tp-till", skipped: true },
      ],
    });
    expect(messagesOf(input)).toEqual([
      "Store entrance: marked not encountered, but has answers. Clear them, or undo “not encountered”.",
    ]);
  });

  it("refuses the same expectation rated twice and the same touchpoint answered twice", () => {
    const twice = valid({
      answers: [
        { touchpointId: "tp-door", ratings: [rating("ex-door-opens"), rating("ex-door-opens")] },
        { touchpointId: "tp-till", skipped: true },
        { touchpointId: "tp-till", skipped: true },
      ],
    });
    expect(messagesOf(twice)).toEqual(["Checkout is answered twice.", "Store entrance: “The door opens easily” is rated twice."]);
  });

  it("requires a respondent, a mode and a date that is not in the future", () => {
    expect(messagesOf(valid({ respondent: null, mode: null, conductedOn: "2026-12-01" }))).toEqual([
      MESSAGES.respondent,
      MESSAGES.mode,
      MESSAGES.futureDate,
    ]);
    expect(messagesOf(valid({ conductedOn: "2026-02-30" }))).toEqual([MESSAGES.date]);
  });

  it("refuses an id that the browser did not make as a UUID", () => {
    expect(messagesOf(valid({ id: "interview-1" }))).toEqual(["The interview id must be a UUID made by the browser."]);
  });

  it("accepts a volunteered expectation with its outcome and importance, and refuses one without words or ratings", () => {
    const volunteered = (values: Record<string, unknown>) =>
      valid({
        answers: [
          {
            touchpointId: "tp-door",
            volunteered: [{ key: "v1", text: "Somewhere to leave the pram", outcome: "MISSED", importance: 4, ...values }],
          },
          { touchpointId: "tp-till", skipped: true },
        ],
      });
    const parsed = interviewSubmissionSchema(journey, { latestDate: LATEST }).parse(volunteered({}));
    expect(toObservationRows(parsed)).toEqual([
      expect.objectContaining({ touchpointId: "tp-door", expectationId: null, volunteeredText: "Somewhere to leave the pram", importance: 4 }),
    ]);
    expect(messagesOf(volunteered({ text: "  " }))).toEqual([`Store entrance, an unlisted expectation: ${MESSAGES.volunteeredText}`]);
    expect(messagesOf(volunteered({ importance: null }))).toEqual([
      `Store entrance, “Somewhere to leave the pram”: ${MESSAGES.importanceMissing}`,
    ]);
    expect(messagesOf(volunteered({ text: "the door opens easily" }))).toEqual([
      "Store entrance, “the door opens easily”: this one is listed already; rate it in the list instead.",
    ]);
  });

  it("refuses a stored volunteered expectation that this interview did not record", () => {
    const input = valid({
      answers: [
        { touchpointId: "tp-door", volunteered: [{ key: "x", expectationId: "ex-someone-else", text: "Parking", outcome: "MET", importance: 2 }] },
        { touchpointId: "tp-till", skipped: true },
      ],
    });
    expect(messagesOf(input)).toContain("Store entrance: an unlisted expectation refers to one that is not on this touchpoint.");
  });

  it("ignores an expectation left entirely empty (the customer did not hold it)", () => {
    const input = valid({
      answers: [
        { touchpointId: "tp-door", ratings: [rating("ex-door-opens"), rating("ex-greeter", { outcome: null, importance: null })] },
        { touchpointId: "tp-till", skipped: true },
      ],
    });
    const parsed = interviewSubmissionSchema(journey, { latestDate: LATEST }).parse(input);
    expect(toObservationRows(parsed).map((row) => row.expectationId)).toEqual(["ex-door-opens"]);
  });

  it("findProblems points at the touchpoint so the summary can link to it", () => {
    const draft = InterviewDraftSchema.parse({ ...valid(), answers: [{ touchpointId: "tp-door", ratings: [rating("ex-door-opens", { importance: null })] }] });
    expect(findProblems(journey, draft, { latestDate: LATEST })).toEqual([
      {
        message: `Store entrance, “The door opens easily”: ${MESSAGES.importanceMissing}`,
        path: "touchpoints.tp-door.expectations.ex-door-opens.importance",
        touchpointId: "tp-door",
      },
      { message: "Checkout: record what they expected, or mark it not encountered.", path: "touchpoints.tp-till", touchpointId: "tp-till" },
    ]);
  });
});

describe("interview draft schema", () => {
  it("accepts an incomplete interview, with defaults for what is missing", () => {
    const draft = InterviewDraftSchema.parse({ id: ID, mapId: "map-1", conductedOn: "2026-11-20" });
    expect(draft).toMatchObject({ respondent: null, mode: null, answers: [], overallFeeling: null, notes: "", step: 0, savedAt: 0 });
  });

  it("still refuses values that can never be right", () => {
    const result = InterviewDraftSchema.safeParse({
      id: ID,
      mapId: "map-1",
      conductedOn: "2026-11-20",
      answers: [{ touchpointId: "tp-door", ratings: [rating("ex-door-opens", { importance: 9, feeling: "MEH" })] }],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([MESSAGES.importance, MESSAGES.feeling]);
  });
});

describe("labels", () => {
  it("names the six feelings in scale order, and the five importance levels", () => {
    expect(FEELING_STATES.map((state) => FEELING_LABELS[state])).toEqual(["Hate", "Dislike", "Eh", "Like a lot", "Love", "In love"]);
    expect(Object.values(IMPORTANCE_LABELS)).toEqual(["Barely noticed", "Minor", "Mattered", "Important", "Critical"]);
  });
});

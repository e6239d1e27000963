import { describe, expect, it } from "vitest";
import {
  addVolunteered,
  applyRating,
  applyVolunteered,
  cardOrder,
  emptyAnswer,
  hasAnswers,
  pruneToJourney,
  skip,
} from "@/components/interview/answers";
import type { CaptureTouchpoint } from "@/lib/schemas/interview";
import { findProblems } from "@/lib/schemas/interview-submission";

const touchpoint: CaptureTouchpoint = {
  id: "tp",
  name: "Checkout",
  description: "",
  prompt: "",
  momentOfTruth: false,
  stageName: "Buy",
  channelName: "Store",
  archived: false,
  expectations: [
    { id: "a", text: "Short queue" },
    { id: "b", text: "Friendly cashier" },
  ],
  volunteered: [],
};

describe("touchpoint answers", () => {
  it("keeps only the expectations held, in the map's order", () => {
    let answer = applyRating(emptyAnswer("tp"), touchpoint, "b", { outcome: "MET" });
    answer = applyRating(answer, touchpoint, "a", { importance: 4 });
    expect(answer.ratings.map((rating) => rating.expectationId)).toEqual(["a", "b"]);
    answer = applyRating(answer, touchpoint, "b", null);
    expect(answer.ratings).toEqual([{ expectationId: "a", outcome: null, importance: 4, feeling: null, comment: "" }]);
    answer = applyRating(answer, touchpoint, "a", { importance: null });
    expect(answer.ratings).toEqual([]);
  });

  it("rating a touchpoint marked not encountered brings it back; skipping clears it", () => {
    const skipped = skip(applyRating(emptyAnswer("tp"), touchpoint, "a", { outcome: "MISSED", importance: 5 }));
    expect(skipped).toEqual({ touchpointId: "tp", skipped: true, ratings: [], volunteered: [] });
    expect(applyRating(skipped, touchpoint, "a", { outcome: "MET" }).skipped).toBe(false);
  });

  it("an unlisted expectation counts once it has words or a rating, and walks after the listed ones", () => {
    let answer = addVolunteered(emptyAnswer("tp"), "k1");
    expect(hasAnswers(answer)).toBe(false);
    answer = applyVolunteered(answer, "k1", { text: "Bags for free" });
    expect(hasAnswers(answer)).toBe(true);
    expect(cardOrder(touchpoint, answer).map((card) => card.id)).toEqual(["x-a", "x-b", "v-k1"]);
  });

  it("sets aside answers for touchpoints and expectations no longer on the map", () => {
    const answers = [
      { ...applyRating(emptyAnswer("tp"), touchpoint, "a", { outcome: "MET", importance: 2 }), ratings: [
        { expectationId: "a", outcome: "MET" as const, importance: 2, feeling: null, comment: "" },
        { expectationId: "gone", outcome: "MET" as const, importance: 2, feeling: null, comment: "" },
      ] },
      { touchpointId: "archived", skipped: false, ratings: [{ expectationId: "x", outcome: "MET" as const, importance: 1, feeling: null, comment: "" }], volunteered: [] },
    ];
    const pruned = pruneToJourney(answers, [touchpoint]);
    expect(pruned.dropped).toBe(2);
    expect(pruned.answers).toHaveLength(1);
    expect(pruned.answers[0]!.ratings.map((rating) => rating.expectationId)).toEqual(["a"]);
  });
});

describe("a new respondent in the interview", () => {
  it("is checked like one made on the respondents page, and reported on its fields", () => {
    const problems = findProblems(
      { touchpoints: [] },
      {
        respondent: { kind: "new", profile: { code: "no spaces!", lifecycleStage: null, valueTier: "UNKNOWN", segment: "", attributes: [] } },
        mode: "PHONE",
        conductedOn: "2026-01-01",
        answers: [],
      },
      { latestDate: "2026-12-31" },
    );
    expect(problems.map((problem) => problem.path)).toEqual(["respondent.profile.code", "respondent.profile.lifecycleStage"]);
    expect(problems[1]!.message).toBe("New respondent: Choose the lifecycle stage: prospect, new, established or lapsed.");
  });
});

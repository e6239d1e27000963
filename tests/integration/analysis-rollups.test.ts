// The analysis summaries and rollups are kept by database triggers. Whatever changes
// interviews, observations, respondents or their attributes, (1) the stored rows equal a
// recomputation from the base tables, (2) the rollup path and the summary path give the
// same statistics for every filter the rollups answer, and (3) folding the pending deltas
// into the rollups (which also runs after every submission, concurrently) changes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/db";
import { actAs } from "@/tests/support/session";
import { createWorkspaceWithMembers } from "@/tests/factories/workspace";
import { createAttributeField, createRespondent } from "@/tests/factories/respondent";
import { createInterview } from "@/tests/factories/interview";
import { resolveWorkspaceAccess, type WorkspaceContext } from "@/lib/workspace";
import { aggregateTouchpoints } from "@/lib/data/analysis";
import { findRollupMismatches } from "@/lib/data/analysis-verify";
import { planSource } from "@/lib/data/analysis-source";
import { restoreInterviewAction, updateInterviewAction, voidInterviewAction } from "@/lib/actions/interviews";
import { EMPTY_FILTER, type AnalysisFilter } from "@/lib/schemas/analysis-filter";
import { createTestMap, submissionFor, type TestMap, submitThroughRoute } from "./interview-support";

type Members = Awaited<ReturnType<typeof createWorkspaceWithMembers>>;

describe("analysis summaries and rollups follow every change", () => {
  let home: Members;
  let ctx: WorkspaceContext;
  let map: TestMap;
  let touchpointIds: string[];
  let expectations: { touchpointId: string; id: string }[];
  let respondentId: string;
  let field: Awaited<ReturnType<typeof createAttributeField>>;
  let channel: Awaited<ReturnType<typeof createAttributeField>>;

  /** Stored rows equal the recomputation, and both read paths agree on each filter. */
  async function expectExact(filters: Partial<AnalysisFilter>[] = []) {
    expect(await findRollupMismatches(testDb(), { workspaceId: ctx.workspaceId })).toEqual([]);
    const results = [];
    for (const filter of [{}, ...filters]) {
      const full = { ...EMPTY_FILTER, ...filter };
      const sort = (result: Awaited<ReturnType<typeof aggregateTouchpoints>>) => ({
        ...result,
        rows: [...result.rows].sort((a, b) => a.touchpoint_id.localeCompare(b.touchpoint_id)),
      });
      const fromRollups = sort(await aggregateTouchpoints(ctx, map.map.id, full, touchpointIds));
      const fromSummaries = sort(await aggregateTouchpoints(ctx, map.map.id, full, touchpointIds, "summary"));
      expect(fromRollups, JSON.stringify(filter)).toEqual(fromSummaries);
      results.push(fromRollups);
    }
    // Folding the pending deltas into the single-dimension rollups (which moves them to the
    // pair log), then the pair log into the pair rollups, changes no figure at either step.
    for (const fold of ["SELECT cx_analysis_fold()", "SELECT cx_analysis_fold_pairs()"]) {
      await testDb().$queryRawUnsafe(fold);
      expect(await findRollupMismatches(testDb(), { workspaceId: ctx.workspaceId })).toEqual([]);
      for (const [index, filter] of [{}, ...filters].entries()) {
        const folded = await aggregateTouchpoints(ctx, map.map.id, { ...EMPTY_FILTER, ...filter }, touchpointIds);
        const sorted = { ...folded, rows: [...folded.rows].sort((a, b) => a.touchpoint_id.localeCompare(b.touchpoint_id)) };
        expect(sorted, `${fold} ${JSON.stringify(filter)}`).toEqual(results[index]);
      }
    }
    return results;
  }

  async function interview(day: string, status: "SUBMITTED" | "DRAFT" = "SUBMITTED", overallFeeling: "HATE" | "LOVE" | null = "LOVE") {
    return createInterview(testDb(), {
      workspaceId: ctx.workspaceId,
      mapId: map.map.id,
      interviewerId: home.byRole.INTERVIEWER.id,
      respondentId,
      conductedOn: day,
      status,
      overallFeeling,
      observations: expectations.map((expectation, index) => ({
        touchpointId: expectation.touchpointId,
        expectationId: expectation.id,
        outcome: (["MISSED", "MET", "EXCEEDED"] as const)[index % 3]!,
        importance: 1 + (index % 5),
        feeling: index % 2 === 0 ? "LIKE_A_LOT" : null,
      })),
    });
  }

  beforeAll(async () => {
    home = await createWorkspaceWithMembers(testDb());
    ctx = (await resolveWorkspaceAccess(home.byRole.ANALYST.id, home.workspace.id, "analysis.view"))!;
    map = await createTestMap(home.workspace.id);
    touchpointIds = map.touchpoints.map((touchpoint) => touchpoint.id);
    expectations = map.touchpoints.flatMap((touchpoint) =>
      touchpoint.expectations.map((expectation) => ({ touchpointId: touchpoint.id, id: expectation.id })),
    );
    field = await createAttributeField(testDb(), { workspaceId: home.workspace.id, values: ["Urban", "Rural"] });
    channel = await createAttributeField(testDb(), { workspaceId: home.workspace.id, values: ["Online", "Branch"] });
    respondentId = (
      await createRespondent(testDb(), {
        workspaceId: home.workspace.id,
        segment: "Students",
        lifecycleStage: "NEW",
        attributes: [
          { fieldId: field.id, optionId: field.options[0]!.id },
          { fieldId: channel.id, optionId: channel.options[1]!.id },
        ],
      })
    ).id;
  });

  it("reads one dimension or a pair from the rollups, and three from the summary rows", async () => {
    const plan = async (filter: Partial<AnalysisFilter>) => (await planSource(ctx, { ...EMPTY_FILTER, ...filter })).rollup;
    expect(await plan({ from: "2026-01-01" })).toEqual({ dim: "all", values: [""], pair: false });
    expect(await plan({ tier: ["HIGH", "LOW"] })).toEqual({ dim: "tier", values: ["HIGH", "LOW"], pair: false });
    expect(await plan({ interviewer: ["u1"], lifecycle: ["NEW", "LAPSED"] })).toEqual({
      dim: "lifecycle*interviewer",
      values: ["NEW\u001fu1", "LAPSED\u001fu1"],
      pair: true,
    });
    // Two attribute fields: each value pair in byte order, as the database writes it.
    const [low, high] = [field.options[0]!.id, channel.options[1]!.id].sort();
    expect(await plan({ attr: [high!, low!] })).toEqual({ dim: "attr*attr", values: [`${low}\u001f${high}`], pair: true });
    // Two options of one field are one dimension (either option).
    expect((await plan({ attr: field.options.map((option) => option.id) }))?.dim).toBe("attr");
    expect(await plan({ tier: ["HIGH"], segment: ["Students"], interviewer: ["u1"] })).toBeNull();
  });

  it("counts submitted interviews, not drafts, and follows submit, void and restore", async () => {
    await interview("2026-05-01");
    await interview("2026-05-02");
    const draft = await interview("2026-05-02", "DRAFT");
    expect((await expectExact())[0]!.interviews).toBe(2);

    await testDb().interview.update({ where: { id: draft.id }, data: { status: "SUBMITTED" } });
    expect((await expectExact())[0]!.interviews).toBe(3);
    await testDb().interview.update({ where: { id: draft.id }, data: { status: "VOID" } });
    expect((await expectExact())[0]!.interviews).toBe(2);
    await testDb().interview.update({ where: { id: draft.id }, data: { status: "SUBMITTED" } });
    const [, day] = await expectExact([{ from: "2026-05-02", to: "2026-05-02" }]);
    expect(day!.interviews).toBe(2);
  });

  it("follows a changed date, overall feeling, changed and removed observations", async () => {
    const moved = await interview("2026-06-01", "SUBMITTED", null);
    await testDb().interview.update({ where: { id: moved.id }, data: { conductedOn: new Date("2026-06-15T00:00:00Z") } });
    const [, june15, june1] = await expectExact([
      { from: "2026-06-15", to: "2026-06-15" },
      { from: "2026-06-01", to: "2026-06-01" },
    ]);
    expect(june15!.interviews).toBe(1);
    expect(june1!.interviews).toBe(0);
    expect(june15!.rows.every((row) => row.missed_overall_n === 0 && row.met_overall_n === 0)).toBe(true);

    await testDb().interview.update({ where: { id: moved.id }, data: { overallFeeling: "HATE" } });
    const [, withFeeling] = await expectExact([{ from: "2026-06-15", to: "2026-06-15" }]);
    expect(withFeeling!.rows.reduce((sum, row) => sum + row.missed_overall_n + row.met_overall_n + row.exceeded_overall_n, 0)).toBe(
      expectations.length,
    );
    expect(withFeeling!.rows.every((row) => row.missed_overall_sum === row.missed_overall_n)).toBe(true);

    await testDb().observation.updateMany({ where: { interviewId: moved.id }, data: { outcome: "MISSED", importance: 5 } });
    const [, after] = await expectExact([{ from: "2026-06-15", to: "2026-06-15" }]);
    expect(after!.rows.every((row) => row.missed === row.n)).toBe(true);
    await testDb().observation.deleteMany({ where: { interviewId: moved.id, touchpointId: touchpointIds[0]! } });
    await expectExact();
  });

  it("follows a respondent's new profile and attribute values, under every dimension's filter", async () => {
    const filters: Partial<AnalysisFilter>[] = [
      { segment: ["Students"] },
      { segment: ["Professionals"], lifecycle: ["ESTABLISHED"] },
      { lifecycle: ["NEW", "ESTABLISHED"] },
      { tier: ["HIGH"] },
      { interviewer: [home.byRole.INTERVIEWER.id] },
      { attr: [field.options[0]!.id] },
      { attr: [field.options[1]!.id], from: "2026-05-01" },
      { attr: [field.options[0]!.id], interviewer: [home.byRole.INTERVIEWER.id], to: "2026-06-30" },
      // Pairs of dimensions (pair rollups), both orders of two attribute fields' options, and three (summary rows).
      { tier: ["HIGH", "LOW"], segment: ["Professionals", "Students"] },
      { attr: [channel.options[1]!.id, field.options[0]!.id] },
      { attr: [field.options[0]!.id, field.options[1]!.id, channel.options[0]!.id, channel.options[1]!.id] },
      { lifecycle: ["ESTABLISHED"], tier: ["HIGH"], attr: [channel.options[1]!.id] },
    ];
    const [, students] = await expectExact(filters);
    expect(students!.interviews).toBeGreaterThan(0);

    await testDb().respondent.update({
      where: { id: respondentId },
      data: { segment: "Professionals", lifecycleStage: "ESTABLISHED", valueTier: "HIGH" },
    });
    const [, nowStudents, professionals] = await expectExact(filters);
    expect(nowStudents!.interviews).toBe(0);
    expect(professionals!.interviews).toBe(students!.interviews);

    await testDb().respondentAttribute.update({
      where: { respondentId_fieldId: { respondentId, fieldId: field.id } },
      data: { optionId: field.options[1]!.id },
    });
    const results = await expectExact(filters);
    expect(results[6]!.interviews).toBe(0);
    await testDb().respondentAttribute.deleteMany({ where: { respondentId } });
    await expectExact(filters);
    await testDb().respondentAttribute.create({
      data: { workspaceId: home.workspace.id, respondentId, fieldId: field.id, optionId: field.options[0]!.id },
    });
    expect((await expectExact(filters))[6]!.interviews).toBe(professionals!.interviews);
  });

  it("stays exact under concurrent submissions, corrections, voids and restores on one day", async () => {
    const day = "2026-07-01";
    const [, before] = await expectExact([{ from: day, to: day }]);
    actAs(home.byRole.ANALYST);
    // A first wave to correct and void while the second wave is being submitted.
    const first = Array.from({ length: 6 }, () => submissionFor(map, respondentId, { conductedOn: day }));
    for (const result of await Promise.all(first.map((input) => submitThroughRoute(home.workspace.id, input)))) {
      expect(result.ok).toBe(true);
    }
    const second = Array.from({ length: 16 }, () => submissionFor(map, respondentId, { conductedOn: day }));
    const corrections = first.slice(0, 3).map((input) => ({
      ...input,
      conductedOn: "2026-07-02",
      overallFeeling: "HATE",
      answers: input.answers.map((answer) => ({
        ...answer,
        ratings: answer.ratings.map((rating) => ({ ...rating, outcome: "EXCEEDED", importance: 1 })),
      })),
    }));
    const results = await Promise.all([
      ...second.map((input) => submitThroughRoute(home.workspace.id, input)),
      ...corrections.map((input) => updateInterviewAction(home.workspace.id, input)),
      voidInterviewAction(home.workspace.id, { interviewId: first[3]!.id, reason: "Duplicate respondent" }),
      voidInterviewAction(home.workspace.id, { interviewId: first[4]!.id, reason: "Test interview" }),
    ]);
    expect(results.filter((result) => !result.ok)).toEqual([]);
    expect((await restoreInterviewAction(home.workspace.id, { interviewId: first[4]!.id })).ok).toBe(true);

    const [, onDay, nextDay] = await expectExact([
      { from: day, to: day },
      { from: "2026-07-02", to: "2026-07-02" },
      { from: day, to: day, interviewer: [home.byRole.ANALYST.id], segment: ["Professionals"] },
    ]);
    // 6 + 16 submitted; 3 moved to the next day; 1 void.
    expect(onDay!.interviews).toBe(before!.interviews + 6 + 16 - 3 - 1);
    expect(nextDay!.interviews).toBe(3);
    expect(nextDay!.rows.every((row) => row.missed === 0 && row.met === 0 && row.exceeded === row.n)).toBe(true);
  });
});

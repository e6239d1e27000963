import { beforeAll, describe, expect, it } from "vitest";
import { impactAsymmetry } from "@/lib/analysis/asymmetry";
import { verifyPassword } from "@/lib/auth/password";
import {
  DEMO_EMAILS,
  DEMO_MAP_ID,
  DEMO_PASSWORD,
  DEMO_TRUTHS,
  DEMO_WORKSPACE_ID,
  seedDemo,
  type SeedSummary,
} from "@/prisma/seed/demo";
import { generateInterviews } from "@/prisma/seed/generate-interviews";
import { measureTruths, type TouchpointMeasure, type TruthMeasures } from "@/prisma/seed/measure-truths";
import { createMapWithTouchpoints } from "@/tests/factories/map";
import { createRespondent } from "@/tests/factories/respondent";
import { createWorkspaceWithMembers } from "@/tests/factories/workspace";
import { testDb } from "@/tests/support/db";

function counts(summary: SeedSummary) {
  const { created: _created, durationMs: _durationMs, ...rest } = summary;
  return rest;
}

describe("demo seed", () => {
  let first: SeedSummary;
  let second: SeedSummary;
  let truths: TruthMeasures;
  const touchpoint = (name: string): TouchpointMeasure => {
    const found = truths.touchpoints.find((measure) => measure.name === name);
    if (!found) throw new Error(`No observations for ${name}`);
    return found;
  };

  beforeAll(async () => {
    // The demo workspace has a fixed id: whether or not another test seeded it already,
    // seeding again must change nothing.
    first = await seedDemo(testDb());
    second = await seedDemo(testDb());
    truths = await measureTruths(testDb(), { workspaceId: DEMO_WORKSPACE_ID, mapId: DEMO_MAP_ID });
  }, 120_000);

  it("is idempotent: a second run writes nothing and reports the same counts", () => {
    expect(second.created).toBe(false);
    expect(counts(second)).toEqual(counts(first));
  });

  it("creates the demo users, map, respondents and a few months of interviews", async () => {
    expect(first.users).toBe(6);
    expect(first.stages).toBe(5);
    expect(first.channels).toBe(4);
    expect(first.touchpoints).toBeGreaterThanOrEqual(18);
    expect(first.respondents).toBe(450);
    expect(first.interviews.submitted).toBeGreaterThanOrEqual(650);
    expect(first.interviews.void).toBeGreaterThanOrEqual(3);
    expect(first.interviews.void).toBeLessThanOrEqual(5);
    expect(first.interviews.draft).toBeGreaterThan(0);
    expect(first.volunteeredExpectations).toBeGreaterThan(0);

    const members = await testDb().membership.findMany({
      where: { workspaceId: DEMO_WORKSPACE_ID },
      select: { role: true, user: { select: { email: true, passwordHash: true } } },
    });
    const roleOf = Object.fromEntries(members.map((member) => [member.user.email, member.role]));
    expect(roleOf).toMatchObject({
      [DEMO_EMAILS.admin]: "ADMIN",
      [DEMO_EMAILS.analyst]: "ANALYST",
      [DEMO_EMAILS.manager]: "MANAGER",
      [DEMO_EMAILS.interviewer]: "INTERVIEWER",
      [DEMO_EMAILS.interviewer2]: "INTERVIEWER",
      [DEMO_EMAILS.interviewer3]: "INTERVIEWER",
    });
    const admin = members.find((member) => member.user.email === DEMO_EMAILS.admin);
    expect(await verifyPassword(admin!.user.passwordHash, DEMO_PASSWORD)).toBe(true);

    const map = await testDb().journeyMap.findUniqueOrThrow({
      where: { id: DEMO_MAP_ID },
      select: { status: true, interviewTarget: true, segmentQuotas: { select: { segment: true } } },
    });
    expect(map.status).toBe("ACTIVE");
    expect(map.interviewTarget).toBe(800);
    expect(map.segmentQuotas.length).toBe(4);

    // Volunteered expectations carry observations; void interviews keep theirs.
    const [row] = await testDb().$queryRaw<{ volunteered: number; voided: number }[]>`
      SELECT
        (SELECT count(*)::int FROM observations o JOIN expectations e ON e.id = o.expectation_id
          WHERE e.workspace_id = ${DEMO_WORKSPACE_ID} AND e.kind = 'VOLUNTEERED') AS volunteered,
        (SELECT count(*)::int FROM observations o JOIN interviews i ON i.id = o.interview_id
          WHERE i.workspace_id = ${DEMO_WORKSPACE_ID} AND i.status = 'VOID') AS voided`;
    expect(row!.volunteered).toBeGreaterThan(0);
    expect(row!.voided).toBeGreaterThan(0);
  });

  it("every respondent has a segment and both attributes", async () => {
    const [row] = await testDb().$queryRaw<{ without_segment: number; attributes: number; respondents: number }[]>`
      SELECT
        count(*) FILTER (WHERE segment IS NULL)::int AS without_segment,
        (SELECT count(*)::int FROM respondent_attributes WHERE workspace_id = ${DEMO_WORKSPACE_ID}) AS attributes,
        count(*)::int AS respondents
      FROM respondents WHERE workspace_id = ${DEMO_WORKSPACE_ID}`;
    expect(row!.without_segment).toBe(0);
    expect(row!.attributes).toBe(2 * row!.respondents);
  });

  it("the top-pain moment of truth is the clear #1 by weighted pain", () => {
    const [top, runnerUp] = truths.touchpoints;
    expect(top!.name).toBe(DEMO_TRUTHS.topPain);
    expect(top!.momentOfTruth).toBe(true);
    expect(top!.importance).toBeGreaterThanOrEqual(4);
    expect(top!.weightedPain).toBeGreaterThan(1.5 * runnerUp!.weightedPain);
  });

  it("the worsening touchpoint's miss rate jumped in the latest 28 days", () => {
    const { touchpoint: name, minJumpPoints } = DEMO_TRUTHS.worsening;
    const window = truths.windows[name]!;
    expect(window.nLatest).toBeGreaterThanOrEqual(30);
    expect(window.nPrevious).toBeGreaterThanOrEqual(30);
    expect(window.latest - window.previous).toBeGreaterThanOrEqual(minJumpPoints);
  });

  it("basics hurt when missed and earn nothing when exceeded", () => {
    for (const name of DEMO_TRUTHS.basics) {
      const measure = touchpoint(name);
      expect(measure.penalty!, name).toBeLessThan(-0.8);
      expect(Math.abs(measure.reward!), name).toBeLessThan(0.35);
      expect(impactAsymmetry(measure.penalty!, measure.reward!, 0.2).kind, name).toBe("BASIC");
    }
  });

  it("delighters lift the overall feeling when exceeded and are barely missed", () => {
    for (const name of DEMO_TRUTHS.delighters) {
      const measure = touchpoint(name);
      expect(measure.reward!, name).toBeGreaterThan(0.8);
      expect(Math.abs(measure.penalty!), name).toBeLessThan(0.35);
      expect(impactAsymmetry(measure.penalty!, measure.reward!, 0.2).kind, name).toBe("DELIGHTER");
    }
  });

  it("the worse segment is far less satisfied than the better one at the segment touchpoints", () => {
    const { touchpoints, worse, better, minGapPoints } = DEMO_TRUTHS.segmentGap;
    for (const name of touchpoints) {
      const bySegment = truths.segmentPerformance[name]!;
      expect(bySegment[worse]!.n, name).toBeGreaterThanOrEqual(30);
      expect(bySegment[better]!.n, name).toBeGreaterThanOrEqual(30);
      expect(bySegment[better]!.performance - bySegment[worse]!.performance, name).toBeGreaterThan(minGapPoints);
    }
  });

  it("one stage is inconsistent across channels, and it is the only one", () => {
    const { stage, channels, minSpreadPoints } = DEMO_TRUTHS.inconsistentStage;
    const [store, web] = channels.map((channel) => truths.cells[stage]![channel]!);
    expect(Math.abs(store!.performance - web!.performance)).toBeGreaterThan(minSpreadPoints);
    for (const [other, cells] of Object.entries(truths.cells)) {
      if (other === stage) continue;
      const performances = Object.values(cells)
        .filter((cell) => cell.n >= 30)
        .map((cell) => cell.performance);
      expect(Math.max(...performances) - Math.min(...performances), other).toBeLessThanOrEqual(minSpreadPoints);
    }
  });
});

describe("generateInterviews", () => {
  async function setup() {
    const members = await createWorkspaceWithMembers(testDb());
    const workspaceId = members.workspace.id;
    const respondents = [];
    for (const segment of ["Students", "Professionals", "Families"]) {
      respondents.push(await createRespondent(testDb(), { workspaceId, segment }));
    }
    const maps = [
      await createMapWithTouchpoints(testDb(), { workspaceId }),
      await createMapWithTouchpoints(testDb(), { workspaceId }),
    ];
    return {
      workspaceId,
      maps,
      options: {
        workspaceId,
        interviewerIds: [members.interviewer.id],
        respondentIds: respondents.map((respondent) => respondent.id),
        count: 60,
        days: 30,
        today: new Date("2026-03-31T12:00:00Z"),
        seed: 42,
      },
    };
  }

  /** Everything about a map's interviews except ids, in a stable order. */
  async function fingerprint(mapId: string) {
    const rows = await testDb().$queryRaw<{ line: string }[]>`
      SELECT concat_ws('|', i.conducted_on, i.mode, i.overall_feeling, t.name, e.position, o.outcome, o.importance,
        o.feeling, o.comment) AS line
      FROM observations o
        JOIN interviews i ON i.id = o.interview_id
        JOIN touchpoints t ON t.id = o.touchpoint_id
        JOIN expectations e ON e.id = o.expectation_id
      WHERE o.map_id = ${mapId}
      ORDER BY line`;
    return rows.map((row) => row.line);
  }

  it("is deterministic, independent of the batch size, and re-running it adds nothing", async () => {
    const { maps, options } = await setup();
    const [a, b] = maps;
    const firstRun = await generateInterviews(testDb(), { ...options, mapId: a!.map.id, batchSize: 7 });
    const otherMap = await generateInterviews(testDb(), { ...options, mapId: b!.map.id, batchSize: 500 });
    expect(firstRun.interviews).toBe(60);
    expect(firstRun.observations).toBeGreaterThan(60);
    expect(otherMap).toEqual(firstRun);
    expect(await fingerprint(a!.map.id)).toEqual(await fingerprint(b!.map.id));

    const again = await generateInterviews(testDb(), { ...options, mapId: a!.map.id, batchSize: 13 });
    expect(again).toEqual({ interviews: 0, observations: 0 });
  });

  it("spreads interviews over the period, ending today, all submitted", async () => {
    const { maps, options } = await setup();
    const mapId = maps[0]!.map.id;
    await generateInterviews(testDb(), { ...options, mapId });
    const [row] = await testDb().$queryRaw<{ first: string; last: string; statuses: string[] }[]>`
      SELECT to_char(min(conducted_on), 'YYYY-MM-DD') AS first, to_char(max(conducted_on), 'YYYY-MM-DD') AS last,
        array_agg(DISTINCT status::text) AS statuses
      FROM interviews WHERE map_id = ${mapId}`;
    expect(row).toEqual({ first: "2026-03-02", last: "2026-03-31", statuses: ["SUBMITTED"] });
  });
});

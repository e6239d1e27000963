// The exports of a map: their figures are the matrix page's figures under the same filter,
// their observations are the raw rows a plain query finds under that filter, and the route
// refuses outsiders, roles without the export permission and hostile filter values.
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/db";
import { actAs } from "@/tests/support/session";
import { parseCsv } from "@/tests/support/csv";
import { createWorkspaceWithMembers } from "@/tests/factories/workspace";
import { createChannel, createExpectation, createMap, createStage, createTouchpoint } from "@/tests/factories/map";
import { createAttributeField, createRespondent } from "@/tests/factories/respondent";
import { createInterview, type ObservationInput } from "@/tests/factories/interview";
import { resolveWorkspaceAccess, type WorkspaceContext } from "@/lib/workspace";
import { getMapForAnalysis, getMatrix } from "@/lib/data/analysis";
import { EMPTY_FILTER, filterToSearchParams, type AnalysisFilter } from "@/lib/schemas/analysis-filter";
import { ROLES, can } from "@/lib/permissions";
import { GET as exportRoute } from "@/app/api/w/[workspaceId]/maps/[mapId]/export/[kind]/route";
import type { Feeling, Outcome } from "@/lib/generated/prisma/enums";

type Members = Awaited<ReturnType<typeof createWorkspaceWithMembers>>;

const OUTCOMES: Outcome[] = ["MISSED", "MET", "EXCEEDED"];
const FEELINGS: (Feeling | null)[] = [null, "HATE", "EH", "LOVE", "IN_LOVE"];
// Comments a spreadsheet would misread: formulas, separators, quotes, line breaks.
const COMMENTS = [null, "=HYPERLINK(\"http://evil.example\",\"click\")", "+1 for the staff", "-too slow", "@once", 'said "fine", then left', "two\nlines", "plain"];

function exportRequest(workspaceId: string, mapId: string, kind: string, query = "") {
  return exportRoute(new Request(`http://localhost/api/w/${workspaceId}/maps/${mapId}/export/${kind}?${query}`), {
    params: Promise.resolve({ workspaceId, mapId, kind }),
  });
}

/** The observations a plain query finds under a filter: submitted interviews of the map, live touchpoints it shows. */
async function naiveObservations(workspaceId: string, mapId: string, filter: AnalysisFilter) {
  const rows = await testDb().$queryRawUnsafe<
    { interview_id: string; touchpoint_id: string; expectation_id: string; outcome: string; importance: number; feeling: string | null; comment: string | null; day: string; code: string | null }[]
  >(
    `SELECT o.interview_id, o.touchpoint_id, o.expectation_id, o.outcome::text AS outcome, o.importance::int AS importance,
       o.feeling::text AS feeling, o.comment, to_char(i.conducted_on, 'YYYY-MM-DD') AS day, r.code,
       i.interviewer_id, r.lifecycle_stage::text AS lifecycle, r.value_tier::text AS tier, r.segment, t.stage_id, t.channel_id, t.moment_of_truth,
       coalesce((SELECT array_agg(a.option_id) FROM respondent_attributes a WHERE a.respondent_id = r.id), '{}') AS options
     FROM observations o
     JOIN interviews i ON i.id = o.interview_id
     LEFT JOIN respondents r ON r.id = i.respondent_id
     JOIN touchpoints t ON t.id = o.touchpoint_id
     JOIN stages s ON s.id = t.stage_id
     JOIN channels c ON c.id = t.channel_id
     WHERE i.workspace_id = $1 AND i.map_id = $2 AND i.status = 'SUBMITTED'
       AND t.archived_at IS NULL AND s.archived_at IS NULL AND c.archived_at IS NULL`,
    workspaceId,
    mapId,
  );
  return (rows as (typeof rows[number] & Record<string, unknown>)[])
    .filter((row) => {
      const keep = (values: string[], value: unknown) => values.length === 0 || values.includes(value as string);
      return (
        (!filter.from || row.day >= filter.from) &&
        (!filter.to || row.day <= filter.to) &&
        keep(filter.lifecycle, row.lifecycle) &&
        keep(filter.tier, row.tier) &&
        keep(filter.segment, row.segment) &&
        keep(filter.interviewer, row.interviewer_id) &&
        keep(filter.stage, row.stage_id) &&
        keep(filter.channel, row.channel_id) &&
        (!filter.mot || row.moment_of_truth === true) &&
        filter.attr.every((option) => (row.options as string[]).includes(option))
      );
    })
    .map((row) => [row.interview_id, row.touchpoint_id, row.expectation_id, row.outcome, String(row.importance), row.feeling ?? "", row.comment ?? ""].join("\u0001"))
    .sort();
}

describe("exports", () => {
  let home: Members;
  let other: Members;
  let ctx: WorkspaceContext;
  let mapId: string;
  let otherMapId: string;
  let stageIds: string[];
  let channelIds: string[];
  let options: string[];
  let interviewIds: string[];

  beforeAll(async () => {
    const db = testDb();
    home = await createWorkspaceWithMembers(db);
    other = await createWorkspaceWithMembers(db);
    const workspaceId = home.workspace.id;
    const map = await createMap(db, { workspaceId, minSample: 4, name: "Store, \"flagship\"" });
    mapId = map.id;
    otherMapId = (await createMap(db, { workspaceId: other.workspace.id })).id;
    const stages = [await createStage(db, { workspaceId, mapId, name: "Visit" }), await createStage(db, { workspaceId, mapId, name: "Buy" })];
    const channels = [await createChannel(db, { workspaceId, mapId, name: "Store" }), await createChannel(db, { workspaceId, mapId, name: "Web" })];
    stageIds = stages.map((s) => s.id);
    channelIds = channels.map((c) => c.id);
    const touchpoints = [];
    for (const [s, c, mot, name] of [
      [0, 0, false, "Entrance"],
      [0, 1, true, "=Landing page"],
      [1, 0, false, "Checkout"],
    ] as const) {
      const tp = await createTouchpoint(db, { workspaceId, mapId, stageId: stages[s]!.id, channelId: channels[c]!.id, momentOfTruth: mot, name });
      const expectations = [
        await createExpectation(db, { workspaceId, mapId, touchpointId: tp.id, text: `${name} is quick` }),
        await createExpectation(db, { workspaceId, mapId, touchpointId: tp.id, text: `${name}, friendly` }),
      ];
      touchpoints.push({ id: tp.id, expectations: expectations.map((e) => e.id) });
    }
    const field = await createAttributeField(db, { workspaceId, name: "Lifestyle", values: ["Busy", "Relaxed"] });
    options = field.options.map((o) => o.id);
    const profiles = [
      ["NEW", "HIGH", "Students", 0],
      ["ESTABLISHED", "LOW", "Families", 1],
      ["LAPSED", "MEDIUM", "Students", 1],
      ["PROSPECT", "UNKNOWN", "Professionals", 0],
    ] as const;
    const respondents = [];
    for (const [lifecycleStage, valueTier, segment, option] of profiles) {
      respondents.push(
        await createRespondent(db, { workspaceId, lifecycleStage, valueTier, segment, attributes: [{ fieldId: field.id, optionId: options[option]! }] }),
      );
    }
    const interviewers = [home.byRole.INTERVIEWER.id, home.byRole.ANALYST.id];
    interviewIds = [];
    let k = 0;
    for (let i = 0; i < 26; i++) {
      const status = i === 24 ? "DRAFT" : i === 25 ? "VOID" : "SUBMITTED";
      const observations: ObservationInput[] = [];
      for (const [t, tp] of touchpoints.entries()) {
        // Some interviews never reach a touchpoint; interview 7 reaches none (it is still in N).
        if ((i + t) % 4 === 3 || i === 7) continue;
        for (const expectationId of tp.expectations) {
          k++;
          observations.push({
            touchpointId: tp.id,
            expectationId,
            outcome: OUTCOMES[(k * 7 + i) % 3]!,
            importance: 1 + ((k * 3 + t) % 5),
            feeling: FEELINGS[k % FEELINGS.length]!,
            comment: COMMENTS[k % COMMENTS.length]!,
          });
        }
      }
      const id = crypto.randomUUID();
      interviewIds.push(id);
      await createInterview(db, {
        id,
        workspaceId,
        mapId,
        interviewerId: interviewers[i % 2]!,
        respondentId: respondents[i % respondents.length]!.id,
        conductedOn: `2026-0${1 + (i % 3)}-${String(1 + ((i * 5) % 27)).padStart(2, "0")}`,
        status,
        observations,
      });
    }
    ctx = (await resolveWorkspaceAccess(home.byRole.MANAGER.id, workspaceId, "data.export"))!;
  });

  const filters = (): [string, Partial<AnalysisFilter>][] => [
    ["no filter", {}],
    ["a period", { from: "2026-02-01", to: "2026-03-10" }],
    ["a stage", { stage: [stageIds[0]!] }],
    ["a channel and moments of truth", { channel: [channelIds[1]!], mot: true }],
    ["lifecycle and tier", { lifecycle: ["NEW", "LAPSED"], tier: ["HIGH", "MEDIUM", "LOW"] }],
    ["segment, attribute and interviewer (no rollup)", { segment: ["Students", "Families"], attr: [options[1]!], interviewer: [home.byRole.INTERVIEWER.id] }],
  ];

  async function matrixUnder(filter: AnalysisFilter, crosshair: "data" | "scale" = "data") {
    const map = (await getMapForAnalysis(ctx, mapId))!;
    return getMatrix(ctx, map, filter, crosshair);
  }

  it("the matrix CSV and JSON carry the very figures of the matrix page, under every filter", async () => {
    actAs(home.byRole.MANAGER);
    for (const [label, partial] of filters()) {
      const filter = { ...EMPTY_FILTER, ...partial };
      const query = filterToSearchParams(filter).toString();
      const matrix = await matrixUnder(filter);

      const json = await exportRequest(home.workspace.id, mapId, "matrix.json", query);
      expect(json.status, label).toBe(200);
      expect(json.headers.get("content-disposition")).toMatch(/^attachment; filename="store-flagship-matrix-\d{4}-\d\d-\d\d\.json"$/);
      const body = (await json.json()) as { filterText: string; interviews: number; points: unknown[]; fixList: unknown[] };
      expect(body.interviews, label).toBe(matrix.interviews);
      expect(body.points, label).toEqual(JSON.parse(JSON.stringify(matrix.points)));
      expect(body.fixList, label).toEqual(JSON.parse(JSON.stringify(matrix.fixList)));

      const csv = parseCsv(await (await exportRequest(home.workspace.id, mapId, "matrix.csv", query)).text());
      expect(csv[0]![0], label).toContain(`${matrix.interviews} interviews`);
      const header = csv[1]!;
      const rows = csv.slice(2);
      expect(rows.map((row) => row[header.indexOf("Touchpoint")]), label).toEqual(matrix.points.map((p) => (p.name.startsWith("=") ? `'${p.name}` : p.name)));
      for (const [index, point] of matrix.points.entries()) {
        const cell = (name: string) => rows[index]![header.indexOf(name)]!;
        const number = (value: number | null | undefined) => (value === null || value === undefined ? "" : String(value));
        expect(cell("Observations (n)")).toBe(String(point.n));
        expect(cell("Importance")).toBe(number(point.importance.mean));
        expect(cell("Importance lower 95%")).toBe(number(point.importance.lower));
        expect(cell("Performance")).toBe(number(point.performance.value));
        expect(cell("Performance upper 95%")).toBe(number(point.performance.upper));
        expect(cell("Miss rate")).toBe(number(point.missRate?.rate));
        expect(cell("Reach")).toBe(number(point.reach));
        expect(cell("Weighted pain per 100 interviews")).toBe(number(point.weightedPain));
        expect(cell("Gap")).toBe(number(point.gap));
        expect(cell("Quadrant")).toBe(point.quadrant ?? "");
        expect(cell("Fix list rank")).toBe(String(matrix.fixList.findIndex((p) => p.id === point.id) + 1));
      }

      const fix = parseCsv(await (await exportRequest(home.workspace.id, mapId, "fix-list.csv", query)).text());
      const fixHeader = fix[1]!;
      expect(fix.slice(2).map((row) => row[fixHeader.indexOf("Weighted pain per 100 interviews")]), label).toEqual(
        matrix.fixList.map((p) => (p.weightedPain === null ? "" : String(p.weightedPain))),
      );
      expect(fix.slice(2).map((row) => row[fixHeader.indexOf("Rank")])).toEqual(matrix.fixList.map((_, i) => String(i + 1)));
    }
  });

  it("the matrix export follows the crosshair mode of the page", async () => {
    actAs(home.byRole.ANALYST);
    const matrix = await matrixUnder(EMPTY_FILTER, "scale");
    const body = await (await exportRequest(home.workspace.id, mapId, "matrix.json", "crosshair=scale")).json();
    expect(body.crosshair).toEqual(matrix.crosshair);
    expect(body.points.map((p: { quadrant: string }) => p.quadrant)).toEqual(matrix.points.map((p) => p.quadrant));
  });

  it("the first line names the filter in words", async () => {
    actAs(home.byRole.MANAGER);
    const query = filterToSearchParams({ ...EMPTY_FILTER, from: "2026-02-01", stage: [stageIds[1]!], lifecycle: ["NEW"], attr: [options[0]!], mot: true }).toString();
    const text = await (await exportRequest(home.workspace.id, mapId, "fix-list.csv", query)).text();
    const first = parseCsv(text)[0]![0]!;
    expect(first).toMatch(/^cxmap Fix list, map Store, "flagship"; \d+ interviews\. Filter: /);
    expect(first).toContain("period from 2026-02-01; stage Buy; lifecycle stage New; Lifestyle Busy; moments of truth only");
    const unfiltered = await (await exportRequest(home.workspace.id, mapId, "observations.csv")).text();
    expect(parseCsv(unfiltered)[0]![0]).toMatch(/Filter: all interviews$/);
  });

  it("the long CSV and the JSON hold exactly the observations a plain query finds under each filter", async () => {
    actAs(home.byRole.ANALYST);
    for (const [label, partial] of filters()) {
      const filter = { ...EMPTY_FILTER, ...partial };
      const query = filterToSearchParams(filter).toString();
      const expected = await naiveObservations(home.workspace.id, mapId, filter);
      const matrix = await matrixUnder(filter);
      expect(expected.length, label).toBe(matrix.observations);

      const response = await exportRequest(home.workspace.id, mapId, "observations.csv", query);
      expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(response.body).toBeInstanceOf(ReadableStream);
      const csv = parseCsv(await response.text());
      const header = csv[1]!;
      const col = (name: string) => header.indexOf(name);
      // Read back through the formula guard: a leading apostrophe was added to text only.
      const unguard = (value: string) => (/^'[=+\-@]/.test(value) ? value.slice(1) : value);
      const touchpointIdByName = new Map(matrix.points.map((p) => [p.name, p.id]));
      const got = csv.slice(2).map((row) => [
        row[col("Interview")],
        touchpointIdByName.get(unguard(row[col("Touchpoint")]!)),
        unguard(row[col("Expectation")]!),
        row[col("Outcome")],
        row[col("Importance")],
        row[col("Feeling")],
        unguard(row[col("Comment")]!),
      ]);
      expect(got.length, label).toBe(expected.length);

      const json = (await (await exportRequest(home.workspace.id, mapId, "observations.json", query)).json()) as {
        filterText: string;
        observations: { interviewId: string; touchpointId: string; expectationId: string; expectation: string; outcome: string; importance: number; feeling: string | null; comment: string | null }[];
      };
      const fromJson = json.observations
        .map((o) => [o.interviewId, o.touchpointId, o.expectationId, o.outcome, String(o.importance), o.feeling ?? "", o.comment ?? ""].join("\u0001"))
        .sort();
      expect(fromJson, label).toEqual(expected);
      // The CSV names the expectation where the JSON has its id: the same rows once named.
      const textById = new Map(json.observations.map((o) => [o.expectationId, o.expectation]));
      const expectedNamed = expected.map((key) => {
        const parts = key.split("\u0001");
        parts[2] = textById.get(parts[2]!) ?? parts[2]!;
        return parts.join("\u0001");
      });
      expect(got.map((cells) => cells.join("\u0001")).sort(), label).toEqual(expectedNamed.sort());
    }
  });

  it("guards every text cell a spreadsheet would run as a formula, and keeps negative numbers as numbers", async () => {
    actAs(home.byRole.MANAGER);
    const text = await (await exportRequest(home.workspace.id, mapId, "observations.csv")).text();
    const rows = parseCsv(text).slice(2);
    const cells = rows.flat();
    expect(cells.filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);
    expect(cells).toContain(`'=HYPERLINK("http://evil.example","click")`);
    expect(cells).toContain("'-too slow");
    expect(cells).toContain("two\nlines");
    const matrixRows = parseCsv(await (await exportRequest(home.workspace.id, mapId, "matrix.csv")).text());
    const performance = matrixRows.slice(2).map((row) => row[matrixRows[1]!.indexOf("Performance")]!);
    expect(performance.some((value) => value.startsWith("-") && Number.isFinite(Number(value)))).toBe(true);
  });

  it("the wide CSV has one row per interview in the filter and every observation in its column", async () => {
    actAs(home.byRole.MANAGER);
    for (const [label, partial] of filters()) {
      const filter = { ...EMPTY_FILTER, ...partial };
      const matrix = await matrixUnder(filter);
      const csv = parseCsv(await (await exportRequest(home.workspace.id, mapId, "observations-wide.csv", filterToSearchParams(filter).toString())).text());
      const header = csv[1]!;
      const rows = csv.slice(2);
      expect(rows.length, label).toBe(matrix.interviews);
      const outcomes = header.flatMap((name, index) => (name.endsWith(" | outcome") ? [index] : []));
      const filled = rows.reduce((sum, row) => sum + outcomes.filter((index) => row[index] !== "").length, 0);
      expect(filled, label).toBe(matrix.observations);
    }
    const all = parseCsv(await (await exportRequest(home.workspace.id, mapId, "observations-wide.csv")).text());
    expect(all[1]!.slice(0, 3)).toEqual(["Interview", "Date", "Interviewer"]);
    expect(all[1]).toContain("'=Landing page | =Landing page is quick | outcome");
    // Interview 7 reached no touchpoint: it is a row (it counts in N) with every answer empty.
    const empty = all.slice(2).find((row) => row[0] === interviewIds[7]);
    expect(empty?.slice(9).every((cell) => cell === "")).toBe(true);
    expect(all.slice(2).map((row) => row[0])).not.toContain(interviewIds[24]);
    expect(all.slice(2).map((row) => row[0])).not.toContain(interviewIds[25]);
  });

  it("streams a page of interviews at a time: a small page size gives the same rows", async () => {
    actAs(home.byRole.MANAGER);
    const { getExportSubject } = await import("@/lib/data/export");
    const subject = (await getExportSubject(ctx, mapId, EMPTY_FILTER))!;
    const source = await import("@/lib/data/export");
    const whole = await new Response(await source.streamObservationsCsv(ctx, subject)).text();
    const paged = await new Response(await source.streamObservationsCsv(ctx, subject, 3)).text();
    expect(paged).toBe(whole);
    expect(parseCsv(paged).length).toBe(2 + (await matrixUnder(EMPTY_FILTER)).observations);
  });

  it("refuses a signed-out caller, another workspace's member and every role without the export permission", async () => {
    for (const kind of ["observations.csv", "fix-list.csv", "matrix.json"]) {
      actAs(null);
      expect((await exportRequest(home.workspace.id, mapId, kind)).status).toBe(401);
      actAs(other.byRole.ADMIN);
      const outsider = await exportRequest(home.workspace.id, mapId, kind);
      expect(outsider.status).toBe(404);
      expect(await outsider.json()).toEqual({ error: "Not found." });
      for (const role of ROLES) {
        actAs(home.byRole[role]);
        const response = await exportRequest(home.workspace.id, mapId, kind);
        if (can(role, "data.export")) {
          expect(response.status, role).toBe(200);
          await response.body?.cancel();
        } else {
          expect(response.status, role).toBe(404);
          expect(await response.json()).toEqual({ error: "Not found." });
        }
      }
    }
    expect(can("INTERVIEWER", "data.export")).toBe(false);
  });

  it("answers hostile filter values, another workspace's map and an unknown export with a 4xx and a message", async () => {
    actAs(home.byRole.MANAGER);
    const cases: [string, string, string][] = [
      ["observations.csv", mapId, "segment=a%00b"],
      ["observations.csv", mapId, "from=2026-02-30"],
      ["observations-wide.csv", mapId, "to=3000-01-01"],
      ["observations.json", mapId, `stage=${"x".repeat(200)}`],
      ["fix-list.csv", mapId, "lifecycle=EVERYONE"],
      ["matrix.csv", mapId, "mot=1e300"],
      ["matrix.json", mapId, "crosshair=sideways"],
      ["matrix.csv", mapId, "from=2026-03-01&to=2026-01-01"],
      ["observations.csv", mapId, "interviewer=%E2%80%8B"],
      ["observations.csv", otherMapId, ""],
      ["observations.csv", "x\u0000", ""],
      ["everything.xlsx", mapId, ""],
    ];
    const failures: string[] = [];
    for (const [kind, map, query] of cases) {
      const response = await exportRequest(home.workspace.id, map, kind, query);
      const body = await response.text();
      const message = (() => {
        try {
          return typeof JSON.parse(body).error === "string";
        } catch {
          return false;
        }
      })();
      if (response.status < 400 || response.status >= 500 || !message) failures.push(`${kind}?${query}: ${response.status} ${body.slice(0, 120)}`);
    }
    expect(failures).toEqual([]);
  });

  it("another workspace's ids in a filter match nothing of theirs", async () => {
    actAs(home.byRole.MANAGER);
    const text = await (await exportRequest(home.workspace.id, mapId, "observations.csv", `interviewer=${other.byRole.INTERVIEWER.id}`)).text();
    const rows = parseCsv(text);
    expect(rows.length).toBe(2);
    expect(rows[0]![0]).toContain("interviewer unknown");
  });
});

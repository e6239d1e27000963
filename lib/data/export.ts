import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { sql, sqlArrays } from "@/lib/db";
import type { WorkspaceContext } from "@/lib/workspace";
import type { AnalysisFilter } from "@/lib/schemas/analysis-filter";
import type { CrosshairMode } from "@/lib/analysis/quadrant";
import { describeFilter } from "@/lib/analysis/filter-summary";
import { csvCell, csvRow, csvTitleRow } from "@/lib/csv/write";
import { planSource, summaryCondition } from "@/lib/data/analysis-source";
import { getFilterOptions, getMapForAnalysis, getMatrix, listTouchpointRows, selectTouchpoints } from "@/lib/data/analysis";
import type { MapForAnalysis, Matrix, MatrixPoint, TouchpointRow } from "@/lib/types/analysis";

// The exports of a map under the analysis filter. The figures (matrix, fix list) are the very
// result the matrix page shows (getMatrix); the observations are streamed a page of interviews
// at a time, found with the same interview-level condition the figures are summed under and
// kept to the touchpoints the figures show, so an export never sits in memory whole and never
// disagrees with the screen.

export const EXPORT_KINDS = [
  "observations.csv",
  "observations-wide.csv",
  "observations.json",
  "fix-list.csv",
  "matrix.csv",
  "matrix.json",
] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** Interviews per page of an observations export: about 20,000 observations, a few MB at most. */
const INTERVIEWS_PER_PAGE = 1000;

type Expectation = { id: string; touchpointId: string; text: string; kind: "LISTED" | "VOLUNTEERED"; archived: boolean };

/** What every export of a map needs: the map, the filter in words and the touchpoints it shows. */
export type ExportSubject = {
  map: MapForAnalysis;
  filter: AnalysisFilter;
  filterLine: string;
  touchpoints: TouchpointRow[];
  interviewerNames: Map<string, string>;
};

/** The map and filter of an export; null when the map is not this workspace's. */
export async function getExportSubject(ctx: WorkspaceContext, mapId: string, filter: AnalysisFilter): Promise<ExportSubject | null> {
  const map = await getMapForAnalysis(ctx, mapId);
  if (!map) return null;
  const [options, rows] = await Promise.all([getFilterOptions(ctx, mapId), listTouchpointRows(ctx, mapId)]);
  return {
    map,
    filter,
    filterLine: describeFilter(filter, options),
    touchpoints: selectTouchpoints(rows, filter),
    interviewerNames: new Map(options.interviewers.map((user) => [user.id, user.name])),
  };
}

/** Every expectation of the touchpoints shown (volunteered and archived ones too), in journey order. */
async function listExpectations(ctx: WorkspaceContext, subject: ExportSubject): Promise<Expectation[]> {
  const ids = subject.touchpoints.map((t) => t.id);
  const rows = await sql<Expectation & { archived_at: Date | null }>(
    `SELECT id, touchpoint_id AS "touchpointId", text, kind::text AS kind, archived_at
     FROM expectations
     WHERE workspace_id = $1 AND map_id = $2 AND touchpoint_id = ANY($3::text[]) AND merged_into_id IS NULL
     ORDER BY array_position($3::text[], touchpoint_id), kind, position, id`,
    [ctx.workspaceId, subject.map.id, ids],
  );
  return rows.map(({ archived_at, ...row }) => ({ ...row, archived: archived_at !== null }));
}

const encoder = new TextEncoder();

/**
 * A byte stream that asks `next` for one more piece each time the reader wants more, so a slow
 * download holds one page in memory, not the export. `next` returns null when done.
 */
function pagedStream(next: () => Promise<string | null>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        // A pull that enqueues nothing is not called again: go on until there is something.
        let piece = await next();
        while (piece === "") piece = await next();
        if (piece === null) controller.close();
        else controller.enqueue(encoder.encode(piece));
      },
    },
    { highWaterMark: 1 },
  );
}

type InterviewRow = {
  id: string;
  day: string;
  interviewer: string;
  respondent: string;
  lifecycle: string;
  tier: string;
  segment: string;
  mode: string;
  overall: string;
};
type ObservationRow = [interviewId: string, touchpointId: string, expectationId: string, outcome: string, importance: number, feeling: string | null, comment: string | null];

/**
 * Pages of the interviews in the filter (keyset by interview id) with their observations at the
 * touchpoints shown. Each page is two queries on the pool; no connection is held between pages.
 */
async function* interviewPages(ctx: WorkspaceContext, subject: ExportSubject, pageSize = INTERVIEWS_PER_PAGE) {
  const plan = await planSource(ctx, subject.filter, "summary");
  const condition = summaryCondition(ctx, subject.map.id, subject.filter, plan.restrictions);
  const touchpointIds = subject.touchpoints.map((t) => t.id);

  async function readInterviews(after: string): Promise<InterviewRow[]> {
    const page = Prisma.sql`
      SELECT s.interview_id, to_char(i.conducted_on, 'YYYY-MM-DD'), i.interviewer_id, coalesce(r.code, ''),
        coalesce(r.lifecycle_stage::text, ''), coalesce(r.value_tier::text, ''), coalesce(r.segment, ''), i.mode::text,
        coalesce(i.overall_feeling::text, '')
      FROM analysis_interviews s
      JOIN interviews i ON i.id = s.interview_id AND i.workspace_id = ${ctx.workspaceId}
      LEFT JOIN respondents r ON r.id = i.respondent_id AND r.workspace_id = ${ctx.workspaceId}
      WHERE ${condition} AND s.interview_id > ${after}
      ORDER BY s.interview_id
      LIMIT ${pageSize}`;
    return (await sqlArrays(page.text, page.values)).map(
      ([id, day, interviewer, respondent, lifecycle, tier, segment, mode, overall]) =>
        ({
          id,
          day,
          interviewer: subject.interviewerNames.get(interviewer as string) ?? "",
          respondent,
          lifecycle,
          tier,
          segment,
          mode,
          overall,
        }) as InterviewRow,
    );
  }

  async function readObservations(interviews: InterviewRow[]): Promise<ObservationRow[]> {
    if (interviews.length === 0 || touchpointIds.length === 0) return [];
    return (await sqlArrays(
      // One primary-key lookup per interview of the page (LATERAL, kept apart by OFFSET 0): with
      // `interview_id = ANY(...)` the planner scanned the whole table for every page.
      `SELECT o.interview_id, o.touchpoint_id, o.expectation_id, o.outcome, o.importance, o.feeling, o.comment
       FROM unnest($3::text[]) WITH ORDINALITY AS p(id, ord)
       CROSS JOIN LATERAL (
         SELECT o.interview_id, o.touchpoint_id, o.expectation_id, o.outcome::text AS outcome, o.importance::int AS importance,
           o.feeling::text AS feeling, o.comment
         FROM observations o
         WHERE o.interview_id = p.id AND o.workspace_id = $1 AND o.map_id = $2 AND o.touchpoint_id = ANY($4::text[])
         OFFSET 0
       ) o
       ORDER BY p.ord, array_position($4::text[], o.touchpoint_id), o.expectation_id`,
      [ctx.workspaceId, subject.map.id, interviews.map((row) => row.id), touchpointIds],
    )) as ObservationRow[];
  }

  // The next page is read while the current one is written out: the database and the writer
  // work at the same time, and at most two pages are in memory.
  const read = async (after: string) => {
    const interviews = await readInterviews(after);
    return { interviews, observations: await readObservations(interviews) };
  };
  let next = read("");
  for (;;) {
    const page = await next;
    if (page.interviews.length === 0) return;
    const full = page.interviews.length === pageSize;
    if (full) {
      next = read(page.interviews[page.interviews.length - 1]!.id);
      // A download ended early never awaits the page read ahead: its failure must not go unhandled.
      next.catch(() => undefined);
    }
    yield page;
    if (!full) return;
  }
}

const EXPORT_TITLES: Record<ExportKind, string> = {
  "observations.csv": "Observations (one row per observation)",
  "observations-wide.csv": "Observations (one row per interview)",
  "observations.json": "Observations",
  "fix-list.csv": "Fix list",
  "matrix.csv": "Priority matrix figures",
  "matrix.json": "Priority matrix figures",
};

/** The first line of a CSV export: what, of which map, under which filter. */
export function exportTitle(kind: ExportKind, subject: ExportSubject): string {
  return `cxmap ${EXPORT_TITLES[kind]}, map ${subject.map.name}`;
}

const INTERVIEW_COLUMNS = ["Interview", "Date", "Interviewer", "Respondent", "Lifecycle stage", "Value tier", "Segment", "Mode", "Overall feeling"];

function interviewCells(row: InterviewRow): string[] {
  return [row.id, row.day, row.interviewer, row.respondent, row.lifecycle, row.tier, row.segment, row.mode, row.overall];
}

/** Names of touchpoints and expectations, and each touchpoint's stage and channel. */
async function journeyNames(ctx: WorkspaceContext, subject: ExportSubject) {
  const expectations = await listExpectations(ctx, subject);
  return {
    expectations,
    touchpoint: new Map(subject.touchpoints.map((t) => [t.id, t])),
    expectation: new Map(expectations.map((e) => [e.id, e])),
  };
}

/** Cells joined as CSV, without the line end: for parts of a row written once and reused. */
function csvCells(values: readonly (string | number | boolean | null | undefined)[]): string {
  return csvRow(values).slice(0, -2);
}

/** The observations as long CSV: one row per observation, interviews in id order. */
export async function streamObservationsCsv(
  ctx: WorkspaceContext,
  subject: ExportSubject,
  pageSize = INTERVIEWS_PER_PAGE,
): Promise<ReadableStream<Uint8Array>> {
  const names = await journeyNames(ctx, subject);
  // Where an observation was made (stage, channel, touchpoint, expectation, kind), written once per
  // expectation; outcome, importance and feeling are enum values and numbers that need no quoting.
  const places = new Map<string, string>();
  const placeOf = (touchpointId: string, expectationId: string) => {
    let cells = places.get(expectationId);
    if (cells === undefined) {
      const touchpoint = names.touchpoint.get(touchpointId)!;
      const expectation = names.expectation.get(expectationId);
      cells = csvCells([touchpoint.stageName, touchpoint.channelName, touchpoint.name, expectation?.text ?? "", expectation?.kind ?? ""]);
      places.set(expectationId, cells);
    }
    return cells;
  };
  const pages = interviewPages(ctx, subject, pageSize);
  let head: string | null =
    csvTitleRow(exportTitle("observations.csv", subject), subject.filterLine) +
    csvRow([...INTERVIEW_COLUMNS, "Stage", "Channel", "Touchpoint", "Expectation", "Expectation kind", "Outcome", "Importance", "Feeling", "Comment"]);
  return pagedStream(async () => {
    const first = head;
    head = null;
    const page = await pages.next();
    if (page.done) return first;
    const byId = new Map(page.value.interviews.map((row) => [row.id, csvCells(interviewCells(row))]));
    let out = first ?? "";
    for (const [interviewId, touchpointId, expectationId, outcome, importance, feeling, comment] of page.value.observations) {
      out += `${byId.get(interviewId)!},${placeOf(touchpointId, expectationId)},${outcome},${importance},${feeling ?? ""},${csvCell(comment)}\r\n`;
    }
    return out;
  });
}

/**
 * The observations as wide CSV, the layout survey tools export: one row per interview in the
 * filter (those with no observation at the touchpoints shown too, so the rows are N), and for
 * every expectation of those touchpoints its outcome, importance, feeling and comment.
 */
export async function streamObservationsWideCsv(
  ctx: WorkspaceContext,
  subject: ExportSubject,
  pageSize = INTERVIEWS_PER_PAGE,
): Promise<ReadableStream<Uint8Array>> {
  const names = await journeyNames(ctx, subject);
  const MEASURES = ["outcome", "importance", "feeling", "comment"] as const;
  const column = new Map(names.expectations.map((e, index) => [e.id, INTERVIEW_COLUMNS.length + index * MEASURES.length]));
  const width = INTERVIEW_COLUMNS.length + names.expectations.length * MEASURES.length;
  const header = [
    ...INTERVIEW_COLUMNS,
    ...names.expectations.flatMap((e) => {
      const label = `${names.touchpoint.get(e.touchpointId)!.name} | ${e.text}${e.kind === "VOLUNTEERED" ? " (volunteered)" : ""}${e.archived ? " (archived)" : ""}`;
      return MEASURES.map((measure) => `${label} | ${measure}`);
    }),
  ];
  const pages = interviewPages(ctx, subject, pageSize);
  let head: string | null = csvTitleRow(exportTitle("observations-wide.csv", subject), subject.filterLine) + csvRow(header);
  return pagedStream(async () => {
    const first = head;
    head = null;
    const page = await pages.next();
    if (page.done) return first;
    const rows = new Map<string, (string | number | null)[]>();
    for (const interview of page.value.interviews) {
      const cells: (string | number | null)[] = new Array(width).fill(null);
      interviewCells(interview).forEach((cell, index) => (cells[index] = cell));
      rows.set(interview.id, cells);
    }
    for (const [interviewId, , expectationId, outcome, importance, feeling, comment] of page.value.observations) {
      const at = column.get(expectationId);
      if (at === undefined) continue;
      const cells = rows.get(interviewId)!;
      cells[at] = outcome;
      cells[at + 1] = importance;
      cells[at + 2] = feeling;
      cells[at + 3] = comment;
    }
    let out = first ?? "";
    for (const cells of rows.values()) out += csvRow(cells);
    return out;
  });
}

/**
 * The observations as one JSON document, streamed: a header (map, filter, filter in words) and
 * an array `observations` with one object per line, so it parses whole with any JSON reader and
 * line by line after the first line.
 */
export async function streamObservationsJson(
  ctx: WorkspaceContext,
  subject: ExportSubject,
  pageSize = INTERVIEWS_PER_PAGE,
): Promise<ReadableStream<Uint8Array>> {
  const names = await journeyNames(ctx, subject);
  const pages = interviewPages(ctx, subject, pageSize);
  const header = JSON.stringify({
    export: "observations",
    map: { id: subject.map.id, name: subject.map.name },
    filterText: subject.filterLine,
    filter: subject.filter,
  });
  let state: "head" | "rows" | "done" = "head";
  let first = true;
  return pagedStream(async () => {
    if (state === "done") return null;
    let out = "";
    if (state === "head") {
      out = `${header.slice(0, -1)},"observations":[`;
      state = "rows";
    }
    const page = await pages.next();
    if (page.done) {
      state = "done";
      return `${out}\n]}\n`;
    }
    const byId = new Map(page.value.interviews.map((row) => [row.id, row]));
    for (const [interviewId, touchpointId, expectationId, outcome, importance, feeling, comment] of page.value.observations) {
      const interview = byId.get(interviewId)!;
      const touchpoint = names.touchpoint.get(touchpointId)!;
      const expectation = names.expectation.get(expectationId);
      out += `${first ? "" : ","}\n${JSON.stringify({
        interviewId,
        date: interview.day,
        interviewer: interview.interviewer,
        respondent: interview.respondent || null,
        lifecycleStage: interview.lifecycle || null,
        valueTier: interview.tier || null,
        segment: interview.segment || null,
        mode: interview.mode,
        overallFeeling: interview.overall || null,
        stage: touchpoint.stageName,
        channel: touchpoint.channelName,
        touchpointId,
        touchpoint: touchpoint.name,
        expectationId,
        expectation: expectation?.text ?? null,
        expectationKind: expectation?.kind ?? null,
        outcome,
        importance,
        feeling,
        comment,
      })}`;
      first = false;
    }
    return out;
  });
}

/** The matrix the page shows under this filter and crosshair mode. */
export function exportMatrix(ctx: WorkspaceContext, subject: ExportSubject, crosshair: CrosshairMode): Promise<Matrix> {
  return getMatrix(ctx, subject.map, subject.filter, crosshair);
}

const FIGURE_COLUMNS: [string, (p: MatrixPoint) => string | number | boolean | null | undefined][] = [
  ["Touchpoint", (p) => p.name],
  ["Stage", (p) => p.stageName],
  ["Channel", (p) => p.channelName],
  ["Moment of truth", (p) => p.momentOfTruth],
  ["Owner team", (p) => p.ownerTeam],
  ["Observations (n)", (p) => p.n],
  ["Interviews", (p) => p.interviews],
  ["Reach", (p) => p.reach],
  ["Importance", (p) => p.importance.mean],
  ["Importance lower 95%", (p) => p.importance.lower],
  ["Importance upper 95%", (p) => p.importance.upper],
  ["Performance", (p) => p.performance.value],
  ["Performance lower 95%", (p) => p.performance.lower],
  ["Performance upper 95%", (p) => p.performance.upper],
  ["Missed", (p) => p.missed],
  ["Met", (p) => p.met],
  ["Exceeded", (p) => p.exceeded],
  ["Miss rate", (p) => p.missRate?.rate],
  ["Miss rate lower 95%", (p) => p.missRate?.lower],
  ["Miss rate upper 95%", (p) => p.missRate?.upper],
  ["Exceed rate", (p) => p.exceedRate?.rate],
  ["Exceed rate lower 95%", (p) => p.exceedRate?.lower],
  ["Exceed rate upper 95%", (p) => p.exceedRate?.upper],
  ["Weighted pain per 100 interviews", (p) => p.weightedPain],
  ["Weighted delight per 100 interviews", (p) => p.weightedDelight],
  ["Gap", (p) => p.gap],
  ["Quadrant", (p) => p.quadrant],
  ["Uncertain", (p) => p.uncertain],
  ["Insufficient data", (p) => p.insufficient],
];

function crosshairLine(matrix: Matrix): string {
  const { crosshair } = matrix;
  return `${matrix.interviews} interviews, ${matrix.observations} observations; crosshairs at importance ${crosshair.importance} and performance ${crosshair.performance} (${crosshair.source === "data" ? "the data's means" : "the scale centre"})`;
}

/** Every figure of every touchpoint shown, in journey order, as on the matrix. */
export function matrixCsv(subject: ExportSubject, matrix: Matrix): string {
  const rank = new Map(matrix.fixList.map((p, index) => [p.id, index + 1]));
  let out = csvTitleRow(`${exportTitle("matrix.csv", subject)}; ${crosshairLine(matrix)}`, subject.filterLine);
  out += csvRow([...FIGURE_COLUMNS.map(([name]) => name), "Fix list rank"]);
  for (const point of matrix.points) out += csvRow([...FIGURE_COLUMNS.map(([, value]) => value(point)), rank.get(point.id)]);
  return out;
}

/** The fix list in its order: weighted pain, then importance, then name. */
export function fixListCsv(subject: ExportSubject, matrix: Matrix): string {
  let out = csvTitleRow(`${exportTitle("fix-list.csv", subject)}; ${matrix.interviews} interviews`, subject.filterLine);
  out += csvRow([
    "Rank",
    "Touchpoint",
    "Stage",
    "Channel",
    "Weighted pain per 100 interviews",
    "Importance",
    "Performance",
    "Gap",
    "Miss rate",
    "Quadrant",
    "Uncertain",
    "Insufficient data",
    "Observations (n)",
    "Reach",
    "Owner team",
    "Moment of truth",
  ]);
  matrix.fixList.forEach((p, index) => {
    out += csvRow([
      index + 1,
      p.name,
      p.stageName,
      p.channelName,
      p.weightedPain,
      p.importance.mean,
      p.performance.value,
      p.gap,
      p.missRate?.rate,
      p.quadrant,
      p.uncertain,
      p.insufficient,
      p.n,
      p.reach,
      p.ownerTeam,
      p.momentOfTruth,
    ]);
  });
  return out;
}

/** The matrix as JSON: the figures as the matrix route gives them, with the filter in words. */
export function matrixJson(subject: ExportSubject, matrix: Matrix): string {
  return `${JSON.stringify({ export: "matrix", filterText: subject.filterLine, filter: subject.filter, ...matrix }, null, 1)}\n`;
}

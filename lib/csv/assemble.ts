// From a file's records to interviews: each record read through the mapping, the records of one
// interview put together (a long file has one row per observation, a wide one a row per
// interview), and each interview checked with the very schema interview capture uses. Every
// problem is kept with its line and column, for the report of bad rows.
import { createHash } from "node:crypto";
import { orderedUuid } from "@/lib/ordered-id";
import { interviewSubmissionSchema, toObservationRows, type InterviewSubmission, type JourneyForCheck, type ObservationRow } from "@/lib/schemas/interview-submission";
import { valueKey, type ImportMapping, type Measure, type ValueKind } from "@/lib/schemas/import";
import { resolveValue } from "@/lib/csv/values";
import type { DateOrder } from "@/lib/schemas/import";

export type RowProblem = { line: number; column: string; reason: string };

export type ImportJourney = JourneyForCheck & { mapId: string };
export type ImportAttributeField = { id: string; name: string; options: { id: string; value: string }[] };

/** An interview of the file, checked: what the import writes. */
export type ImportedInterview = {
  externalRef: string;
  line: number;
  submission: InterviewSubmission;
  observations: ObservationRow[];
  interviewerEmail: string | null;
  respondentCode: string;
};

type Cell = { outcome: string | null; importance: number | null; feeling: string | null; comment: string };
type Draft = {
  externalRef: string;
  line: number;
  code: string | null;
  lifecycleStage: string | null;
  valueTier: string | null;
  segment: string;
  attributes: Map<string, string>;
  interviewerEmail: string | null;
  conductedOn: string | null;
  mode: string | null;
  overallFeeling: string | null;
  notes: string;
  /** touchpoint id -> listed expectation id or "text:<words>" -> measures */
  cells: Map<string, Map<string, Cell & { text?: string }>>;
  /** Where each part came from, by the capture schema's paths, for problems it finds. */
  where: Map<string, { line: number; column: string }>;
  problems: RowProblem[];
};

/** A date as the file writes it, as YYYY-MM-DD; null when it is not one. */
export function parseDate(raw: string, order: DateOrder): string | null {
  const value = raw.trim();
  let year: number, month: number, day: number;
  const ymd = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])/.exec(value);
  const other = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:$|[T\s,])/.exec(value);
  if (ymd) [year, month, day] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
  else if (other) {
    const [first, second] = [Number(other[1]), Number(other[2])];
    year = Number(other[3]);
    [month, day] = order === "dmy" ? [second, first] : [first, second];
  } else return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

function hash(text: string): string {
  return createHash("sha1").update(text).digest("hex");
}

/** The capture schema keys an unlisted expectation by a short id, not its words. */
function volunteeredKey(key: string): string {
  return `v${hash(key).slice(0, 20)}`;
}

const VALUE_WORDS: Record<ValueKind, string> = {
  outcome: "an outcome (missed, met or exceeded)",
  importance: "an importance from 1 to 5",
  feeling: "one of the six feelings",
  mode: "a mode (in person, phone or video)",
  lifecycleStage: "a lifecycle stage (prospect, new, established or lapsed)",
  valueTier: "a value tier (high, medium, low or unknown)",
};

/**
 * Puts records together into checked interviews. `push` a record at a time (with its line in
 * the file); it returns the interviews completed so far. `problems` lists every bad row found.
 */
export class InterviewAssembler {
  readonly problems: RowProblem[] = [];
  private current: Draft | null = null;
  private readonly seen = new Set<string>();
  private readonly touchpointsByKey = new Map<string, ImportJourney["touchpoints"][number]>();
  private readonly listedByKey = new Map<string, Map<string, string>>();
  private readonly fields: Map<string, ImportAttributeField & { optionByKey: Map<string, string> }>;
  private readonly latestDate: string | undefined;
  /** A long file's columns by what they hold. */
  private readonly long: { touchpoint: number; expectation: number; measures: { measure: Measure; column: number; name: string }[] };

  constructor(
    private readonly mapping: ImportMapping,
    private readonly columnNames: readonly string[],
    private readonly journey: ImportJourney,
    attributeFields: readonly ImportAttributeField[],
    options: { latestDate?: string } = {},
  ) {
    for (const touchpoint of journey.touchpoints) {
      this.touchpointsByKey.set(touchpoint.id, touchpoint);
      this.touchpointsByKey.set(valueKey(touchpoint.name), touchpoint);
      const listed = new Map<string, string>();
      for (const expectation of touchpoint.expectations) {
        listed.set(expectation.id, expectation.id);
        listed.set(valueKey(expectation.text), expectation.id);
      }
      this.listedByKey.set(touchpoint.id, listed);
    }
    this.fields = new Map(
      attributeFields.map((field) => [field.id, { ...field, optionByKey: new Map(field.options.map((option) => [valueKey(option.value), option.id])) }]),
    );
    this.latestDate = options.latestDate;
    const column = (kind: string) => mapping.columns.find((item) => item.target.kind === kind)?.column;
    this.long = {
      touchpoint: column("touchpoint") ?? -1,
      expectation: column("expectation") ?? -1,
      measures: (["outcome", "importance", "feeling", "comment"] as const)
        .filter((measure) => column(measure) !== undefined)
        .map((measure) => ({ measure, column: column(measure)!, name: this.columnName(column(measure)!) })),
    };
  }

  private columnName(index: number): string {
    return this.columnNames[index]?.trim() || `Column ${index + 1}`;
  }

  /** Values repeat on most rows: each distinct one is resolved once. */
  private readonly resolved = new Map<string, string | null | undefined>();

  private value(kind: ValueKind, raw: string, line: number, column: number, draft: Draft): string | null {
    const memo = `${kind}\u0000${raw}`;
    let resolved = this.resolved.get(memo);
    if (resolved === undefined && !this.resolved.has(memo)) {
      resolved = resolveValue(kind, raw, this.mapping);
      if (this.resolved.size < 10_000) this.resolved.set(memo, resolved);
    }
    if (resolved === undefined) {
      draft.problems.push({ line, column: this.columnName(column), reason: `“${raw.trim().slice(0, 80)}” is not ${VALUE_WORDS[kind]}: map this value in the values step.` });
      return null;
    }
    return resolved;
  }

  /** Reads one record; returns the interviews it completed (a long file's previous one). */
  push(record: readonly string[], line: number): ImportedInterview[] {
    const done: ImportedInterview[] = [];
    const get = (index: number) => record[index] ?? "";
    const idColumn = this.mapping.columns.find((item) => item.target.kind === "interviewId");
    const rawId = idColumn ? get(idColumn.column).trim() : "";
    if (this.mapping.layout === "long") {
      if (rawId === "") {
        this.problems.push({ line, column: idColumn ? this.columnName(idColumn.column) : "", reason: "The interview id is empty." });
        return done;
      }
      const ref = `${this.journey.mapId}:${rawId}`;
      if (this.current && this.current.externalRef !== ref) {
        const finished = this.finishDraft(this.current);
        if (finished) done.push(finished);
        this.current = null;
      }
      if (!this.current) {
        if (this.seen.has(ref)) {
          this.problems.push({
            line,
            column: this.columnName(idColumn!.column),
            reason: `The rows of interview “${rawId.slice(0, 80)}” are not together: sort the file by interview id.`,
          });
          return done;
        }
        this.seen.add(ref);
        this.current = this.newDraft(ref, line, record);
      }
      this.readLongRow(this.current, record, line);
      return done;
    }
    const ref = rawId !== "" ? `${this.journey.mapId}:${rawId}` : `${this.journey.mapId}:row:${hash(record.join("\u001f"))}`;
    if (this.seen.has(ref)) {
      this.problems.push({
        line,
        column: idColumn ? this.columnName(idColumn.column) : "",
        reason: rawId !== "" ? `Interview “${rawId.slice(0, 80)}” has more than one row.` : "This row repeats an earlier row.",
      });
      return done;
    }
    this.seen.add(ref);
    const draft = this.newDraft(ref, line, record);
    this.readWideRow(draft, record, line);
    const finished = this.finishDraft(draft);
    if (finished) done.push(finished);
    return done;
  }

  /** The last interview of a long file. */
  finish(): ImportedInterview[] {
    const last = this.current ? this.finishDraft(this.current) : null;
    this.current = null;
    return last ? [last] : [];
  }

  private newDraft(externalRef: string, line: number, record: readonly string[]): Draft {
    const draft: Draft = {
      externalRef,
      line,
      code: null,
      lifecycleStage: null,
      valueTier: null,
      segment: "",
      attributes: new Map(),
      interviewerEmail: null,
      conductedOn: null,
      mode: null,
      overallFeeling: null,
      notes: "",
      cells: new Map(),
      where: new Map(),
      problems: [],
    };
    for (const { column, target } of this.mapping.columns) {
      const raw = record[column] ?? "";
      const name = this.columnName(column);
      const at = { line, column: name };
      switch (target.kind) {
        case "respondentCode":
          draft.code = raw.trim() || null;
          draft.where.set("respondent", at);
          break;
        case "lifecycleStage":
          draft.lifecycleStage = this.value("lifecycleStage", raw, line, column, draft);
          draft.where.set("respondent.profile.lifecycleStage", at);
          break;
        case "valueTier":
          draft.valueTier = this.value("valueTier", raw, line, column, draft);
          draft.where.set("respondent.profile.valueTier", at);
          break;
        case "segment":
          draft.segment = raw.trim();
          draft.where.set("respondent.profile.segment", at);
          break;
        case "attribute": {
          const field = this.fields.get(target.fieldId);
          if (!field || raw.trim() === "") break;
          const optionId = field.optionByKey.get(valueKey(raw));
          if (!optionId) draft.problems.push({ line, column: name, reason: `“${raw.trim().slice(0, 80)}” is not a value of ${field.name}.` });
          else draft.attributes.set(field.id, optionId);
          break;
        }
        case "date": {
          const date = parseDate(raw, this.mapping.dateOrder);
          if (!date) draft.problems.push({ line, column: name, reason: raw.trim() === "" ? "The date is empty." : `“${raw.trim().slice(0, 40)}” is not a date.` });
          draft.conductedOn = date;
          draft.where.set("conductedOn", at);
          break;
        }
        case "interviewer":
          draft.interviewerEmail = raw.trim().toLowerCase() || null;
          break;
        case "mode":
          draft.mode = this.value("mode", raw, line, column, draft);
          draft.where.set("mode", at);
          break;
        case "overallFeeling":
          draft.overallFeeling = this.value("feeling", raw, line, column, draft);
          draft.where.set("overallFeeling", at);
          break;
        case "notes":
          draft.notes = raw;
          draft.where.set("notes", at);
          break;
        default:
          break;
      }
    }
    return draft;
  }

  private cell(draft: Draft, touchpointId: string, key: string, text?: string): Cell {
    let byExpectation = draft.cells.get(touchpointId);
    if (!byExpectation) draft.cells.set(touchpointId, (byExpectation = new Map()));
    let cell = byExpectation.get(key);
    if (!cell) byExpectation.set(key, (cell = { outcome: null, importance: null, feeling: null, comment: "", text }));
    return cell;
  }

  private setMeasure(draft: Draft, cell: Cell, measure: Measure, raw: string, line: number, column: number) {
    if (measure === "comment") cell.comment = raw.trim();
    else if (measure === "outcome") cell.outcome = this.value("outcome", raw, line, column, draft);
    else if (measure === "feeling") cell.feeling = this.value("feeling", raw, line, column, draft);
    else {
      const value = this.value("importance", raw, line, column, draft);
      cell.importance = value === null ? null : Number(value);
    }
  }

  private readLongRow(draft: Draft, record: readonly string[], line: number) {
    const { touchpoint: touchpointColumn, expectation: expectationColumn, measures } = this.long;
    const rawTouchpoint = (record[touchpointColumn] ?? "").trim();
    const rawExpectation = (record[expectationColumn] ?? "").trim();
    if (rawTouchpoint === "" && rawExpectation === "" && measures.every(({ column }) => (record[column] ?? "").trim() === "")) return;
    const touchpoint = this.touchpointsByKey.get(rawTouchpoint) ?? this.touchpointsByKey.get(valueKey(rawTouchpoint));
    if (!touchpoint) {
      draft.problems.push({
        line,
        column: this.columnName(touchpointColumn),
        reason: rawTouchpoint === "" ? "The touchpoint is empty." : `“${rawTouchpoint.slice(0, 80)}” is not a touchpoint of this map.`,
      });
      return;
    }
    if (rawExpectation === "") {
      draft.problems.push({ line, column: this.columnName(expectationColumn), reason: "The expectation is empty." });
      return;
    }
    const listed = this.listedByKey.get(touchpoint.id)!;
    const expectationId = listed.get(rawExpectation) ?? listed.get(valueKey(rawExpectation));
    let cell: Cell;
    let path: string;
    if (expectationId) {
      if (draft.cells.get(touchpoint.id)?.has(expectationId)) {
        draft.problems.push({ line, column: this.columnName(expectationColumn), reason: `${touchpoint.name}: “${rawExpectation.slice(0, 80)}” is rated twice in this interview.` });
        return;
      }
      cell = this.cell(draft, touchpoint.id, expectationId);
      path = `touchpoints.${touchpoint.id}.expectations.${expectationId}`;
    } else if (this.mapping.unknownExpectations === "volunteer") {
      const key = `text:${valueKey(rawExpectation)}`;
      if (draft.cells.get(touchpoint.id)?.has(key)) {
        draft.problems.push({ line, column: this.columnName(expectationColumn), reason: `${touchpoint.name}: “${rawExpectation.slice(0, 80)}” is rated twice in this interview.` });
        return;
      }
      cell = this.cell(draft, touchpoint.id, key, rawExpectation);
      path = `touchpoints.${touchpoint.id}.volunteered.${volunteeredKey(key)}`;
    } else {
      draft.problems.push({
        line,
        column: this.columnName(expectationColumn),
        reason: `“${rawExpectation.slice(0, 80)}” is not an expectation of ${touchpoint.name}. Add it to the map, or choose to create unlisted expectations.`,
      });
      return;
    }
    // One entry per row: a problem with a measure finds the row here and the measure's column by name.
    draft.where.set(path, { line, column: this.columnName(expectationColumn) });
    for (const { measure, column } of measures) this.setMeasure(draft, cell, measure, record[column] ?? "", line, column);
    if (!draft.where.has(`touchpoints.${touchpoint.id}`)) draft.where.set(`touchpoints.${touchpoint.id}`, { line, column: this.columnName(touchpointColumn) });
  }

  private readWideRow(draft: Draft, record: readonly string[], line: number) {
    for (const { column, target } of this.mapping.columns) {
      if (target.kind !== "measure") continue;
      const touchpoint = this.touchpointsByKey.get(target.touchpointId);
      const expectationId = touchpoint && this.listedByKey.get(touchpoint.id)?.get(target.expectationId);
      if (!touchpoint || !expectationId) continue; // refused when the mapping was accepted
      const raw = record[column] ?? "";
      const path = `touchpoints.${touchpoint.id}.expectations.${expectationId}`;
      draft.where.set(`${path}.${target.measure}`, { line, column: this.columnName(column) });
      if (!draft.where.has(path)) draft.where.set(path, { line, column: this.columnName(column) });
      if (!draft.where.has(`touchpoints.${touchpoint.id}`)) draft.where.set(`touchpoints.${touchpoint.id}`, { line, column: this.columnName(column) });
      if (raw.trim() === "") continue;
      this.setMeasure(draft, this.cell(draft, touchpoint.id, expectationId), target.measure, raw, line, column);
    }
  }

  /** Checks a complete interview with the capture's schema; null (and its problems kept) when bad. */
  private finishDraft(draft: Draft): ImportedInterview | null {
    if (draft.problems.length > 0) {
      this.problems.push(...draft.problems);
      return null;
    }
    const answers = this.journey.touchpoints.map((touchpoint) => {
      const cells = draft.cells.get(touchpoint.id);
      const entries = [...(cells ?? new Map<string, Cell & { text?: string }>()).entries()].filter(
        ([, cell]) => cell.outcome !== null || cell.importance !== null || cell.feeling !== null || cell.comment !== "",
      );
      if (entries.length === 0) return { touchpointId: touchpoint.id, skipped: true, ratings: [], volunteered: [] };
      return {
        touchpointId: touchpoint.id,
        skipped: false,
        ratings: entries
          .filter(([key]) => !key.startsWith("text:"))
          .map(([expectationId, cell]) => ({ expectationId, outcome: cell.outcome, importance: cell.importance, feeling: cell.feeling, comment: cell.comment })),
        volunteered: entries
          .filter(([key]) => key.startsWith("text:"))
          .map(([key, cell]) => ({ key: volunteeredKey(key), expectationId: null, text: cell.text ?? "", outcome: cell.outcome, importance: cell.importance, feeling: cell.feeling, comment: cell.comment })),
      };
    });
    const code = draft.code ?? `R-${hash(draft.externalRef).slice(0, 12).toUpperCase()}`;
    const input = {
      id: orderedUuid(),
      mapId: this.journey.mapId,
      respondent: {
        kind: "new",
        profile: {
          code,
          lifecycleStage: draft.lifecycleStage ?? this.mapping.defaults.lifecycleStage,
          valueTier: draft.valueTier ?? "UNKNOWN",
          segment: draft.segment,
          attributes: [...draft.attributes].map(([fieldId, optionId]) => ({ fieldId, optionId })),
        },
      },
      conductedOn: draft.conductedOn,
      mode: draft.mode ?? this.mapping.defaults.mode,
      answers,
      overallFeeling: draft.overallFeeling,
      notes: draft.notes,
    };
    const parsed = interviewSubmissionSchema(this.journey, { latestDate: this.latestDate }).safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const at = this.locate(draft, issue.path.map(String));
        this.problems.push({ line: at.line, column: at.column, reason: issue.message });
      }
      return null;
    }
    return {
      externalRef: draft.externalRef,
      line: draft.line,
      submission: parsed.data,
      observations: toObservationRows(parsed.data),
      interviewerEmail: draft.interviewerEmail,
      respondentCode: code.toUpperCase(),
    };
  }

  /** The line and column a problem of the capture schema points at (its path, or the closest part of it). */
  private locate(draft: Draft, path: string[]): { line: number; column: string } {
    for (let length = path.length; length > 0; length -= 1) {
      const at = draft.where.get(path.slice(0, length).join("."));
      if (!at) continue;
      // A long file's measure: the row of its expectation, the column of the measure.
      const measure = length === path.length - 1 && this.mapping.layout === "long" ? this.long.measures.find((item) => item.measure === path[length]) : undefined;
      return measure ? { line: at.line, column: measure.name } : at;
    }
    return { line: draft.line, column: "" };
  }
}

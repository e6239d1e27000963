import { readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { detectDelimiter, detectEncoding, decodeHead } from "@/lib/csv/detect";
import { csvRecords } from "@/lib/csv/read";
import { detectSurveyLayout } from "@/lib/csv/survey-layout";
import { suggestMapping } from "@/lib/csv/suggest";
import { resolveValue, suggestValue } from "@/lib/csv/values";
import { InterviewAssembler, parseDate, type ImportJourney } from "@/lib/csv/assemble";
import { ImportMappingSchema, type ImportMapping, type ImportMappingInput } from "@/lib/schemas/import";

const fixture = (name: string) => readFileSync(`tests/fixtures/import/${name}`);

async function records(bytes: Buffer, encoding: ImportMapping["encoding"], delimiter: ImportMapping["delimiter"]) {
  const list: { line: number; fields: string[] }[] = [];
  for await (const record of csvRecords(Readable.from([bytes]), { encoding, delimiter })) list.push({ line: record.line, fields: record.fields });
  return list;
}

const journey: ImportJourney = {
  mapId: "map1",
  touchpoints: [
    { id: "tp1", name: "Checkout", expectations: [{ id: "e1", text: "Fast payment" }, { id: "e2", text: "Friendly staff" }] },
    { id: "tp2", name: "Parking", expectations: [{ id: "e3", text: "Free space" }] },
  ],
};

function mapping(input: Partial<ImportMappingInput>): ImportMapping {
  return ImportMappingSchema.parse({ layout: "long", encoding: "utf-8", delimiter: ",", extraHeaderRows: 0, columns: [], ...input });
}

const LONG_COLUMNS = [
  { column: 0, target: { kind: "interviewId" } },
  { column: 1, target: { kind: "respondentCode" } },
  { column: 2, target: { kind: "date" } },
  { column: 3, target: { kind: "touchpoint" } },
  { column: 4, target: { kind: "expectation" } },
  { column: 5, target: { kind: "outcome" } },
  { column: 6, target: { kind: "importance" } },
  { column: 7, target: { kind: "feeling" } },
  { column: 8, target: { kind: "comment" } },
] as const;

describe("encoding and delimiter detection", () => {
  const text = "code;outcome\nR-1;Dépassé\n";
  it("reads UTF-8 with and without a byte order mark", () => {
    expect(detectEncoding(Buffer.from(text, "utf8"))).toEqual({ encoding: "utf-8", bomBytes: 0 });
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
    expect(detectEncoding(withBom)).toEqual({ encoding: "utf-8", bomBytes: 3 });
    expect(decodeHead(withBom, detectEncoding(withBom))).toBe(text);
  });
  it("reads UTF-16 little- and big-endian, with or without a mark", () => {
    const le = Buffer.from(text, "utf16le");
    const be = Buffer.from(le).swap16();
    expect(detectEncoding(Buffer.concat([Buffer.from([0xff, 0xfe]), le]))).toEqual({ encoding: "utf-16le", bomBytes: 2 });
    expect(detectEncoding(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual({ encoding: "utf-16be", bomBytes: 2 });
    expect(detectEncoding(le).encoding).toBe("utf-16le");
    expect(detectEncoding(be).encoding).toBe("utf-16be");
    expect(decodeHead(be, detectEncoding(be))).toBe(text);
  });
  it("takes bytes that are not UTF-8 for Windows-1252", () => {
    const cp1252 = Buffer.from([...Buffer.from("R-1;D"), 0xe9, ...Buffer.from("pass"), 0xe9, 0x0a]);
    expect(detectEncoding(cp1252).encoding).toBe("windows-1252");
    expect(decodeHead(cp1252, detectEncoding(cp1252))).toBe("R-1;Dépassé\n");
  });
  it("finds the delimiter outside quotes", () => {
    expect(detectDelimiter("a,b,c\n1,2,3\n")).toBe(",");
    expect(detectDelimiter('a;b;c\n"1,5";2;3\n4;5;6\n')).toBe(";");
    expect(detectDelimiter("a\tb\n1\t2\n")).toBe("\t");
    expect(detectDelimiter("a|b|c\n1|2|3\n")).toBe("|");
  });
  it("streams records of every encoding with the line each starts on", async () => {
    const bytes = fixture("long.csv");
    const utf8 = await records(bytes, "utf-8", ";");
    expect(utf8.map((record) => record.line)).toEqual([1, 2, 4, 5]);
    expect(utf8[1]!.fields[8]).toBe("Quick,\nreally");
    const text = bytes.toString("utf8");
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    expect(await records(le, "utf-16le", ";")).toEqual(utf8);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()]);
    expect(await records(be, "utf-16be", ";")).toEqual(utf8);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
    expect(await records(bom, "utf-8", ";")).toEqual(utf8);
  });
});

describe("values", () => {
  it("knows the words survey tools use", () => {
    expect(suggestValue("outcome", "Exceeded expectations")).toBe("EXCEEDED");
    expect(suggestValue("outcome", "Below expectations")).toBe("MISSED");
    expect(suggestValue("importance", "Very important")).toBe("5");
    expect(suggestValue("importance", "4 - Important")).toBe("4");
    expect(suggestValue("feeling", "Loved it")).toBe("LOVE");
    expect(suggestValue("feeling", "In love!")).toBe("IN_LOVE");
    expect(suggestValue("mode", "Telephone")).toBe("PHONE");
    expect(suggestValue("outcome", "Purple")).toBeNull();
  });
  it("lets the user's choice win, and an empty choice mean no value", () => {
    const chosen = mapping({ columns: [...LONG_COLUMNS], values: { outcome: { purple: "MET", "exceeded expectations": "" } } as never });
    expect(resolveValue("outcome", " Purple ", chosen)).toBe("MET");
    expect(resolveValue("outcome", "Exceeded expectations", chosen)).toBeNull();
    expect(resolveValue("outcome", "Green", chosen)).toBeUndefined();
    expect(resolveValue("outcome", "", chosen)).toBeNull();
  });
  it("reads dates in the order chosen", () => {
    expect(parseDate("2026-11-20 09:01:02", "ymd")).toBe("2026-11-20");
    expect(parseDate("11/20/2026 09:01 AM", "mdy")).toBe("2026-11-20");
    expect(parseDate("20/11/2026", "dmy")).toBe("2026-11-20");
    expect(parseDate("2026-02-30", "ymd")).toBeNull();
  });
});

describe("long and wide files", () => {
  it("puts a long file's rows together into interviews checked with the capture schema", async () => {
    const list = await records(fixture("long.csv"), "utf-8", ";");
    const assembler = new InterviewAssembler(mapping({ columns: [...LONG_COLUMNS] }), list[0]!.fields, journey, []);
    const interviews = list.slice(1).flatMap((record) => assembler.push(record.fields, record.line));
    interviews.push(...assembler.finish());
    expect(assembler.problems).toEqual([]);
    expect(interviews.map((item) => [item.externalRef, item.respondentCode, item.submission.conductedOn, item.observations.length])).toEqual([
      ["map1:I-1", "R-1", "2026-11-20", 2],
      ["map1:I-2", "R-2", "2026-11-21", 1],
    ]);
    expect(interviews[0]!.observations[0]).toMatchObject({ touchpointId: "tp1", expectationId: "e1", outcome: "MET", importance: 4, feeling: "LOVE", comment: "Quick,\nreally" });
    expect(interviews[0]!.submission.answers.find((answer) => answer.touchpointId === "tp2")?.skipped).toBe(true);
  });

  it("reports every bad row with its line, column and reason", () => {
    const header = ["id", "code", "date", "touchpoint", "expectation", "outcome", "importance", "feeling", "comment"];
    const assembler = new InterviewAssembler(mapping({ columns: [...LONG_COLUMNS] }), header, journey, []);
    assembler.push(["I-1", "R-1", "2026-11-20", "Checkout", "Fast payment", "Purple", "4", "", ""], 2);
    assembler.push(["I-2", "R-2", "2026-11-20", "Lobby", "Fast payment", "Met", "4", "", ""], 3);
    assembler.push(["I-3", "R-3", "2026-11-20", "Checkout", "Fast payment", "Met", "", "", ""], 4);
    assembler.push(["I-4", "R-4", "2026-11-20", "Checkout", "Clean floor", "Met", "3", "", ""], 5);
    assembler.finish();
    expect(assembler.problems).toEqual([
      { line: 2, column: "outcome", reason: "“Purple” is not an outcome (missed, met or exceeded): map this value in the values step." },
      { line: 3, column: "touchpoint", reason: "“Lobby” is not a touchpoint of this map." },
      { line: 4, column: "importance", reason: "Checkout, “Fast payment”: Choose how much it mattered, from 1 (barely noticed) to 5 (critical)." },
      { line: 5, column: "expectation", reason: "“Clean floor” is not an expectation of Checkout. Add it to the map, or choose to create unlisted expectations." },
    ]);
  });

  it("creates an unknown expectation as a volunteered one when asked", () => {
    const header = ["id", "code", "date", "touchpoint", "expectation", "outcome", "importance", "feeling", "comment"];
    const assembler = new InterviewAssembler(mapping({ columns: [...LONG_COLUMNS], unknownExpectations: "volunteer" }), header, journey, []);
    assembler.push(["I-4", "R-4", "2026-11-20", "Checkout", "Clean floor", "Met", "3", "", ""], 2);
    const [interview] = assembler.finish();
    expect(assembler.problems).toEqual([]);
    expect(interview!.observations).toMatchObject([{ touchpointId: "tp1", expectationId: null, volunteeredText: "Clean floor", outcome: "MET", importance: 3 }]);
  });

  it("reads a wide file: one row per interview, a column per expectation and measure", () => {
    const wide = mapping({
      layout: "wide",
      columns: [
        { column: 0, target: { kind: "date" } },
        { column: 1, target: { kind: "measure", measure: "outcome", touchpointId: "tp1", expectationId: "e1" } },
        { column: 2, target: { kind: "measure", measure: "importance", touchpointId: "tp1", expectationId: "e1" } },
        { column: 3, target: { kind: "measure", measure: "outcome", touchpointId: "tp2", expectationId: "e3" } },
        { column: 4, target: { kind: "measure", measure: "importance", touchpointId: "tp2", expectationId: "e3" } },
      ],
    });
    const assembler = new InterviewAssembler(wide, ["date", "a", "b", "c", "d"], journey, []);
    const first = assembler.push(["2026-11-20", "Met", "Very important", "", ""], 2);
    const again = assembler.push(["2026-11-20", "Met", "Very important", "", ""], 3);
    expect(assembler.problems).toEqual([{ line: 3, column: "", reason: "This row repeats an earlier row." }]);
    expect(again).toEqual([]);
    expect(first).toHaveLength(1);
    expect(first[0]!.observations).toMatchObject([{ touchpointId: "tp1", expectationId: "e1", outcome: "MET", importance: 5 }]);
    expect(first[0]!.externalRef).toMatch(/^map1:row:[0-9a-f]{40}$/);
  });
});

describe("survey tools", () => {
  async function layoutOf(name: string) {
    const list = await records(fixture(name), "utf-8", ",");
    const layout = detectSurveyLayout(list.slice(0, 3).map((record) => record.fields));
    return { list, layout, suggested: suggestMapping(layout.columns, journey, []) };
  }

  async function importWith(name: string) {
    const { list, layout, suggested } = await layoutOf(name);
    const chosen = mapping({ layout: suggested.layout, columns: suggested.columns, extraHeaderRows: layout.extraHeaderRows });
    const assembler = new InterviewAssembler(chosen, layout.columns.map((column) => column.name), journey, []);
    const interviews = list.slice(1 + layout.extraHeaderRows).flatMap((record) => assembler.push(record.fields, record.line));
    return { interviews: [...interviews, ...assembler.finish()], problems: assembler.problems, layout, suggested };
  }

  it("Qualtrics: skips the question-text and import-id rows and maps the rest", async () => {
    const { interviews, problems, layout, suggested } = await importWith("qualtrics.csv");
    expect(layout.tool).toBe("qualtrics");
    expect(layout.extraHeaderRows).toBe(2);
    expect(suggested.layout).toBe("wide");
    expect(problems).toEqual([]);
    expect(interviews.map((item) => [item.externalRef, item.respondentCode, item.submission.conductedOn, item.submission.overallFeeling])).toEqual([
      ["map1:R_1a2b3c", "Q-001", "2026-11-20", "LOVE"],
      ["map1:R_4d5e6f", "Q-002", "2026-11-21", "DISLIKE"],
    ]);
    expect(interviews[0]!.observations).toMatchObject([{ touchpointId: "tp1", expectationId: "e1", outcome: "EXCEEDED", importance: 5 }]);
    expect(interviews[1]!.observations).toMatchObject([{ outcome: "MISSED", importance: 4 }]);
  });

  it("SurveyMonkey: reads the answer-option row into the column names", async () => {
    const { interviews, problems, layout } = await importWith("surveymonkey.csv");
    expect(layout.tool).toBe("surveymonkey");
    expect(layout.columns.map((column) => column.name)).toContain("Checkout: Fast payment - Importance");
    expect(problems).toEqual([]);
    expect(interviews.map((item) => [item.externalRef, item.respondentCode, item.submission.conductedOn, item.observations[0]?.outcome, item.observations[0]?.importance])).toEqual([
      ["map1:114001", "SM-1", "2026-11-20", "MET", 4],
      ["map1:114002", "SM-2", "2026-11-21", "EXCEEDED", 5],
    ]);
  });

  it("Google Forms: the timestamp is the date and the questions are the headers", async () => {
    const { interviews, problems, layout } = await importWith("googleforms.csv");
    expect(layout.tool).toBe("googleforms");
    expect(problems).toEqual([]);
    expect(interviews.map((item) => [item.respondentCode, item.submission.conductedOn, item.submission.overallFeeling, item.observations[0]?.importance])).toEqual([
      ["GF-1", "2026-11-20", "LIKE_A_LOT", 3],
      ["GF-2", "2026-11-21", "IN_LOVE", 5],
    ]);
  });
});

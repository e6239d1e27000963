import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { csvRecords } from "@/lib/csv/read";

// The bytes a record reports are its place in the file, which the progress bar and the time left
// of an import are computed from; the streams' read-ahead must not count as progress.

function file(rows: number, text: string): { bytes: Buffer; ends: number[] } {
  const lines = ["code,comment"];
  for (let index = 0; index < rows; index += 1) lines.push(`R${String(index).padStart(6, "0")},${text}`);
  const body = `${lines.join("\r\n")}\r\n`;
  const ends: number[] = [];
  let offset = 0;
  for (const line of lines) {
    offset += Buffer.byteLength(`${line}\r\n`);
    ends.push(offset);
  }
  return { bytes: Buffer.from(body, "utf8"), ends };
}

function chunks(bytes: Buffer, size: number): Readable {
  const list: Buffer[] = [];
  for (let start = 0; start < bytes.length; start += size) list.push(bytes.subarray(start, start + size));
  return Readable.from(list, { objectMode: false });
}

describe("the bytes read at each record", () => {
  it("follow the records through a UTF-8 file, not the chunks read ahead", async () => {
    const { bytes, ends } = file(20_000, "waited less than five minutes at the till");
    const seen: { line: number; bytes: number }[] = [];
    for await (const record of csvRecords(chunks(bytes, 256 * 1024), { encoding: "utf-8", delimiter: "," })) seen.push({ line: record.line, bytes: record.bytes });
    expect(seen).toHaveLength(20_001);
    for (const [index, record] of seen.entries()) {
      // Within one line of where the record ends (the parser sees a record once its line break is read).
      expect(Math.abs(record.bytes - ends[index]!)).toBeLessThanOrEqual(60);
    }
    expect(seen.every((record, index) => index === 0 || record.bytes >= seen[index - 1]!.bytes)).toBe(true);
  });

  it("are counted in the file's own bytes when it is decoded from another encoding", async () => {
    const { bytes: utf8, ends } = file(10_000, "café crème brûlée");
    const latin = Buffer.from(new TextDecoder("utf-8").decode(utf8), "latin1");
    const latinEnds = ends.map((end, index) => end - 4 * (index === 0 ? 0 : index)); // 4 two-byte letters a row in UTF-8, one byte each in Windows-1252
    const seen: number[] = [];
    for await (const record of csvRecords(chunks(latin, 64 * 1024), { encoding: "windows-1252", delimiter: "," })) seen.push(record.bytes);
    expect(seen).toHaveLength(10_001);
    // Decoded text is counted back to the file's bytes by the ratio seen so far: within 1% of the file.
    for (const [index, at] of seen.entries()) expect(Math.abs(at - latinEnds[index]!)).toBeLessThanOrEqual(latin.length / 100);
    expect(seen.at(-1)).toBeLessThanOrEqual(latin.length);
  });
});

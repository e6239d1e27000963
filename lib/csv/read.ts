// Reading a CSV file as a stream of records with csv-parse: never the whole file in memory,
// each record with the line it starts on, in the file's own encoding.
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { Transform, type Readable } from "node:stream";
import { parse } from "csv-parse";
import { parse as parseSync } from "csv-parse/sync";
import { decodeHead, detectDelimiter, detectEncoding, type Delimiter, type TextEncodingName } from "@/lib/csv/detect";

export type CsvRecord = { line: number; fields: string[]; bytes: number };

/** Bytes to text in the given encoding, across chunk boundaries; the byte order mark dropped. */
/** Decodes to UTF-8, counting the bytes taken and given (to place records in the source's bytes). */
function decoder(encoding: TextEncodingName, counts: { taken: number; given: number }): Transform {
  const text = new TextDecoder(encoding);
  return new Transform({
    readableObjectMode: false,
    transform(chunk: Buffer, _encoding, callback) {
      const decoded = text.decode(chunk, { stream: true });
      counts.taken += chunk.length;
      counts.given += Buffer.byteLength(decoded);
      callback(null, decoded);
    },
    flush(callback) {
      const decoded = text.decode();
      counts.given += Buffer.byteLength(decoded);
      callback(null, decoded);
    },
  });
}

/** A CSV error (an unclosed quote, a stray one) as the report tells it. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The records of a CSV source, with the line each starts on and the bytes read so far (for
 * progress). UTF-8 bytes go to the parser directly; other encodings are decoded first.
 */
export async function* csvRecords(
  source: Readable,
  { encoding, delimiter }: { encoding: TextEncodingName; delimiter: Delimiter },
): AsyncGenerator<CsvRecord> {
  const parser = parse({
    delimiter,
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    ...(encoding === "utf-8" ? { encoding: "utf8" as const } : {}),
  });
  // The streams read ahead of the parser (a megabyte or more), so the bytes read from the source
  // run ahead of the records. A record's place in the file is the parser's own count of the bytes
  // it took, scaled back to the source's bytes when the text was decoded first.
  const counts = { taken: 0, given: 0 };
  const input = encoding === "utf-8" ? source : source.pipe(decoder(encoding, counts));
  input.on("error", (error) => parser.destroy(error));
  input.pipe(parser);
  let lastLine = 0;
  let lastEmpty = 0;
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number; empty_lines: number; bytes: number } }>) {
      const start = lastLine + 1 + (item.info.empty_lines - lastEmpty);
      lastLine = item.info.lines;
      lastEmpty = item.info.empty_lines;
      const bytes = input === source || counts.given === 0 ? item.info.bytes : Math.min(counts.taken, Math.round((item.info.bytes * counts.taken) / counts.given));
      yield { line: start, fields: item.record, bytes };
    }
  } catch (error) {
    const failure = error as { code?: string; lines?: number; message?: string };
    if (failure.code?.startsWith("CSV_")) {
      throw new CsvSyntaxError(failure.lines ?? lastLine + 1, `The file is not valid CSV here: ${failure.message ?? failure.code}`);
    }
    throw error;
  } finally {
    source.destroy();
  }
}

export function fileRecords(path: string, options: { encoding: TextEncodingName; delimiter: Delimiter }) {
  return csvRecords(createReadStream(path, { highWaterMark: 1 << 20 }), options);
}

export type FileSample = {
  encoding: TextEncodingName;
  delimiter: Delimiter;
  /** The first records (header rows included). */
  records: string[][];
};

/** The encoding, the delimiter and the first records of a file, from its first 256 KB. */
export async function sampleFile(path: string, maxRecords = 200): Promise<FileSample> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(256 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const head = buffer.subarray(0, bytesRead);
    const detected = detectEncoding(head);
    const text = decodeHead(head, detected);
    const delimiter = detectDelimiter(text);
    let records: string[][] = [];
    try {
      records = parseSync(bytesRead === buffer.length ? text.slice(0, text.lastIndexOf("\n") + 1) : text, {
        delimiter,
        relax_column_count: true,
        skip_empty_lines: true,
        to: maxRecords,
      }) as string[][];
    } catch {
      // A sample cut inside a quoted field, or a broken file: the import's own pass reports where.
      records = [];
    }
    return { encoding: detected.encoding, delimiter, records };
  } finally {
    await handle.close();
  }
}

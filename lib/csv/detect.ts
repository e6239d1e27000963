// What a spreadsheet or survey tool wrote: the text encoding and the delimiter of a CSV file,
// found from its first bytes. Pure: runs in tests and on the server alike.

export const TEXT_ENCODINGS = ["utf-8", "utf-16le", "utf-16be", "windows-1252"] as const;
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

export const ENCODING_LABELS: Record<TextEncodingName, string> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16 (little-endian)",
  "utf-16be": "UTF-16 (big-endian)",
  "windows-1252": "Windows-1252 (Western European)",
};

export type DetectedEncoding = { encoding: TextEncodingName; bomBytes: number };

/**
 * The encoding of a file from its first bytes: a byte order mark says it outright (Excel's
 * "CSV UTF-8" and "Unicode text" write one); without one, UTF-16 shows as a zero byte beside
 * every ASCII character, and anything that is not valid UTF-8 is taken for Windows-1252, the
 * code page older spreadsheet versions save in on Western systems.
 */
export function detectEncoding(head: Uint8Array): DetectedEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: "utf-8", bomBytes: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: "utf-16le", bomBytes: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: "utf-16be", bomBytes: 2 };
  const sample = head.subarray(0, Math.min(head.length, 4096));
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let index = 0; index < sample.length; index += 1) {
    if (sample[index] !== 0) continue;
    if (index % 2 === 0) zeroEven += 1;
    else zeroOdd += 1;
  }
  const half = sample.length / 2;
  if (half > 0 && zeroOdd > half * 0.3 && zeroEven < zeroOdd / 4) return { encoding: "utf-16le", bomBytes: 0 };
  if (half > 0 && zeroEven > half * 0.3 && zeroOdd < zeroEven / 4) return { encoding: "utf-16be", bomBytes: 0 };
  return { encoding: isUtf8(head) ? "utf-8" : "windows-1252", bomBytes: 0 };
}

/** Whether the bytes are UTF-8, allowing a character cut off at the end of the sample. */
function isUtf8(bytes: Uint8Array): boolean {
  let end = bytes.length;
  // Step back over a multi-byte character the sample may have cut in two.
  for (let back = 1; back <= 3 && end - back >= 0; back += 1) {
    const byte = bytes[end - back]!;
    if ((byte & 0xc0) === 0xc0) {
      end -= back;
      break;
    }
    if ((byte & 0x80) === 0) break;
  }
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/** The text of the first bytes, without the byte order mark. */
export function decodeHead(head: Uint8Array, detected: DetectedEncoding): string {
  let bytes = head.subarray(detected.bomBytes);
  if (detected.encoding.startsWith("utf-16") && bytes.length % 2 === 1) bytes = bytes.subarray(0, bytes.length - 1);
  return new TextDecoder(detected.encoding, { ignoreBOM: true }).decode(bytes);
}

export const DELIMITERS = [",", ";", "\t", "|"] as const;
export type Delimiter = (typeof DELIMITERS)[number];
export const DELIMITER_LABELS: Record<Delimiter, string> = { ",": "Comma", ";": "Semicolon", "\t": "Tab", "|": "Vertical bar" };

/**
 * The delimiter of CSV text: the candidate found the same number of times (more than zero)
 * outside quotes on the most of the first lines; spreadsheets in many European locales write
 * semicolons, "Unicode text" exports tabs.
 */
export function detectDelimiter(text: string): Delimiter {
  const lines = logicalLines(text).slice(0, 20);
  if (lines.length > 1) lines.pop(); // the last may be cut off by the sample
  let best: { delimiter: Delimiter; score: number } = { delimiter: ",", score: 0 };
  for (const delimiter of DELIMITERS) {
    const counts = lines.map((line) => countOutsideQuotes(line, delimiter));
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const same = counts.filter((count) => count === first).length;
    const score = same * 1000 + first;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

/** Lines of CSV text, keeping quoted line breaks inside their line. */
function logicalLines(text: string): string[] {
  const lines: string[] = [];
  let quoted = false;
  let start = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === '"') quoted = !quoted;
    else if (char === "\n" && !quoted) {
      lines.push(text.slice(start, index).replace(/\r$/, ""));
      start = index + 1;
    }
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines.filter((line) => line.trim() !== "");
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let quoted = false;
  let count = 0;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (char === delimiter && !quoted) count += 1;
  }
  return count;
}

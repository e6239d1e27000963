// Each benchmark owns one section of docs/benchmarks.md and replaces only that section.
import { existsSync, readFileSync, writeFileSync } from "node:fs";

/** Replaces the section that starts with `heading` (up to the next "## " heading), or appends it. */
export function replaceSection(file: string, heading: string, body: string[]) {
  const text = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
  const lines = text.replace(/\n+$/, "").split("\n");
  const start = lines.indexOf(heading);
  const section = [heading, "", ...body, ""];
  if (start < 0) {
    writeFileSync(file, [...lines, "", ...section].join("\n"));
    return;
  }
  let end = lines.findIndex((line, index) => index > start && line.startsWith("## "));
  if (end < 0) end = lines.length;
  writeFileSync(file, [...lines.slice(0, start), ...section, ...lines.slice(end)].join("\n").replace(/\n*$/, "\n"));
}

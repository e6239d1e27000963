import { describe, expect, it } from "vitest";
import { formatDuration, progressPercent, progressSummary } from "@/components/import/progress-text";

const running = { status: "RUNNING" as const, fileSize: 1_000_000, bytesDone: 250_000, rowsDone: 12_345, rowsPerSecond: 4_115, secondsLeft: 9 };

describe("formatDuration", () => {
  it("says seconds, minutes and hours in words a person reads at a glance", () => {
    expect(formatDuration(0)).toBe("0 s");
    expect(formatDuration(59)).toBe("59 s");
    expect(formatDuration(60)).toBe("1 min");
    expect(formatDuration(185)).toBe("3 min 5 s");
    expect(formatDuration(3_599)).toBe("59 min 59 s");
    expect(formatDuration(3_600)).toBe("1 h");
    expect(formatDuration(4_330)).toBe("1 h 12 min");
  });

  it("rounds fractions and never goes below zero", () => {
    expect(formatDuration(4.6)).toBe("5 s");
    expect(formatDuration(-3)).toBe("0 s");
  });
});

describe("progressPercent", () => {
  it("is the share of the file read, rounded down", () => {
    expect(progressPercent(running)).toBe(25);
    expect(progressPercent({ ...running, bytesDone: 999 })).toBe(0);
    expect(progressPercent({ ...running, bytesDone: 336_999 })).toBe(33);
  });

  it("stays below 100 while the import still writes, and is 100 once it succeeded", () => {
    expect(progressPercent({ ...running, bytesDone: 999_999 })).toBe(99);
    expect(progressPercent({ ...running, bytesDone: 1_000_000 })).toBe(99);
    expect(progressPercent({ ...running, status: "SUCCEEDED", bytesDone: 1_000_000 })).toBe(100);
  });

  it("is 0 for an empty file rather than a division by zero", () => {
    expect(progressPercent({ ...running, fileSize: 0, bytesDone: 0 })).toBe(0);
  });
});

describe("progressSummary", () => {
  it("gives the share, rows read, the rate and the time left", () => {
    expect(progressSummary(running)).toBe("25% · 12,345 rows read · 4,115 rows/s · about 9 s left");
    expect(progressSummary({ ...running, secondsLeft: 125 })).toBe("25% · 12,345 rows read · 4,115 rows/s · about 2 min 5 s left");
  });

  it("says it is waiting while queued, and shows no rate of 0 before the first row is read", () => {
    expect(progressSummary({ ...running, status: "QUEUED", bytesDone: 0, rowsDone: 0, rowsPerSecond: null, secondsLeft: null })).toBe(
      "0% · 0 rows read · waiting for the server to start it",
    );
    expect(progressSummary({ ...running, bytesDone: 0, rowsDone: 0, rowsPerSecond: 0, secondsLeft: null })).toBe("0% · 0 rows read · working out the time left");
    expect(progressSummary({ ...running, rowsDone: 1, rowsPerSecond: null, secondsLeft: null })).toBe("25% · 1 row read · working out the time left");
  });

  it("says the file is read once nothing is left to read but the import still runs", () => {
    expect(progressSummary({ ...running, bytesDone: 1_000_000, secondsLeft: 0 })).toBe("99% · 12,345 rows read · 4,115 rows/s · file read, finishing");
  });
});

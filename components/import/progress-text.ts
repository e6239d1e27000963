// What the progress view of a running import says: pure, so it is tested on its own.
import type { ImportView } from "@/lib/types/imports";

/** A time left in words: "45 s", "3 min 5 s", "1 h 12 min". */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  if (total < 60) return `${total} s`;
  if (total < 3600) {
    const minutes = Math.floor(total / 60);
    const rest = total % 60;
    return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
  }
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
}

type Progress = Pick<ImportView, "status" | "fileSize" | "bytesDone" | "rowsDone" | "rowsPerSecond" | "secondsLeft">;

/**
 * The share of the file read, in whole percent. While the import runs it never shows 100:
 * the last rows are still written and the summaries refreshed after the file is read.
 */
export function progressPercent(view: Progress): number {
  if (view.status === "SUCCEEDED") return 100;
  if (view.fileSize <= 0) return 0;
  const percent = Math.floor((Math.min(view.bytesDone, view.fileSize) / view.fileSize) * 100);
  return view.status === "QUEUED" || view.status === "RUNNING" ? Math.min(99, percent) : percent;
}

/** The line under the bar: share, rows read, rate and time left (or why there is none yet). */
export function progressSummary(view: Progress): string {
  const parts = [`${progressPercent(view)}%`, `${view.rowsDone.toLocaleString("en")} ${view.rowsDone === 1 ? "row" : "rows"} read`];
  if (view.status === "QUEUED") {
    parts.push("waiting for the server to start it");
  } else if (view.rowsDone === 0 || view.rowsPerSecond === null || view.rowsPerSecond <= 0) {
    // No row read yet: a rate of 0 and an endless time left would be wrong, not just early.
    parts.push("working out the time left");
  } else {
    parts.push(`${view.rowsPerSecond.toLocaleString("en")} rows/s`);
    if (view.bytesDone >= view.fileSize || view.secondsLeft === 0) parts.push("file read, finishing");
    else if (view.secondsLeft !== null) parts.push(`about ${formatDuration(view.secondsLeft)} left`);
  }
  return parts.join(" · ");
}

"use client";

import { useSyncExternalStore } from "react";

const noop = () => () => {};

function format(iso: string, timeZone?: string) {
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(iso));
}

/**
 * A moment in the reader's own time zone. The server renders it in UTC (it cannot know the
 * zone) and the browser replaces it after hydration.
 */
export function LocalTime({ iso }: { iso: string }) {
  const text = useSyncExternalStore(
    noop,
    () => format(iso),
    () => `${format(iso, "UTC")} UTC`,
  );
  return <time dateTime={iso}>{text}</time>;
}

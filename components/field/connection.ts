"use client";

import { useEffect, useSyncExternalStore } from "react";

// Whether the server can be reached. navigator.onLine alone is not enough: a phone with a
// signal but no data ("lie-fi") reports online and never fires `online` when data returns. So
// what the outbox's sends found counts too, and while the server is out of reach a tiny request
// (HEAD of an icon, which no worker answers) asks again every few seconds; when it gets through,
// the outbox is sent at once.

/** Fired (on window) when the server can be reached again after it could not. */
export const BACK_ONLINE_EVENT = "cxmap-back-online";

let reachable: boolean | null = null;
const listeners = new Set<() => void>();

export function setReachable(value: boolean) {
  if (reachable === value) return;
  const before = reachable;
  reachable = value;
  for (const listener of listeners) listener();
  if (value && before === false) window.dispatchEvent(new Event(BACK_ONLINE_EVENT));
}

async function probe() {
  try {
    await fetch("/icons/icon-192.png", { method: "HEAD", cache: "no-store" });
    setReachable(true);
  } catch {
    setReachable(false);
  }
}

function subscribe(onChange: () => void) {
  listeners.add(onChange);
  window.addEventListener("online", onChange);
  window.addEventListener("offline", onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener("online", onChange);
    window.removeEventListener("offline", onChange);
  };
}

/** True when the server looks reachable: the browser says online and nothing found otherwise. */
export function useConnection(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => navigator.onLine && reachable !== false,
    () => true,
  );
}

const PROBE_MS = 5_000;

/** Keeps `useConnection` honest: asks on opening, on the browser's own events, and every 5 s while out of reach. */
export function useConnectionProbe() {
  useEffect(() => {
    void probe();
    const again = () => void probe();
    const timer = window.setInterval(() => {
      if (reachable !== true || !navigator.onLine) void probe();
    }, PROBE_MS);
    window.addEventListener("online", again);
    window.addEventListener("offline", again);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener("online", again);
      window.removeEventListener("offline", again);
    };
  }, []);
}

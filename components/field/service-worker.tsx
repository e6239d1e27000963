"use client";

import { useEffect } from "react";
import { FLUSH_EVENT } from "./use-outbox";

/** Fired (on window) when the service worker has kept what the capture app needs offline. */
export const OFFLINE_READY_EVENT = "cxmap-offline-ready";

/** The build files this page loaded, and its address: what the worker keeps for offline use. */
function pathsToKeep(): string[] {
  const loaded = performance
    .getEntriesByType("resource")
    .map((entry) => entry.name)
    .filter((name) => name.startsWith(`${location.origin}/_next/static/`));
  return [location.pathname, "/manifest.webmanifest", ...new Set(loaded)];
}

/**
 * Registers the service worker (public/sw.js) under this build's id, so each deployment
 * replaces the cached shell, and hands it what to keep. Not in development: a worker keeping
 * build files would fight the live reload.
 */
export function ServiceWorkerRegistrar({ buildId }: { buildId: string }) {
  useEffect(() => {
    if (!("serviceWorker" in navigator) || buildId === "development") return;
    const container = navigator.serviceWorker;
    const warm = async () => {
      const registration = await container.ready;
      registration.active?.postMessage({ type: "warm", paths: pathsToKeep() });
    };
    const onMessage = (event: MessageEvent) => {
      const type = (event.data as { type?: string } | null)?.type;
      if (type === "flush-outbox") window.dispatchEvent(new Event(FLUSH_EVENT));
      if (type === "warmed") window.dispatchEvent(new Event(OFFLINE_READY_EVENT));
    };
    container.addEventListener("message", onMessage);
    // A new deployment's worker took over (and dropped the old caches): keep this page again.
    container.addEventListener("controllerchange", warm);
    container
      .register(`/sw.js?v=${encodeURIComponent(buildId)}`, { scope: "/" })
      .then((registration) => {
        // This build's worker is on its way in and warms on taking over (controllerchange).
        // Warming the outgoing one meanwhile would fill caches the incoming one drops, and keep
        // busy the worker whose idleness the hand-over waits for. If the incoming one fails to
        // install, warm the one in charge after all.
        const incoming = registration.installing ?? registration.waiting;
        if (!incoming) return warm();
        incoming.addEventListener("statechange", () => {
          if (incoming.state === "redundant" && !registration.installing && !registration.waiting) void warm();
        });
      })
      .catch(() => {
        // No worker (a private window may refuse it): the app works online as before.
      });
    return () => {
      container.removeEventListener("message", onMessage);
      container.removeEventListener("controllerchange", warm);
    };
  }, [buildId]);
  return null;
}

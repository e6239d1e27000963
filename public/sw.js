/*
 * cxmap's service worker: what lets interviewers open the capture app and record interviews
 * with no connection. Written by hand (docs/decisions/2026-12-02-offline-capture.md).
 *
 * - Pages are always asked of the network first. The capture app's page (/w/<workspace>/capture,
 *   with the designs of the maps open for interviews and the respondents to pick from) is kept
 *   for when the network does not answer; other pages then say plainly that they need a
 *   connection.
 * - Next's build files (/_next/static, named by their content) are kept once fetched.
 * - The cache names carry the build this worker came with (?v= on its address): a new
 *   deployment installs a new worker, which drops the old build's caches as it takes over.
 *   Interviews waiting to be sent are in IndexedDB, which no cache change touches.
 * - Background Sync, where the browser has it, asks the open capture app to send the outbox.
 */
const VERSION = new URL(self.location.href).searchParams.get("v") || "development";
const SHELL = `cxmap-shell-${VERSION}`;
const STATIC = `cxmap-static-${VERSION}`;
/** The start address of the installed app; offline it leads to the capture page last kept. */
const START = "/capture";
const CAPTURE_PAGE = /^\/w\/[^/]+\/capture$/;

/*
 * What this worker never answers goes straight to the network without waking it: every method
 * but GET (the outbox's submissions and drafts, the connection check's HEAD) and the API. A
 * capture page with interviews waiting checks the connection every few seconds; were each check
 * a fetch event, the worker would never be idle, and a new deployment's worker waits for the
 * outgoing one to be idle before it takes over. Browsers without static routes hand these to
 * the fetch handler, which lets them through.
 */
const NETWORK_ROUTES = [
  { condition: { not: { requestMethod: "GET" } }, source: "network" },
  { condition: { urlPattern: "/api/*" }, source: "network" },
];

self.addEventListener("install", (event) => {
  if (typeof event.addRoutes === "function") {
    event.waitUntil(
      Promise.resolve()
        .then(() => event.addRoutes(NETWORK_ROUTES))
        .catch(() => undefined),
    );
  }
  // A new deployment takes over at once: pages are fetched from the network first anyway.
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const keep = new Set([SHELL, STATIC]);
      const names = await caches.keys();
      await Promise.all(names.filter((name) => name.startsWith("cxmap-") && !keep.has(name)).map((name) => caches.delete(name)));
      await self.clients.claim();
    })(),
  );
});

function offlinePage() {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>This page needs a connection · cxmap</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5; color: #1f2933">
<h1 style="font-size: 1.4rem">This page needs a connection</h1>
<p>You are offline, and this page works with live data (the matrix, the map designer, the lists). It opens again when the connection is back.</p>
<p>Interviews can still be recorded without a connection: <a href="${START}" style="color: #1d4ed8; font-weight: 600">open the capture app</a>.</p>
</body></html>`;
  return new Response(html, {
    status: 503,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src-attr 'unsafe-inline'; frame-ancestors 'none'",
      "Cache-Control": "no-store",
    },
  });
}

/**
 * Raised when signing out clears the device: a copy being fetched at that moment must not land
 * in a cache afterwards. Every write goes through `keep`, which checks it before and after.
 */
let generation = 0;

async function keep(cacheName, request, response, started) {
  if (started !== generation) return;
  const cache = await caches.open(cacheName);
  await cache.put(request, response);
  if (started !== generation) await caches.delete(cacheName);
}

async function clearAll() {
  generation += 1;
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith("cxmap-")).map((name) => caches.delete(name)));
}

/** Where the capture page last kept is noted, for the start address to lead there offline. */
const LAST_CAPTURE = "/__cxmap/last-capture-page";

/** Keeps a capture page, and notes it as the one the app's start address opens offline. */
async function keepCapturePage(path, response, started) {
  await keep(SHELL, new Request(path), response, started);
  await keep(SHELL, new Request(LAST_CAPTURE), new Response(path, { headers: { "Content-Type": "text/plain" } }), started);
}

/*
 * A copy is kept while the page reads the response, never before it is handed over: the
 * cache reads its clone to the end, and a clone waiting on a branch nobody reads yet could
 * hold the page's response back. `later` (the fetch event's waitUntil) keeps the worker alive
 * until the copy is stored.
 */
async function navigate(request, later) {
  const url = new URL(request.url);
  const started = generation;
  try {
    const response = await fetch(request);
    if (response.ok && response.type === "basic" && CAPTURE_PAGE.test(url.pathname)) later(keepCapturePage(url.pathname, response.clone(), started));
    return response;
  } catch {
    // caches.match, not caches.open: looking must not create an empty cache.
    if (url.pathname === START) {
      // The start address goes on to the capture page's own address, where it runs as online.
      const last = await caches.match(LAST_CAPTURE, { cacheName: SHELL });
      const path = last ? await last.text() : null;
      if (path && CAPTURE_PAGE.test(path)) return Response.redirect(new URL(path, self.location.origin).href, 302);
      return offlinePage();
    }
    const kept = await caches.match(url.pathname, { ignoreSearch: true, cacheName: SHELL });
    if (kept) return kept;
    return offlinePage();
  }
}

async function fromStaticCache(request, later) {
  const started = generation;
  const kept = await caches.match(request, { cacheName: STATIC });
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) later(keep(STATIC, request, response.clone(), started));
  return response;
}

async function networkThenShell(request, later) {
  const started = generation;
  try {
    const response = await fetch(request);
    if (response.ok) later(keep(SHELL, request, response.clone(), started));
    return response;
  } catch (error) {
    const kept = await caches.match(request, { cacheName: SHELL });
    if (kept) return kept;
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/api/")) return;
  // A copy that fails to be kept (a full disk) costs nothing but the copy.
  const later = (work) => event.waitUntil(work.catch(() => undefined));
  if (url.pathname.startsWith("/_next/static/")) {
    event.respondWith(fromStaticCache(request, later));
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(navigate(request, later));
    return;
  }
  if (url.pathname === "/manifest.webmanifest" || url.pathname.startsWith("/icons/") || url.pathname === "/icon.svg") {
    event.respondWith(networkThenShell(request, later));
  }
  // Everything else (the router's data requests included) goes to the network as usual: when
  // it fails offline, Next loads the page instead, and that is answered above.
});

/**
 * The capture app, once loaded, lists what it needs offline: its page and the build files it
 * loaded before this worker was in charge. Kept here so the next offline start finds them.
 */
async function warm(paths) {
  const started = generation;
  for (const path of paths) {
    if (started !== generation) return;
    try {
      const url = new URL(path, self.location.origin);
      if (url.origin !== self.location.origin) continue;
      if (url.pathname.startsWith("/_next/static/")) {
        if (await caches.match(url.href, { cacheName: STATIC })) continue;
        const response = await fetch(url.href);
        if (response.ok) await keep(STATIC, new Request(url.href), response, started);
      } else if (CAPTURE_PAGE.test(url.pathname)) {
        const response = await fetch(url.pathname, { credentials: "same-origin", redirect: "manual" });
        if (response.ok && response.type === "basic") await keepCapturePage(url.pathname, response, started);
      } else if (url.pathname === "/manifest.webmanifest" || url.pathname.startsWith("/icons/")) {
        const response = await fetch(url.href);
        if (response.ok) await keep(SHELL, new Request(url.href), response, started);
      }
    } catch {
      // Offline or refused: the next load tries again.
    }
  }
}

self.addEventListener("message", (event) => {
  const data = event.data;
  if (data && data.type === "clear") {
    // Signing out: nothing of this device's copies may stay.
    event.waitUntil(
      clearAll().then(() => {
        const port = event.ports && event.ports[0];
        if (port) port.postMessage({ type: "cleared" });
      }),
    );
    return;
  }
  if (data && data.type === "warm" && Array.isArray(data.paths)) {
    event.waitUntil(
      warm(data.paths.filter((path) => typeof path === "string")).then(() => {
        if (event.source) event.source.postMessage({ type: "warmed" });
      }),
    );
  }
});

self.addEventListener("sync", (event) => {
  if (event.tag !== "cxmap-outbox") return;
  event.waitUntil(
    self.clients.matchAll({ type: "window" }).then((clients) => {
      for (const client of clients) client.postMessage({ type: "flush-outbox" });
    }),
  );
});

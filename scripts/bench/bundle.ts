// `npm run bench:bundle [-- --build] [-- --write]`
//
// First-load JavaScript of the priority matrix page (and, for comparison, the workspace home
// and the interview capture page), read from the manifests of a production build: the sum of
// the gzipped sizes of every JS chunk a browser loads before the page is interactive.
//
// For an App Router page of a Turbopack build that is
//   - the framework chunks every page loads (`rootMainFiles` of the page's build-manifest.json;
//     the nomodule polyfill chunk is left out, modern browsers do not download it), and
//   - the chunks of every segment on the route (root layout, error boundaries, nested layouts,
//     the page): `entryJSFiles` of the page's client-reference-manifest. The not-found page's
//     chunks are left out: a browser loads them only when it shows that page.
// Chunks behind `next/dynamic` / `import()` (the page's react-loadable-manifest.json) are not
// first-load: they are listed apart, as what arrives after the page is up.
// Sizes are gzip at zlib's default level, what `next start` sends.
//
// Options: --build runs `next build` first; --write replaces the section
// "## Matrix page first-load JavaScript" in docs/benchmarks.md; --dist <dir> reads another
// build folder (default: CXMAP_DIST_DIR or .next).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";

const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};
const dist = option("dist") ?? (process.env.CXMAP_DIST_DIR || ".next");
const TARGET_KB = 250;
const MATRIX = "/w/[workspaceId]/maps/[mapId]/matrix";
const ROUTES = [
  { label: "Priority matrix", route: MATRIX },
  { label: "Workspace home", route: "/w/[workspaceId]" },
  { label: "Interview capture", route: "/w/[workspaceId]/interviews/[interviewId]/capture" },
];
const DOC = "docs/benchmarks.md";
const HEADING = "## Matrix page first-load JavaScript";

/** Libraries recognised in a chunk by a string only they carry in a production build. */
const SIGNATURES: [label: string, marker: string][] = [
  ["react-dom", "__reactContainer$"],
  ["React server components client", "resolved_module"],
  ["Next.js app router", "NEXT_REDIRECT"],
  ["recharts", "recharts-"],
  ["decimal.js-light (recharts)", "[DecimalError]"],
  ["redux toolkit (recharts)", "@@redux/"],
  ["immer (recharts)", "[Immer]"],
  ["zod", "ZodError"],
  ["next-auth client", "next-auth"],
  // The app's own lazily loaded charts, which the client manifest does not name.
  ["components/matrix/matrix-chart", '"matrix-point"'],
  ["components/matrix/trend-chart", "Performance by week;"],
];

const fail = (message: string): never => {
  console.error(`bench:bundle: ${message}`);
  process.exit(1);
};

if (args.includes("--build")) {
  console.log(`bench:bundle: building (next build) into ${dist}...`);
  const result = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, CXMAP_DIST_DIR: dist } });
  if (result.status !== 0) fail("the build failed; see the output above.");
}
if (!existsSync(path.join(dist, "BUILD_ID"))) fail(`no production build in ${dist}: run \`npm run build\` first, or pass --build.`);

const readJson = <T>(file: string): T => JSON.parse(readFileSync(path.join(dist, file), "utf8")) as T;

type ClientManifest = {
  clientModules: Record<string, { id: number | string; chunks: string[] }>;
  entryJSFiles: Record<string, string[]>;
};
type BuildManifest = { rootMainFiles: string[]; polyfillFiles: string[] };
type LoadableManifest = Record<string, { id: number | string; files: string[] }>;

/** The page entry ("/(app)/w/[workspaceId]/page") of a URL route, through the build's own table. */
const routeToEntry = new Map(
  Object.entries(readJson<Record<string, string>>("app-path-routes-manifest.json")).map(([entry, route]) => [route, entry]),
);

function clientManifest(entry: string): ClientManifest {
  const file = path.join(dist, "server/app", `${entry}_client-reference-manifest.js`);
  const context = vm.createContext({}) as { __RSC_MANIFEST?: Record<string, ClientManifest> };
  vm.runInContext(readFileSync(file, "utf8"), context);
  return context.__RSC_MANIFEST?.[entry] ?? fail(`${file} does not describe ${entry}`);
}

const optionalJson = <T>(file: string, fallback: T): T => (existsSync(path.join(dist, file)) ? readJson<T>(file) : fallback);

const sizes = new Map<string, { raw: number; gzip: number; text: string }>();
function sizeOf(chunk: string) {
  let size = sizes.get(chunk);
  if (!size) {
    const buffer = readFileSync(path.join(dist, chunk));
    size = { raw: buffer.length, gzip: gzipSync(buffer).length, text: buffer.toString("utf8") };
    sizes.set(chunk, size);
  }
  return size;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const shortModule = (name: string) =>
  name
    .replace(/^\[project\]\//, "")
    .replace(/^node_modules\/next\/dist\/(esm\/)?(client\/)?(app-dir\/)?/, "next/")
    .replace(/\.(js|tsx?)$/, "");

type Chunk = { file: string; raw: number; gzip: number; loadedFor: string; contains: string[] };

// Turbopack registers each module as `, <id>, <factory>` in the chunk's push([...]).
const registration = (id: number | string) => new RegExp(`[,\\[]${id},(?:\\(|[A-Za-z_$][\\w$]*=>|function)`);

/** What a chunk holds: the app's client modules defined in it (by module id), and libraries by signature. */
function contents(file: string, text: string, modules: [name: string, id: number | string][]): string[] {
  const found = new Set<string>(path.basename(file).startsWith("turbopack-") ? ["Turbopack runtime"] : []);
  for (const [name, id] of modules) {
    if (registration(id).test(text)) found.add(shortModule(name));
  }
  for (const [label, marker] of SIGNATURES) if (text.includes(marker)) found.add(label);
  return [...found];
}

/**
 * The app module whose `dynamic()` call loads module `id`: the module registered last before
 * the call's `loadableGenerated: { modules: [id] }` in the same chunk. When a module the client
 * manifest does not name sits in between, it says which chunk's modules it may be.
 */
function dynamicCaller(chunks: Chunk[], modules: [string, number | string][], id: number | string): string | null {
  const call = new RegExp(`modules:\\[(?:[^\\]]*,)?${id}[,\\]]`);
  for (const chunk of chunks) {
    const text = sizeOf(chunk.file).text;
    const at = text.search(call);
    if (at < 0) continue;
    const before = text.slice(0, at);
    let best: { name: string; index: number } | null = null;
    for (const [name, moduleId] of modules) {
      const match = [...before.matchAll(new RegExp(registration(moduleId), "g"))].pop();
      if (match && (!best || match.index > best.index)) best = { name: shortModule(name), index: match.index };
    }
    const anyRegistration = [...before.matchAll(/[,[](\d{3,}),(?:\(|[A-Za-z_$][\w$]*=>|function)/g)].pop();
    if (best && anyRegistration && anyRegistration.index === best.index) return best.name;
    const appModules = chunk.contains.filter((name) => name.startsWith("components/") || name.startsWith("app/"));
    return appModules.length ? `one of the modules with ${appModules.join(", ")}` : null;
  }
  return null;
}

// A not-found (forbidden, unauthorized) page is a server component rendered only when that
// answer is given: a browser opening the page does not load its chunks (checked in Chromium),
// unlike error boundaries, which are client components sent with every page under them.
const ONLY_WHEN_SHOWN = /\/(not-found|forbidden|unauthorized)$/;

function measure(route: string) {
  const entry = routeToEntry.get(route) ?? fail(`the build has no page ${route}`);
  const manifest = clientManifest(entry);
  const build = optionalJson<BuildManifest>(`server/app${entry}/build-manifest.json`, readJson<BuildManifest>("build-manifest.json"));
  const loadable = optionalJson<LoadableManifest>(`server/app${entry}/react-loadable-manifest.json`, {});
  const modules = Object.entries(manifest.clientModules).map(([name, value]) => [name, value.id] as [string, number | string]);

  const loadedFor = new Map<string, string>();
  for (const file of build.rootMainFiles) loadedFor.set(file, "framework (every page)");
  for (const [segment, files] of Object.entries(manifest.entryJSFiles)) {
    if (ONLY_WHEN_SHOWN.test(segment)) continue;
    for (const file of files) if (!loadedFor.has(file)) loadedFor.set(file, shortModule(segment));
  }
  const firstLoad: Chunk[] = [...loadedFor].map(([file, reason]) => ({
    file,
    ...sizeOf(file),
    loadedFor: reason,
    contains: contents(file, sizeOf(file).text, modules),
  }));

  // Turbopack keys the dynamic imports by module id; the chunk holding the `dynamic()` call
  // (its `loadableGenerated: { modules: [id] }`) says which component asked for it.
  const lazy = new Map<string, Chunk>();
  for (const [key, value] of Object.entries(loadable)) {
    const label = `next/dynamic in ${dynamicCaller(firstLoad, modules, value.id) ?? `the page (module ${key})`}`;
    for (const file of value.files) {
      if (!file.endsWith(".js") || loadedFor.has(file)) continue;
      const chunk = lazy.get(file) ?? { file, ...sizeOf(file), loadedFor: label, contains: contents(file, sizeOf(file).text, modules) };
      if (!chunk.loadedFor.includes(label)) chunk.loadedFor += `; ${label}`;
      lazy.set(file, chunk);
    }
  }

  // Next writes its own first-load list for each route during the build; it also counts the
  // not-found page's chunks, which a browser does not load. Anything else it lists is a surprise.
  const stats = optionalJson<{ route: string; firstLoadChunkPaths: string[] }[]>("diagnostics/route-bundle-stats.json", []);
  const theirs = stats.find((item) => item.route === route)?.firstLoadChunkPaths.map((file) => file.replace(/^.*?static\//, "static/"));
  const onlyWhenShown = new Set(
    Object.entries(manifest.entryJSFiles).flatMap(([segment, files]) => (ONLY_WHEN_SHOWN.test(segment) ? files : [])),
  );
  const unexplained = theirs ? theirs.filter((file) => !loadedFor.has(file) && !onlyWhenShown.has(file)) : [];
  const missing = theirs ? [...loadedFor.keys()].filter((file) => !theirs.includes(file)) : [];
  const agrees = theirs ? unexplained.length === 0 && missing.length === 0 : null;

  const sum = (chunks: Chunk[], key: "raw" | "gzip") => chunks.reduce((total, chunk) => total + chunk[key], 0);
  return {
    route,
    firstLoad: firstLoad.sort((a, b) => b.gzip - a.gzip),
    lazy: [...lazy.values()].sort((a, b) => b.gzip - a.gzip),
    gzip: sum(firstLoad, "gzip"),
    raw: sum(firstLoad, "raw"),
    lazyGzip: sum([...lazy.values()], "gzip"),
    agrees,
  };
}

const results = ROUTES.map((item) => ({ ...item, ...measure(item.route) }));
const matrix = results.find((item) => item.route === MATRIX)!;
const buildId = readFileSync(path.join(dist, "BUILD_ID"), "utf8").trim();
const nextVersion = (JSON.parse(readFileSync("node_modules/next/package.json", "utf8")) as { version: string }).version;

const routeTable = [
  "| route | first-load JS (KB gzip) | uncompressed (KB) | chunks | loaded after the page is up (KB gzip) |",
  "|---|---:|---:|---:|---:|",
  ...results.map(
    (item) =>
      `| ${item.label} \`${item.route}\` | ${kb(item.gzip)} | ${kb(item.raw)} | ${item.firstLoad.length} | ${item.lazy.length ? kb(item.lazyGzip) : "–"} |`,
  ),
].join("\n");
const chunkRows = (chunks: Chunk[]) =>
  chunks.map(
    (chunk) =>
      `| \`${path.basename(chunk.file)}\` | ${kb(chunk.gzip)} | ${kb(chunk.raw)} | ${chunk.loadedFor.replace(/\|/g, "\\|")} | ${chunk.contains.join(", ").replace(/\|/g, "\\|") || "–"} |`,
  );
const LARGEST = 8;
const chunkTable = [
  "| chunk | KB gzip | KB uncompressed | loaded for | contains |",
  "|---|---:|---:|---|---|",
  ...chunkRows(matrix.firstLoad.slice(0, LARGEST)),
].join("\n");
const lazyTable = matrix.lazy.length
  ? ["| chunk | KB gzip | KB uncompressed | loaded by | contains |", "|---|---:|---:|---|---|", ...chunkRows(matrix.lazy)].join("\n")
  : "None.";
const margin = TARGET_KB - matrix.gzip / 1024;
const verdict = `${kb(matrix.gzip)} KB: ${margin >= 0 ? `${margin.toFixed(1)} KB under` : `${(-margin).toFixed(1)} KB over`} the target.`;

console.log(`\nFirst-load JavaScript (${dist}, build ${buildId}, Next.js ${nextVersion})\n`);
console.log(routeTable);
for (const item of results) {
  if (item.agrees === false) console.log(`\nWarning: Next's own first-load list for ${item.route} (diagnostics/route-bundle-stats.json) differs from the manifests.`);
}
console.log(`\nLargest first-load chunks of the matrix page (${matrix.firstLoad.length} in all)\n`);
console.log(chunkTable);
console.log("\nLoaded after the matrix page is up (next/dynamic)\n");
console.log(lazyTable);
console.log(`\nMatrix page target: under ${TARGET_KB} KB gzipped. Now ${verdict}`);

if (args.includes("--write")) {
  const section = `${HEADING}

What a browser downloads before the priority matrix page is interactive: the gzipped size of
every JavaScript chunk the page loads on first load, read from the production build's
manifests (\`rootMainFiles\` of the page's \`build-manifest.json\`, plus \`entryJSFiles\` of its
\`client-reference-manifest\` for every segment on the route: root layout, error boundaries,
workspace and map layouts, the page). Left out: the nomodule polyfill chunk (modern browsers skip
it) and the not-found page's chunk (loaded only when that page is shown). Chunks behind
\`next/dynamic\` (the page's \`react-loadable-manifest.json\`) are not first-load; they arrive
after the page is up and are listed apart. gzip at zlib's default level, which is what
\`next start\` sends. The method was checked against the JavaScript responses
Chromium receives for the page (see \`docs/decisions/2026-12-01-first-load-javascript.md\`).

Reproduce with \`npm run bench:bundle\` (uses the build in \`.next\`; \`-- --build\` builds first,
\`-- --write\` rewrites this section).

Run on ${new Date().toISOString().slice(0, 10)}: Next.js ${nextVersion} (Turbopack), production build.

${routeTable}

Largest first-load chunks of the matrix page (${matrix.firstLoad.length} chunks in all). "contains"
names the app's client modules defined in the chunk and the libraries recognised in it:

${chunkTable}

Loaded after the matrix page is up, while its placeholder holds the chart's place:

${lazyTable}

Target: the matrix page's first-load JavaScript under ${TARGET_KB} KB gzipped. Now ${verdict}
`;
  const doc = existsSync(DOC) ? readFileSync(DOC, "utf8") : "# Benchmarks\n";
  const start = doc.indexOf(`${HEADING}\n`);
  let next: string;
  if (start < 0) next = `${doc.trimEnd()}\n\n${section}`;
  else {
    const end = doc.indexOf("\n## ", start + HEADING.length);
    next = `${doc.slice(0, start)}${section}${end < 0 ? "" : `\n${doc.slice(end + 1)}`}`;
  }
  writeFileSync(DOC, next);
  console.log(`\nWrote the section "${HEADING.slice(3)}" in ${DOC}.`);
}

import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// ---------------------------------------------------------------------------------------
// Layers (docs: README "Architecture"). Imports flow app -> lib/actions -> lib/data -> lib/db;
// components, lib/types and lib/schemas also run in the browser, and lib/analysis is pure
// computation. A module is matched in its alias form ("@/lib/data/maps") and its relative
// forms ("../../lib/data/maps", or "../data/maps" from inside lib/).
// ---------------------------------------------------------------------------------------

const libModule = (name) => `^(@/lib/|(\\.\\./)+(lib/)?)${name}`;

/** Server-only modules that code shipped to the browser must not import. */
const SERVER_ONLY = [
  {
    name: "lib/data",
    regex: libModule("data(/|$)"),
    message: "lib/data is the server-only data layer. Import the types of what it returns from lib/types; the page passes the data in as props.",
  },
  { name: "lib/db", regex: libModule("db(-[^/]*)?$"), message: "lib/db is the server-only database client." },
  {
    name: "lib/env",
    regex: libModule("env$"),
    message: "lib/env.ts reads the server's environment. Read it in a server page and pass the value in as a prop.",
  },
];

/** lib/analysis is the method's pure math: no database, framework or configuration. */
const NOT_IN_ANALYSIS = [
  ...SERVER_ONLY.map(({ name, regex }) => ({ regex, message: `lib/analysis is pure computation: no ${name}.` })),
  { regex: "^@prisma/", message: "lib/analysis is pure computation: no Prisma." },
  { regex: libModule("generated(/|$)"), message: "lib/analysis is pure computation: no Prisma client (lib/generated)." },
  { regex: "^(next|react|react-dom)(/|$)", message: "lib/analysis is pure computation: no Next.js or React." },
  { regex: "^(pg|server-only)$", message: "lib/analysis is pure computation: no server modules." },
];

const ENV_MESSAGE =
  "Only lib/env.ts reads process.env: import `env` (or a helper) from @/lib/env in server code; client components receive configuration as props.";

/** `process.env` read directly, destructured, through `import { env } from "node:process"` or `globalThis.process.env`. */
const ENV_PROPERTIES = [{ object: "process", property: "env", message: ENV_MESSAGE }];
const ENV_IMPORTS = ["process", "node:process"].map((name) => ({ name, importNames: ["env"], message: ENV_MESSAGE }));
const ENV_SYNTAX = [
  {
    selector: "MemberExpression[object.type='MemberExpression'][object.property.name='process'][property.name='env']",
    message: ENV_MESSAGE,
  },
];

/** An esquery regex literal for a restriction's pattern. */
const selectorRegex = (regex) => `/${regex.replaceAll("/", "\\/")}/`;

// no-restricted-imports sees import and export declarations (`import type` included) but not
// `import("...")` expressions or `import("...").Type` in type positions: those get selectors.
const importSyntax = (restrictions) =>
  restrictions.flatMap(({ regex, message }) => [
    { selector: `ImportExpression[source.value=${selectorRegex(regex)}]`, message },
    { selector: `TSImportType[source.value=${selectorRegex(regex)}]`, message },
  ]);

// A "use client" module anywhere (app/ has some too) is bundled for the browser.
const CLIENT_SYNTAX = SERVER_ONLY.map(({ regex, message }) => ({
  selector: `Program:has(> ExpressionStatement[directive='use client']) ImportDeclaration[source.value=${selectorRegex(regex)}]`,
  message: `A "use client" module runs in the browser. ${message}`,
}));

/**
 * The rules of a layer: its own import restrictions plus the process.env ones every app file
 * has. The "use client" check is for files outside the layers, which restrict those imports
 * in every file already.
 */
function layerRules(restrictions = [], { clientCheck = false } = {}) {
  return {
    "no-restricted-properties": ["error", ...ENV_PROPERTIES],
    "no-restricted-imports": ["error", { paths: ENV_IMPORTS, patterns: restrictions.map(({ regex, message }) => ({ regex, message })) }],
    "no-restricted-syntax": ["error", ...ENV_SYNTAX, ...(clientCheck ? CLIENT_SYNTAX : []), ...importSyntax(restrictions)],
  };
}

// Files that may read process.env themselves: lib/env.ts, and tooling that runs outside the
// app or prepares the environment the app then reads through lib/env.ts.
const READS_PROCESS_ENV = [
  // The one reader for the app.
  "lib/env.ts",
  // Loaded by Next before the app exists: reads CXMAP_DIST_DIR (the build folder, shared
  // with the scripts that run builds) and checks everything else by loading lib/env.ts.
  "next.config.js",
  // Next's server start hook: NEXT_RUNTIME (set by Next, not configuration) picks the runtime.
  "instrumentation.ts",
  // Test runners and the Prisma CLI: they choose ports, test databases and the e2e secret
  // and hand them to the app they start, or give the CLI its connection string.
  "playwright.config.ts",
  "vitest.config.ts",
  "prisma.config.ts",
  // Command-line programs run with tsx, not by Next. scripts/start.ts builds the environment
  // (embedded database URL, local secret, port) that the Next process then parses with
  // lib/env.ts, so it must read the raw variables before they are final; the migrate, seed
  // and benchmark scripts take their own options (BENCH_DATABASE_URL, CXMAP_DIST_DIR...).
  "scripts/**",
  // The test harness provisions databases and sets DATABASE_URL and NEXTAUTH_SECRET before
  // the code under test imports lib/env.ts.
  "tests/**",
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // Rule options do not merge across config objects (a later one replaces an earlier one for
  // the files both match), so each layer below repeats the shared rules through layerRules().
  { ignores: READS_PROCESS_ENV, rules: layerRules([], { clientCheck: true }) },
  { files: ["components/**", "lib/types/**", "lib/schemas/**", "lib/audit/**"], rules: layerRules(SERVER_ONLY) },
  { files: ["lib/analysis/**"], rules: layerRules(NOT_IN_ANALYSIS) },
  globalIgnores([".scratch/**", ".next*/**", "lib/generated/**", ".data/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**"]),
]);

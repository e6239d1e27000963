// What the browser bundle may contain: everything a client component imports, followed through
// the project's own modules, must be safe in the browser. A "use server" module is where the
// walk stops: the client gets only references to its actions, never its code. The schemas the
// forms check with (lib/schemas) are in the walk, so a schema that started importing server
// code would fail here before `next build` does.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(__dirname, "../..");
const EXTENSIONS = [".ts", ".tsx", "/index.ts", "/index.tsx"];
// Modules that only run on the server; a client import of any of them is a leak.
const SERVER_ONLY = [/^server-only$/, /^node:/, /^next\/headers$/, /^@\/lib\/db$/, /^@\/lib\/data\//, /^@\/lib\/generated\//, /^pg$/, /^@prisma\//];

function files(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(root, path)).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

function directive(source: string): string | null {
  return /^\s*(?:\/\/[^\n]*\n\s*)*["'](use (?:client|server))["']/.exec(source)?.[1] ?? null;
}

/** The specifiers of a module's runtime imports and re-exports (type-only ones are erased). */
function imports(source: string): string[] {
  const found: string[] = [];
  const pattern = /(?:^|\n)\s*(?:import|export)\s+(type\s+)?(?:[^"';]*?\s+from\s+)?["']([^"']+)["']/g;
  for (const match of source.matchAll(pattern)) if (!match[1]) found.push(match[2]!);
  return found;
}

function resolveLocal(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? join(root, specifier.slice(2)) : specifier.startsWith(".") ? resolve(dirname(join(root, from)), specifier) : null;
  if (!base) return null;
  for (const extension of ["", ...EXTENSIONS]) {
    const candidate = base + extension;
    if (existsSync(candidate) && statSync(candidate).isFile()) return relative(root, candidate);
  }
  return null;
}

/** Every server-only import reachable from `entry`, with the chain that reaches it. */
function leaks(entry: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(join(root, file), "utf8");
    if (chain.length > 0 && directive(source) === "use server") return;
    for (const specifier of imports(source)) {
      if (SERVER_ONLY.some((pattern) => pattern.test(specifier))) found.push([...chain, file, specifier].join(" -> "));
      const local = resolveLocal(file, specifier);
      if (local) walk(local, [...chain, file]);
    }
  };
  walk(entry, []);
  return found;
}

const clientModules = [...files("components"), ...files("app")].filter((file) => directive(readFileSync(join(root, file), "utf8")) === "use client");

describe("client components", () => {
  it("are found", () => {
    expect(clientModules.length).toBeGreaterThan(20);
    expect(clientModules).toContain(join("components", "ui", "use-action-form.ts"));
  });

  it("import nothing server-only, also through the schemas and helpers they share with the server", () => {
    expect(clientModules.flatMap(leaks)).toEqual([]);
  });

  it("would be caught importing server code (the walk follows local imports)", () => {
    expect(leaks(join("lib", "workspace-action.ts"))).toContainEqual(expect.stringMatching(/server-only$/));
  });
});

// The OpenAPI document of /api/v1: valid OpenAPI 3.1 (checked against the specification's own
// JSON Schema by a validator package, and every $ref resolved here), and in step with the
// route files: a route without its description, or a description without its route, fails.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { Validator } from "@seriousme/openapi-schema-validator";
import { buildOpenApiDocument } from "@/lib/openapi";
import { API_V1_OPERATIONS } from "@/lib/schemas/api-v1";

const API_ROOT = join(__dirname, "../../app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every route.ts under app/api/v1, with its OpenAPI path ("/workspaces/{workspaceId}/maps") and the methods it exports. */
function routeFiles(dir = API_ROOT): { file: string; path: string; methods: Map<string, string | null>; unsupported: { methods: string[]; allowed: string[] } }[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    if (name !== "route.ts") return [];
    const folders = relative(API_ROOT, dir).split(sep).filter(Boolean);
    // The catch-all that answers 404 to addresses that are no operation.
    if (folders.join("/") === "[...path]") return [];
    const path = `/${folders.map((folder) => folder.replace(/^\[(.+)\]$/, "{$1}")).join("/")}`;
    const file = readFileSync(full, "utf8");
    // The methods answered 405 (methodNotAllowed) are no operations.
    const refused = /const unsupported = methodNotAllowed\(([^)]*)\);\s*export \{([^}]*)\}/.exec(file);
    const unsupported = {
      allowed: refused ? [...refused[1]!.matchAll(/"(\w+)"/g)].map((match) => match[1]!) : [],
      methods: refused ? [...refused[2]!.matchAll(/unsupported as (\w+)/g)].map((match) => match[1]!) : [],
    };
    const source = refused ? file.replace(refused[0], "") : file;
    const methods = new Map<string, string | null>();
    for (const method of METHODS) {
      const exported = new RegExp(`export (?:const ${method}\\s*=|(?:async )?function ${method}\\b)|export \\{[^}]*\\bas ${method}\\b`).exec(source);
      if (!exported) continue;
      // The operation the handler is made from, when it goes through apiV1Route.
      const operation = new RegExp(`export const ${method}\\s*=\\s*apiV1Route\\(API_V1_OPERATIONS\\.(\\w+)`).exec(source);
      methods.set(method, operation ? operation[1]! : null);
    }
    return [{ file: relative(API_ROOT, full), path, methods, unsupported }];
  });
}

/** Every $ref in the document, as JSON pointers into it. */
function refsOf(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((item) => refsOf(item, found));
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string") found.push(value);
      else refsOf(value, found);
    }
  }
  return found;
}

function resolvePointer(document: unknown, ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  return ref
    .slice(2)
    .split("/")
    .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), document);
}

describe("the OpenAPI document", () => {
  const document = buildOpenApiDocument();

  it("is valid OpenAPI 3.1 by the specification's schema", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("resolves every $ref, and names each operation once", () => {
    const refs = refsOf(document);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((ref) => resolvePointer(document, ref) === undefined)).toEqual([]);
    const ids = Object.values(document.paths).flatMap((item) => Object.values(item).map((operation) => (operation as { operationId: string }).operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("declares every parameter of each path, in the path", () => {
    for (const [path, item] of Object.entries(document.paths)) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      for (const operation of Object.values(item) as { parameters?: { name: string; in: string; required: boolean }[] }[]) {
        const declared = (operation.parameters ?? []).filter((parameter) => parameter.in === "path");
        expect(declared.map((parameter) => parameter.name).sort(), path).toEqual([...inPath].sort());
        expect(declared.every((parameter) => parameter.required)).toBe(true);
      }
    }
  });

  it("describes every route under app/api/v1 and nothing else", () => {
    const routes = routeFiles();
    expect(routes.length).toBeGreaterThan(5);
    const fromRoutes = routes.flatMap(({ path, methods }) => [...methods.keys()].map((method) => `${method} ${path}`)).sort();
    const fromDocument = Object.entries(document.paths)
      .flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    expect(fromRoutes).toEqual(fromDocument);
  });

  it("answers every other method of an operation's address with the 405 handler, naming the methods it allows", () => {
    for (const { file, path, methods, unsupported } of routeFiles()) {
      if (path === "/openapi.json") continue;
      expect([...methods.keys(), ...unsupported.methods].sort(), file).toEqual([...METHODS].sort());
      expect([...unsupported.allowed].sort(), file).toEqual([...methods.keys()].sort());
    }
  });

  it("each route handler is made from the operation of its own path and method", () => {
    for (const { file, path, methods } of routeFiles()) {
      for (const [method, operationId] of methods) {
        if (path === "/openapi.json") continue;
        expect(operationId, `${file} ${method} goes through apiV1Route with an operation`).not.toBeNull();
        const operation = API_V1_OPERATIONS[operationId as keyof typeof API_V1_OPERATIONS];
        expect(operation, `${file}: API_V1_OPERATIONS.${operationId}`).toBeDefined();
        expect(`${operation.method} ${operation.path}`).toBe(`${method} ${path}`);
        expect([...operation.params].sort()).toEqual([...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).filter((name) => name !== "workspaceId").sort());
      }
    }
  });

  it("describes the request bodies with the schemas the routes parse them with", () => {
    const submit = document.paths["/workspaces/{workspaceId}/interviews"]!.post as { requestBody: { content: { "application/json": { schema: { properties: Record<string, unknown>; required: string[] } } } } };
    const schema = submit.requestBody.content["application/json"].schema;
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(["id", "mapId", "respondent", "conductedOn", "mode", "answers", "overallFeeling", "notes"]));
    expect(schema.required).toEqual(expect.arrayContaining(["id", "mapId", "respondent", "conductedOn", "mode"]));
    const matrix = document.paths["/workspaces/{workspaceId}/maps/{mapId}/matrix"]!.get as { parameters: { name: string; in: string }[] };
    expect(matrix.parameters.filter((parameter) => parameter.in === "query").map((parameter) => parameter.name)).toEqual(
      expect.arrayContaining(["from", "to", "channel", "stage", "lifecycle", "tier", "segment", "attr", "interviewer", "mot", "crosshair"]),
    );
  });
});

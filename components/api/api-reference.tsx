import { buildOpenApiDocument } from "@/lib/openapi";

type Parameter = { name: string; in: string; required: boolean; schema: Record<string, unknown> };
type Operation = {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  parameters?: Parameter[];
  requestBody?: { content: { "application/json": { schema: unknown } } };
  responses: Record<string, { description: string }>;
};

function typeOf(schema: Record<string, unknown>): string {
  if (Array.isArray(schema.enum)) return (schema.enum as string[]).join(" | ");
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as Record<string, unknown>[]).map(typeOf).join(" or ");
  if (schema.type === "array") return `list of ${typeOf((schema.items ?? {}) as Record<string, unknown>)}`;
  if (typeof schema.pattern === "string" && schema.pattern.includes("\\d{4}")) return "date (YYYY-MM-DD)";
  return String(schema.type ?? "any");
}

/** The API's operations in words, read from the OpenAPI document itself. */
export function ApiReference({ workspaceId }: { workspaceId: string }) {
  const document = buildOpenApiDocument();
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, Operation>).map(([method, operation]) => ({ path, method, operation })),
  );
  return (
    <div className="space-y-6">
      <section aria-labelledby="auth-heading" className="rounded-lg border border-border bg-surface p-4 text-sm">
        <h2 id="auth-heading" className="text-base font-semibold">
          Authentication and errors
        </h2>
        <p className="mt-2">
          Send an API token made on the API page as <code>Authorization: Bearer cxm_…</code>. Paths start with{" "}
          <code>/api/v1</code>; this workspace&apos;s paths with <code>/api/v1/workspaces/{workspaceId}</code>. Every error answers{" "}
          <code>{"{ error: { code, message, fieldErrors? } }"}</code>: 400 malformed, 401 no valid token, 403 the token&apos;s role
          may not, 404 not found (or another workspace), 409 conflict, 413 too large, 415 not JSON, 422 not valid, 429 too many
          requests (wait for <code>Retry-After</code> seconds).
        </p>
      </section>
      {operations.map(({ path, method, operation }) => (
        <section
          key={`${method} ${path}`}
          aria-labelledby={`op-${operation.operationId}`}
          className="rounded-lg border border-border bg-surface p-4 text-sm"
        >
          <h2 id={`op-${operation.operationId}`} className="text-base font-semibold">
            {operation.summary}
          </h2>
          <p className="mt-1 break-all font-mono">
            <span className="font-semibold">{method.toUpperCase()}</span> /api/v1{path}
          </p>
          {operation.description.split("\n\n").map((paragraph) => (
            <p key={paragraph} className="mt-2">
              {paragraph.replaceAll("`", "")}
            </p>
          ))}
          {(operation.parameters?.filter((parameter) => parameter.in === "query").length ?? 0) > 0 && (
            <table className="mt-3 w-full text-left">
              <caption className="mb-1 text-left font-medium">Query parameters</caption>
              <thead>
                <tr>
                  <th scope="col" className="p-1 font-medium">Name</th>
                  <th scope="col" className="p-1 font-medium">Type</th>
                  <th scope="col" className="p-1 font-medium">Required</th>
                </tr>
              </thead>
              <tbody>
                {operation.parameters!
                  .filter((parameter) => parameter.in === "query")
                  .map((parameter) => (
                    <tr key={parameter.name} className="border-t border-border">
                      <td className="p-1 font-mono">{parameter.name}</td>
                      <td className="p-1">{typeOf(parameter.schema)}</td>
                      <td className="p-1">{parameter.required ? "yes" : "no"}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          )}
          {operation.requestBody && (
            <details className="mt-3">
              <summary className="cursor-pointer font-medium">Request body (JSON Schema)</summary>
              <pre className="mt-2 max-h-96 overflow-auto rounded bg-surface-muted p-2 text-xs">
                {JSON.stringify(operation.requestBody.content["application/json"].schema, null, 2)}
              </pre>
            </details>
          )}
          <ul className="mt-3 list-disc pl-5">
            {Object.entries(operation.responses).map(([status, response]) => (
              <li key={status}>
                <span className="font-mono">{status}</span>: {response.description.replaceAll("`", "")}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

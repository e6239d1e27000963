// The OpenAPI 3.1 document of /api/v1, generated from the operations and their zod schemas
// (lib/schemas/api-v1.ts), so what the document says is what the routes check. Pure.
import { z } from "zod";
import { API_ERROR_CODES, API_V1_OPERATIONS, type ApiOperation } from "@/lib/schemas/api-v1";
import { API_TOKEN_PREFIX } from "@/lib/schemas/api-tokens";

type JsonSchema = Record<string, unknown>;

/** A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), describing what a client sends. */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io: "input", unrepresentable: "any" });
  return rest as JsonSchema;
}

/** Query parameters from an object schema (an intersection's sides are merged). */
function queryParameters(schema: JsonSchema): JsonSchema[] {
  const parts = Array.isArray(schema.allOf) ? (schema.allOf as JsonSchema[]) : [schema];
  return parts.flatMap((part) => {
    const properties = (part.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((part.required ?? []) as string[]);
    return Object.entries(properties).map(([name, property]) => ({
      name,
      in: "query",
      required: required.has(name),
      schema: property,
      ...(property.anyOf ? { style: "form", explode: true } : {}),
    }));
  });
}

function operationObject(operationId: string, operation: ApiOperation) {
  const pathParameters = ["workspaceId", ...operation.params].map((name) => ({
    name,
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
  const errorResponse = (description: string) => ({
    description,
    content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
  });
  const errors: Record<string, unknown> = {
    400: errorResponse("Malformed request: not JSON, or a parameter that is not valid."),
    401: errorResponse("No valid token or session: missing, revoked, expired or unknown."),
    403: errorResponse("The token's role does not allow this."),
    404: errorResponse("Not found: no such thing in this workspace, or a workspace the token is not for."),
    429: {
      ...errorResponse("Too many requests with this token: wait the seconds of the Retry-After header."),
      headers: { "Retry-After": { schema: { type: "integer" }, description: "Seconds to wait before trying again." } },
    },
  };
  if (operation.body) {
    errors[413] = errorResponse("The body is too large.");
    errors[415] = errorResponse("The body is not sent as application/json.");
    errors[422] = errorResponse("The body is JSON but not a valid request: `fieldErrors` says what is wrong where.");
  }
  for (const [status, description] of Object.entries(operation.errors ?? {})) errors[status] = errorResponse(description);
  return {
    operationId,
    summary: operation.summary,
    description: `${operation.description}\n\nNeeds the permission \`${operation.permission}\`.`,
    tags: [operation.tag],
    parameters: [...pathParameters, ...(operation.query ? queryParameters(jsonSchemaOf(operation.query)) : [])],
    ...(operation.body
      ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchemaOf(operation.body) } } } }
      : {}),
    responses: {
      [operation.success.status]: {
        description: operation.success.description,
        content: { "application/json": { schema: { type: "object" } } },
      },
      ...errors,
    },
  };
}

export function buildOpenApiDocument(serverUrl = "/api/v1") {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [operationId, operation] of Object.entries(API_V1_OPERATIONS) as [string, ApiOperation][]) {
    (paths[operation.path] ??= {})[operation.method.toLowerCase()] = operationObject(operationId, operation);
  }
  paths["/openapi.json"] = {
    get: {
      operationId: "getOpenApiDocument",
      summary: "This document",
      description: "The OpenAPI 3.1 description of the API. Needs no token.",
      tags: ["Documentation"],
      security: [],
      responses: { 200: { description: "The OpenAPI document.", content: { "application/json": { schema: { type: "object" } } } } },
    },
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "cxmap API",
      version: "1.0.0",
      description:
        "Submit interviews and read maps and figures from other systems. Authenticate with `Authorization: Bearer <token>`; " +
        `tokens start with \`${API_TOKEN_PREFIX}\` and are created by an admin on the workspace's API page. Every error answers ` +
        "`{ error: { code, message, fieldErrors? } }`.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearerToken: [] }],
    tags: [
      { name: "Maps", description: "Journey maps and their design." },
      { name: "Interviews", description: "Recording and reading interviews." },
      { name: "Respondents", description: "The people interviewed." },
      { name: "Analysis", description: "The matrix, the fix list, touchpoint figures, basics and delighters, channel consistency, change alerts, trends and the map overview." },
      { name: "Documentation", description: "This description." },
    ],
    paths,
    components: {
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", description: `An API token (\`${API_TOKEN_PREFIX}...\`). The browser session also works.` },
      },
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: {
                code: { type: "string", examples: [...new Set(Object.values(API_ERROR_CODES))] },
                message: { type: "string" },
                fieldErrors: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
              },
            },
          },
        },
      },
    },
  };
}

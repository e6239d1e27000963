// Guards against schema.prisma and the committed migrations drifting apart: the database
// built by the migration runner must hold every model, field and enum of the generated client.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as enums from "@/lib/generated/prisma/enums";
import { testDb } from "@/tests/support/db";

type RuntimeField = { name: string; kind: "scalar" | "enum" | "object"; type: string; dbName?: string };
type RuntimeDataModel = { models: Record<string, { dbName: string | null; fields: RuntimeField[] }> };

function runtimeDataModel(): RuntimeDataModel {
  const source = readFileSync("lib/generated/prisma/internal/class.ts", "utf8");
  const match = source.match(/config\.runtimeDataModel = JSON\.parse\((".*")\)/);
  if (!match?.[1]) throw new Error("runtimeDataModel not found in the generated client");
  return JSON.parse(JSON.parse(match[1]) as string) as RuntimeDataModel;
}

const COMPATIBLE: Record<string, string[]> = {
  String: ["text"],
  Int: ["integer", "smallint"],
  BigInt: ["bigint"],
  Float: ["double precision"],
  Boolean: ["boolean"],
  DateTime: ["timestamp with time zone", "timestamp without time zone", "date"],
  Json: ["jsonb"],
};

const ARRAY_OF: Record<string, string> = { String: "_text", Int: "_int4", BigInt: "_int8" };

describe("migrated database matches schema.prisma", () => {
  const model = runtimeDataModel();

  it("has every model, field and field type", async () => {
    const columns = await testDb().$queryRaw<{ table_name: string; column_name: string; data_type: string; udt_name: string }[]>`
      SELECT table_name, column_name, data_type, udt_name FROM information_schema.columns WHERE table_schema = 'public'`;
    const byTable = new Map<string, Map<string, { data_type: string; udt_name: string }>>();
    for (const column of columns) {
      if (!byTable.has(column.table_name)) byTable.set(column.table_name, new Map());
      byTable.get(column.table_name)!.set(column.column_name, column);
    }

    const problems: string[] = [];
    const models = Object.entries(model.models);
    expect(models.length).toBeGreaterThan(15);
    for (const [name, definition] of models) {
      const table = definition.dbName ?? name;
      const tableColumns = byTable.get(table);
      if (!tableColumns) {
        problems.push(`missing table ${table} (model ${name})`);
        continue;
      }
      for (const field of definition.fields) {
        if (field.kind === "object") continue;
        const columnName = field.dbName ?? field.name;
        const column = tableColumns.get(columnName);
        if (!column) {
          problems.push(`missing column ${table}.${columnName} (${name}.${field.name})`);
        } else if (field.kind === "enum") {
          if (column.data_type !== "USER-DEFINED" || column.udt_name !== field.type) {
            problems.push(`${table}.${columnName} is ${column.udt_name}, expected enum ${field.type}`);
          }
        } else if (column.data_type === "ARRAY") {
          // The runtime model does not say whether a field is a list: an array column must hold the field's type.
          if (ARRAY_OF[field.type] !== column.udt_name) problems.push(`${table}.${columnName} is ${column.udt_name}, expected ${field.type}`);
        } else if (!(COMPATIBLE[field.type] ?? []).includes(column.data_type)) {
          problems.push(`${table}.${columnName} is ${column.data_type}, expected ${field.type}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("has every enum with exactly its values, in order", async () => {
    const rows = await testDb().$queryRaw<{ typname: string; labels: string[] }[]>`
      SELECT t.typname::text AS typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`;
    const inDb = new Map(rows.map((row) => [row.typname, row.labels]));
    const declared = Object.entries(enums).filter(([, value]) => typeof value === "object");
    expect(declared.length).toBeGreaterThanOrEqual(10);
    for (const [name, values] of declared) {
      expect(inDb.get(name), `enum ${name}`).toEqual(Object.values(values as Record<string, string>));
    }
  });
});

// Integration tests run against a real PostgreSQL: CXMAP_TEST_DATABASE_URL when given,
// otherwise an embedded one whose test database is recreated and migrated on every run.
import type { TestProject } from "vitest/node";
import { startEmbeddedDb, type EmbeddedDb } from "../../scripts/lib/embedded-db";
import { migrate } from "../../lib/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

let embedded: EmbeddedDb | undefined;

export default async function setup(project: TestProject) {
  let url = process.env.CXMAP_TEST_DATABASE_URL;
  if (!url) {
    embedded = await startEmbeddedDb({
      dir: process.env.CXMAP_TEST_DATA_DIR ?? ".data/test/pg",
      port: Number(process.env.CXMAP_TEST_PG_PORT ?? 54339),
      database: "cxmap_test",
      fresh: true,
    });
    url = embedded.url;
  }
  await migrate(url);
  project.provide("databaseUrl", url);
  return async () => {
    await embedded?.stop();
  };
}

// Runs `prisma generate` after npm install. Generating the client needs no migration
// engine, but the Prisma CLI insists that one exists; when the developer has none, point
// it at a stub so that install works with only the npm registry reachable.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = fileURLToPath(new URL("./prisma/no-engine.sh", import.meta.url));
}
const result = spawnSync("npx", ["prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);

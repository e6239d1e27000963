import { defineConfig } from "prisma/config";

// The connection string is only needed by the Prisma CLI (migrate, studio). The app
// itself connects through lib/db.ts and applies migrations with scripts/migrate.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:54329/cxmap" },
});

// `npm run db:seed`: create the demo workspace in DATABASE_URL (idempotent: an existing
// demo workspace is left as it is). Sign in as admin@example.com / cxmap-demo.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { requireDatabaseUrl } from "../lib/env";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "../prisma/seed/demo";

const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: requireDatabaseUrl() }) });
try {
  const summary = await seedDemo(db);
  if (summary.created) {
    console.log(`Seeded the demo workspace "${summary.workspaceId}" in ${(summary.durationMs / 1000).toFixed(1)} s:`);
    console.log(JSON.stringify(summary, null, 2));
    console.log(`Sign in with ${DEMO_USERS.map((user) => `${user.email} (${user.role})`).join(", ")}; password "${DEMO_PASSWORD}".`);
  } else {
    console.log(
      `Demo workspace "${summary.workspaceId}" already there (${summary.interviews.submitted} submitted interviews, ${summary.observations} observations); nothing changed.`,
    );
  }
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}

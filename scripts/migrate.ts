// `npm run db:migrate`: apply the committed migrations to DATABASE_URL.
import { migrate } from "../lib/migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to the PostgreSQL database to migrate.");
  process.exit(1);
}
const result = await migrate(url);
console.log(
  result.applied.length === 0
    ? `Database is up to date (${result.alreadyApplied} migrations).`
    : `Applied ${result.applied.length} migration(s): ${result.applied.join(", ")}`,
);

// `npm run audit:deps` (part of `npm test`): fails when a production dependency has a known
// high or critical advisory. The advisory service is on the network: when it cannot be
// reached, the check says so in one line and passes, so an offline build is not blocked.
import { spawnSync } from "node:child_process";
import { judgeAudit } from "./lib/audit-report";

const run = spawnSync("npm", ["audit", "--omit=dev", "--json"], { encoding: "utf8", timeout: 60_000 });
const verdict = judgeAudit(run.stdout ?? "", run.error?.message || run.stderr?.trim().split("\n")[0] || "no answer");
for (const line of verdict.lines) (verdict.ok ? console.log : console.error)(line);
process.exit(verdict.ok ? 0 : 1);

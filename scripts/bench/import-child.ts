// The importing process of `npm run bench:import`: runs one claimed import job (id in argv) as
// the server's worker would, and prints its wall time and this process's peak resident memory
// (VmHWM), so the parent's own work (writing the CSV, the COPY baseline) does not count.
import { readFileSync } from "node:fs";

const jobId = process.argv[2];
if (!jobId) throw new Error("usage: import-child.ts <import job id>");
const { runImportJob } = await import("../../lib/data/import-run");
const start = performance.now();
await runImportJob(jobId);
const seconds = (performance.now() - start) / 1000;
const peakKb = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))?.[1] ?? NaN);
console.log(JSON.stringify({ seconds, peakRss: peakKb * 1024 }));
process.exit(0);

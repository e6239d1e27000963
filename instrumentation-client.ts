// Runs in the browser before any of cxmap's own modules (Next loads it ahead of hydration).
//
// zod compiles object schemas with `new Function` where it may, and decides so, by trying it,
// when a schema module loads. The Content-Security-Policy forbids eval, so in the browser the
// attempt fails (harmlessly: zod falls back) but is still reported as a violation. Telling zod
// up front not to compile skips the attempt. The server keeps the compiled parsers.
import { config } from "zod/v4/core";

config({ jitless: true });

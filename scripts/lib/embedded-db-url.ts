// Where the embedded PostgreSQL (local runs and tests only) is reached, in a module of its
// own so that the end-to-end config can name the database without loading the server package.
export const EMBEDDED_DB_USER = "cxmap";
export const EMBEDDED_DB_PASSWORD = "cxmap-local";

export function embeddedDbUrl(port: number, database: string): string {
  return `postgresql://${EMBEDDED_DB_USER}:${EMBEDDED_DB_PASSWORD}@127.0.0.1:${port}/${database}`;
}

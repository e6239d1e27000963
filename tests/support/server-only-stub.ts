// Vitest runs server modules outside React's server environment, where the real
// "server-only" package would throw on import. The guard still applies in Next.
export {};

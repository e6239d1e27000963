/**
 * Where to send a user after signing in: `value` when it is a path on this site, else `fallback`
 * (the workspace home). A value that a browser would read as another origin is refused:
 * protocol-relative `//host`, `/\host` (browsers treat `\` as `/`), absolute URLs, and
 * anything with control characters, which browsers strip before parsing.
 */
export function safeCallbackPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  if (!value.startsWith("/") || /[\\\u0000-\u001f\u007f]/.test(value)) return fallback;
  const origin = "https://cxmap.invalid";
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== origin) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

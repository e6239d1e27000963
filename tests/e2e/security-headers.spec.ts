import type { APIResponse } from "@playwright/test";
import { expect, test } from "./fixtures";

// The headers of the production build as a browser receives them: pages, route handlers, the
// 404 page and static files. The shared fixture (fixtures.ts) separately fails any test whose
// pages report a Content-Security-Policy violation.

const FIXED_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
};

function expectFixedHeaders(response: APIResponse) {
  const headers = response.headers();
  for (const [name, value] of Object.entries(FIXED_HEADERS)) expect(headers[name], `${name} on ${response.url()}`).toBe(value);
  for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) {
    expect(headers["permissions-policy"]).toContain(`${feature}=()`);
  }
  // Served over plain http here: no HSTS.
  expect(headers["strict-transport-security"]).toBeUndefined();
}

/** The response's policy and its script nonce, checking the directives every page needs. */
function expectPagePolicy(response: APIResponse): string {
  const policy = response.headers()["content-security-policy"] ?? "";
  const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/]{22}==)' 'strict-dynamic'(;|$)/.exec(policy)?.[1];
  expect(nonce, `a script nonce in "${policy}"`).toBeTruthy();
  for (const directive of ["object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'", "style-src-attr 'unsafe-inline'"]) {
    expect(policy).toContain(directive);
  }
  expect(policy).not.toContain("unsafe-eval");
  expect(policy).toMatch(/style-src-elem 'self' 'nonce-[^']+'(;|$)/);
  return nonce!;
}

/** Every script tag in the HTML carries the response's nonce. */
function expectNoncedScripts(html: string, nonce: string) {
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
}

/**
 * Waits until each expected violation has arrived both ways (the page's event, which the
 * fixture logs with a "[csp-violation]" prefix, and Chromium's own message), so none arrives
 * after the list is emptied, then empties it: these violations were provoked on purpose.
 */
async function takeViolations(violations: string[], expected: RegExp[]) {
  await expect
    .poll(() => {
      const events = violations.filter((violation) => violation.includes("[csp-violation]"));
      const messages = violations.length - events.length;
      return expected.every((pattern) => events.some((event) => pattern.test(event))) && messages === events.length;
    })
    .toBe(true);
  violations.length = 0;
}

test("a page has the security headers and a fresh nonce on every script", async ({ request }) => {
  const first = await request.get("/sign-in");
  expect(first.status()).toBe(200);
  expectFixedHeaders(first);
  const nonce = expectPagePolicy(first);
  expectNoncedScripts(await first.text(), nonce);

  const second = await request.get("/sign-in");
  expect(expectPagePolicy(second)).not.toBe(nonce);
});

test("a route handler has the security headers", async ({ request }) => {
  const response = await request.get("/api/auth/session");
  expect(response.status()).toBe(200);
  expectFixedHeaders(response);
  expectPagePolicy(response);
});

test("the 404 page is rendered per request, with the headers and nonced scripts", async ({ request }) => {
  const response = await request.get("/no-such-page");
  expect(response.status()).toBe(404);
  expectFixedHeaders(response);
  const nonce = expectPagePolicy(response);
  expectNoncedScripts(await response.text(), nonce);
});

test("static files have the fixed headers and a policy that allows nothing", async ({ request }) => {
  const html = await (await request.get("/sign-in")).text();
  const assets = [...html.matchAll(/(?:src|href)="(\/_next\/static\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]!);
  expect(assets.length).toBeGreaterThan(0);
  for (const path of [assets[0]!, "/icon.svg", "/robots.txt"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expectFixedHeaders(response);
    expect(response.headers()["content-security-policy"]).toBe("default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
  }
});

test("the browser blocks what the policy forbids, and the fixture sees it", async ({ browser, page, cspViolations }) => {
  const headerErrors: string[] = [];
  page.on("console", (message) => {
    if (/Permissions-Policy/i.test(message.text())) headerErrors.push(message.text());
  });
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  // Next's own nonced scripts ran: the page hydrated.
  await expect.poll(() => page.evaluate(() => "next" in window)).toBe(true);
  expect(cspViolations).toEqual([]);
  // Chromium knows every feature the Permissions-Policy names (it logs any it does not).
  expect(headerErrors).toEqual([]);

  // What injected markup would try: an inline event handler, a <style> element without the
  // nonce, an image from another origin.
  const outcome = await page.evaluate(() => {
    const button = document.createElement("button");
    button.setAttribute("onclick", "window.__injected = true");
    document.body.append(button);
    button.click();
    const style = document.createElement("style");
    style.textContent = "body { background: rgb(255, 0, 0); }";
    document.head.append(style);
    const image = document.createElement("img");
    image.src = "https://attacker.invalid/pixel.png";
    document.body.append(image);
    return {
      ranHandler: (window as { __injected?: boolean }).__injected === true,
      background: getComputedStyle(document.body).backgroundColor,
    };
  });
  expect(outcome.ranHandler).toBe(false);
  expect(outcome.background).not.toBe("rgb(255, 0, 0)");
  await takeViolations(cspViolations, [/script-src-attr/, /style-src-elem/, /img-src/]);

  // A page in a context the test makes itself is watched too.
  const other = await browser.newPage();
  await other.goto("/sign-in");
  await other.evaluate(() => {
    const image = document.createElement("img");
    image.src = "https://attacker.invalid/other.png";
    document.body.append(image);
  });
  await takeViolations(cspViolations, [/img-src/]);
  await other.context().close();
});

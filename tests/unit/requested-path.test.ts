import { describe, expect, it } from "vitest";
import { REQUESTED_PATH_HEADER, headersWithRequestedPath, requestedPathOf, signInPathFor } from "@/lib/auth/requested-path";

// Regression: a signed-out visitor opening a shared matrix link was sent to /sign-in without
// a callback and landed on the workspace home, losing the view.
describe("the requested path kept through sign-in", () => {
  it("keeps the path and query of the page asked for, without Next's own parameters", () => {
    const url = new URL("https://cxmap.example/w/ws1/maps/m1/matrix?from=2026-01-01&stage=a&stage=b&_rsc=abc");
    expect(requestedPathOf(url)).toBe("/w/ws1/maps/m1/matrix?from=2026-01-01&stage=a&stage=b");
    expect(requestedPathOf(new URL("https://cxmap.example/w/ws1"))).toBe("/w/ws1");
  });

  it("sends to sign-in with the path as the callback, encoded", () => {
    expect(signInPathFor("/w/ws1/maps/m1/matrix?from=2026-01-01&mot=1")).toBe(
      `/sign-in?callbackUrl=${encodeURIComponent("/w/ws1/maps/m1/matrix?from=2026-01-01&mot=1")}`,
    );
  });

  it("never keeps a path that would lead to another site, nor a pointless one", () => {
    for (const value of ["//evil.example/x", "/\\evil.example", "https://evil.example/w/1", "javascript:alert(1)", "/w/\u0000x", "", null, undefined]) {
      expect(signInPathFor(value)).toBe("/sign-in");
    }
    expect(signInPathFor("/")).toBe("/sign-in");
    expect(signInPathFor("/sign-in?callbackUrl=%2Fw%2F1")).toBe("/sign-in");
  });

  it("overwrites a header of the same name sent by the client", () => {
    const forged = new Headers({ [REQUESTED_PATH_HEADER]: "//evil.example", cookie: "a=b" });
    const headers = headersWithRequestedPath(new URL("https://cxmap.example/w/ws1/audit?page=2"), forged);
    expect(headers.get(REQUESTED_PATH_HEADER)).toBe("/w/ws1/audit?page=2");
    expect(headers.get("cookie")).toBe("a=b");
  });
});

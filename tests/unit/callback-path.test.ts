import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/callback-path";

describe("safeCallbackPath", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(safeCallbackPath("/w/abc/maps?tab=matrix#top")).toBe("/w/abc/maps?tab=matrix#top");
    expect(safeCallbackPath("/invite/tok%2Fen")).toBe("/invite/tok%2Fen");
  });

  it.each([
    ["protocol-relative", "//evil.example/"],
    ["backslash", "/\\evil.example"],
    ["backslashes only", "\\\\evil.example"],
    ["absolute URL", "https://evil.example/"],
    ["javascript URL", "javascript:alert(1)"],
    ["tab inside the slashes", "/\t/evil.example"],
    ["newline inside the slashes", "/\n/evil.example"],
    ["NUL", "/\u0000/evil.example"],
    ["empty", ""],
    ["relative without a slash", "evil.example"],
    ["too long", `/${"a".repeat(3000)}`],
  ])("sends %s home", (_, value) => {
    expect(safeCallbackPath(value)).toBe("/");
  });

  it("sends a missing or repeated parameter home", () => {
    expect(safeCallbackPath(undefined)).toBe("/");
    expect(safeCallbackPath(["/a", "/b"])).toBe("/");
  });
});

import { describe, expect, it } from "vitest";
import { deviceLabel } from "@/lib/auth/device-label";
import { ChangePasswordSchema } from "@/lib/schemas/auth";

describe("deviceLabel", () => {
  it("names the browser and system of common User-Agents", () => {
    expect(deviceLabel("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36")).toBe("Chrome on Linux");
    expect(deviceLabel("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0")).toBe("Firefox on Windows");
    expect(deviceLabel("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1")).toBe("Safari on iPhone");
    expect(deviceLabel("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36 Edg/141.0.0.0")).toBe("Edge on macOS");
    expect(deviceLabel("Mozilla/5.0 (Linux; Android 15) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Mobile Safari/537.36")).toBe("Chrome on Android");
  });

  it("says so when it cannot tell", () => {
    expect(deviceLabel(null)).toBe("Unknown device");
    expect(deviceLabel("curl/8.5.0")).toBe("Unknown device");
  });
});

describe("ChangePasswordSchema", () => {
  it("holds the new password to the sign-up rules", () => {
    expect(ChangePasswordSchema.safeParse({ currentPassword: "old", newPassword: "a-long-enough-one" }).success).toBe(true);
    const short = ChangePasswordSchema.safeParse({ currentPassword: "old", newPassword: "short" });
    expect(short.success ? [] : short.error.issues.map((issue) => issue.message)).toEqual(["Use at least 10 characters for the password."]);
    const missing = ChangePasswordSchema.safeParse({ currentPassword: "", newPassword: "a-long-enough-one" });
    expect(missing.success ? [] : missing.error.issues.map((issue) => issue.message)).toEqual(["Enter your current password."]);
  });
});

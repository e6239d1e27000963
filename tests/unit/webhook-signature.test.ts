import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signWebhookBody, verifyWebhookSignature } from "@/lib/webhooks/signature";

describe("webhook signatures", () => {
  const body = '{"event":"interview.submitted"}';

  it("is the HMAC-SHA256 of '<t>.<body>', as a receiver computes it", () => {
    const expected = createHmac("sha256", "whsec_test").update(`1700000000.${body}`).digest("hex");
    expect(signWebhookBody("whsec_test", body, 1_700_000_000)).toBe(`t=1700000000,v1=${expected}`);
  });

  it("verifies with the secret and the exact body, within the tolerance", () => {
    const header = signWebhookBody("whsec_test", body, 1_700_000_000);
    const now = 1_700_000_000_000;
    expect(verifyWebhookSignature("whsec_test", body, header, { now })).toBe(true);
    expect(verifyWebhookSignature("whsec_other", body, header, { now })).toBe(false);
    expect(verifyWebhookSignature("whsec_test", `${body} `, header, { now })).toBe(false);
    expect(verifyWebhookSignature("whsec_test", body, header, { now: now + 301_000 })).toBe(false);
    expect(verifyWebhookSignature("whsec_test", body, null, { now })).toBe(false);
    expect(verifyWebhookSignature("whsec_test", body, "t=abc,v1=00", { now })).toBe(false);
    expect(verifyWebhookSignature("whsec_test", body, header.replace(/v1=../, "v1="), { now })).toBe(false);
  });
});

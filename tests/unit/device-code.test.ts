import { describe, expect, it } from "vitest";
import { DEVICE_CODE_ALPHABET, deviceRespondentCode } from "@/components/field/device-code";
import { RespondentProfileSchema } from "@/lib/schemas/respondent";

describe("respondent codes made on the device", () => {
  it("look like R-XXXX-XXXX, from an alphabet without 0, 1, I or O, and pass the respondent schema", () => {
    for (let index = 0; index < 200; index += 1) {
      const code = deviceRespondentCode();
      expect(code).toMatch(/^R-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
      expect(RespondentProfileSchema.safeParse({ code, lifecycleStage: "NEW", valueTier: "UNKNOWN", segment: "", attributes: [] }).success).toBe(true);
    }
    expect(DEVICE_CODE_ALPHABET).not.toMatch(/[01IO]/);
    expect(new Set(DEVICE_CODE_ALPHABET).size).toBe(32);
  });

  it("never match the shape of the codes the server makes (R- and six characters)", () => {
    expect(deviceRespondentCode()).not.toMatch(/^R-[A-Z0-9]{6}$/);
  });

  it("do not repeat over many draws", () => {
    const codes = new Set(Array.from({ length: 20_000 }, () => deviceRespondentCode()));
    expect(codes.size).toBe(20_000);
  });

  it("use every character about equally often", () => {
    // 32,000 codes, 256,000 characters: 8,000 of each expected, a standard deviation near 88.
    const counts = new Map<string, number>();
    for (let index = 0; index < 32_000; index += 1) {
      for (const char of deviceRespondentCode().slice(2).replace("-", "")) counts.set(char, (counts.get(char) ?? 0) + 1);
    }
    expect(counts.size).toBe(32);
    for (const count of counts.values()) expect(Math.abs(count - 8_000)).toBeLessThan(700);
  });

  it("take each character from one random byte", () => {
    const source = (bytes: Uint8Array) => bytes.map((_, index) => index);
    expect(deviceRespondentCode(source)).toBe(`R-${DEVICE_CODE_ALPHABET.slice(0, 4)}-${DEVICE_CODE_ALPHABET.slice(4, 8)}`);
  });
});

import { describe, expect, it, vi, afterEach } from "vitest";
import { orderedUuid } from "@/lib/ordered-id";

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("orderedUuid", () => {
  afterEach(() => vi.useRealTimers());

  it("is a version-7 UUID whose first 48 bits are the time in milliseconds", () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 11, 2, 10, 30) });
    const id = orderedUuid();
    expect(id).toMatch(UUID_V7);
    expect(parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBe(Date.UTC(2026, 11, 2, 10, 30));
  });

  it("sorts in the order the ids were made, within a millisecond and past 4,096 of them", () => {
    vi.useFakeTimers({ now: Date.UTC(2027, 0, 1) });
    const ids = Array.from({ length: 10_000 }, () => orderedUuid());
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(id).toMatch(UUID_V7);
  });

  it("stays ordered when the clock steps back", () => {
    vi.useFakeTimers({ now: Date.UTC(2028, 0, 1, 12) });
    const before = orderedUuid();
    vi.setSystemTime(Date.UTC(2028, 0, 1, 11));
    const after = orderedUuid();
    expect(after > before).toBe(true);
  });
});

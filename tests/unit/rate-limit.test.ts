import { describe, expect, it } from "vitest";
import { FixedWindowLimiter } from "@/lib/rate-limit";

describe("FixedWindowLimiter", () => {
  it("allows `limit` requests per window per key, then says how many whole seconds remain", () => {
    const limiter = new FixedWindowLimiter(2, 60_000);
    expect(limiter.take("a", 1_000)).toBeNull();
    expect(limiter.take("a", 2_000)).toBeNull();
    expect(limiter.take("a", 2_500)).toBe(59); // the window ends at 61 000 ms: 58.5 s, rounded up
    expect(limiter.take("b", 2_500)).toBeNull();
    expect(limiter.take("a", 60_999)).toBe(1);
    expect(limiter.take("a", 61_000)).toBeNull(); // a new window
  });

  it("a changed limit applies at once", () => {
    const limiter = new FixedWindowLimiter(1, 1_000);
    expect(limiter.take("a", 0)).toBeNull();
    expect(limiter.take("a", 10)).toBe(1);
    limiter.limit = 3;
    expect(limiter.take("a", 20)).toBeNull();
  });

  it("keeps at most maxKeys windows, forgetting ended ones first", () => {
    const limiter = new FixedWindowLimiter(1, 1_000, 2);
    limiter.take("a", 0);
    limiter.take("b", 1_500);
    limiter.take("c", 1_600); // a's window has ended: forgotten
    expect(limiter.take("b", 1_700)).toBe(1);
    expect(limiter.take("c", 1_700)).toBe(1);
  });
});

// A fixed-window request counter per key (an API token): `limit` requests per window, then a
// refusal saying how many seconds remain. In memory, so per server process. Pure.

export class FixedWindowLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    public limit: number,
    readonly windowMs = 60_000,
    private readonly maxKeys = 10_000,
  ) {}

  /** Counts a request; null when allowed, else the whole seconds until the window ends (at least 1). */
  take(key: string, now = Date.now()): number | null {
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      if (!window && this.windows.size >= this.maxKeys) this.prune(now);
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    if (window.count >= this.limit) return Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000));
    window.count += 1;
    return null;
  }

  reset() {
    this.windows.clear();
  }

  private prune(now: number) {
    for (const [key, window] of this.windows) if (now - window.start >= this.windowMs) this.windows.delete(key);
    // Still full (more live keys than expected): forget the oldest rather than grow without end.
    for (const key of this.windows.keys()) {
      if (this.windows.size < this.maxKeys) break;
      this.windows.delete(key);
    }
  }
}

import { randomUUID } from "node:crypto";

// Time-ordered UUIDs (version 7, RFC 9562): 48 bits of Unix milliseconds, then a 12-bit
// counter for ids made in the same millisecond, then random bits. Rows written in bulk with
// these ids land at the right-hand end of their primary-key indexes (and of every index that
// starts with the id) instead of at random places, so a large import splits and dirties far
// fewer index pages. They are as unique as random UUIDs and sort in the order they were made
// within one process.

let lastMs = 0;
let counter = 0;

/** A new version-7 UUID, later than every one this process made before. */
export function orderedUuid(): string {
  let ms = Date.now();
  if (ms <= lastMs) {
    counter += 1;
    // 4,096 ids in one millisecond: borrow the next one (the clock catches up).
    if (counter > 0xfff) {
      lastMs += 1;
      counter = 0;
    }
    ms = lastMs;
  } else {
    lastMs = ms;
    counter = 0;
  }
  const time = ms.toString(16).padStart(12, "0");
  // The variant and the 62 random bits come from a version-4 UUID (its generator keeps a
  // buffer of random bytes, which is much cheaper than asking for 16 bytes each time).
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${counter.toString(16).padStart(3, "0")}${randomUUID().slice(18)}`;
}

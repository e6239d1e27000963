import { describe, expect, it } from "vitest";
import { dueForSending, flushOutbox, queueOrder, retryDelay, type OutboxItem, type SendVerdict } from "@/components/field/outbox-queue";

function item(id: string, queuedAt: number, extra: Partial<OutboxItem> = {}): OutboxItem {
  return {
    id,
    userId: "u1",
    workspaceId: "w1",
    mapId: "m1",
    mapName: "Store",
    respondentLabel: `R-${id}`,
    state: {
      id,
      mapId: "m1",
      respondent: null,
      conductedOn: "2026-12-01",
      mode: "IN_PERSON",
      answers: [],
      overallFeeling: null,
      notes: "",
      step: 0,
      savedAt: queuedAt,
    },
    queuedAt,
    seq: 0,
    attempts: 0,
    nextAttemptAt: queuedAt,
    status: "waiting",
    lastError: null,
    ...extra,
  };
}

/** An in-memory outbox and a server that answers from a script, recording what it was sent. */
function harness(items: OutboxItem[], answers: Record<string, SendVerdict[]>) {
  const stored = new Map(items.map((entry) => [entry.id, entry]));
  const sent: string[] = [];
  let clock = 1_000_000;
  return {
    stored,
    sent,
    advance: (ms: number) => (clock += ms),
    flush: (force = false) =>
      flushOutbox({
        items: [...stored.values()],
        now: () => clock,
        force,
        send: async (entry) => {
          sent.push(entry.id);
          return answers[entry.id]?.shift() ?? { kind: "sent", notice: null };
        },
        save: async (entry) => void stored.set(entry.id, entry),
        remove: async (entry) => void stored.delete(entry.id),
      }),
  };
}

describe("the outbox's order", () => {
  it("sends the oldest first, whatever order the device returns them in", () => {
    const ordered = queueOrder([item("c", 300), item("a", 100), item("b", 200)]);
    expect(ordered.map((entry) => entry.id)).toEqual(["a", "b", "c"]);
  });

  it("breaks a tie in the same millisecond by the queue counter", () => {
    const ordered = queueOrder([item("x", 100, { seq: 2 }), item("y", 100, { seq: 1 })]);
    expect(ordered.map((entry) => entry.id)).toEqual(["y", "x"]);
  });

  it("lets none overtake one that waits for its retry, unless the connection just came back", () => {
    const items = [item("a", 100, { nextAttemptAt: 5_000 }), item("b", 200), item("refused", 50, { status: "refused" })];
    expect(dueForSending(items, 1_000, false)).toEqual([]);
    expect(dueForSending(items, 1_000, true).map((entry) => entry.id)).toEqual(["a", "b"]);
    expect(dueForSending(items, 5_000, false).map((entry) => entry.id)).toEqual(["a", "b"]);
  });
});

describe("sending the outbox", () => {
  it("sends every waiting interview once, in order, and empties the outbox", async () => {
    const run = harness([item("b", 200), item("a", 100), item("c", 300)], {});
    const result = await run.flush();
    expect(run.sent).toEqual(["a", "b", "c"]);
    expect(run.stored.size).toBe(0);
    expect(result).toMatchObject({ stopped: null, sent: 3 });
    // Nothing left: a second round sends nothing again.
    await run.flush(true);
    expect(run.sent).toEqual(["a", "b", "c"]);
  });

  it("stops at a failed connection, keeps the rest in order and waits longer after each failure", async () => {
    const run = harness([item("a", 100), item("b", 200)], {
      a: [
        { kind: "unreachable", message: "No connection." },
        { kind: "unreachable", message: "No connection." },
      ],
    });
    expect(await run.flush()).toMatchObject({ stopped: "unreachable", sent: 0 });
    expect(run.sent).toEqual(["a"]);
    expect(run.stored.get("a")).toMatchObject({ attempts: 1, nextAttemptAt: 1_000_000 + 5_000, lastError: "No connection." });
    expect(run.stored.get("b")).toMatchObject({ attempts: 0 });

    // Too early for the retry: nothing is sent, b included.
    run.advance(4_000);
    await run.flush();
    expect(run.sent).toEqual(["a"]);

    run.advance(1_000);
    await run.flush();
    expect(run.sent).toEqual(["a", "a"]);
    expect(run.stored.get("a")).toMatchObject({ attempts: 2, nextAttemptAt: 1_005_000 + 10_000 });

    // The connection comes back (forced): a then b, once each.
    await run.flush(true);
    expect(run.sent).toEqual(["a", "a", "a", "b"]);
    expect(run.stored.size).toBe(0);
  });

  it("keeps a refused interview with the server's reason and goes on with the next", async () => {
    const run = harness([item("a", 100), item("b", 200)], { a: [{ kind: "refused", message: "That respondent is archived." }] });
    const result = await run.flush();
    expect(result.reports.map((report) => [report.id, report.kind, report.message])).toEqual([
      ["a", "refused", "That respondent is archived."],
      ["b", "sent", null],
    ]);
    expect(run.stored.get("a")).toMatchObject({ status: "refused", lastError: "That respondent is archived." });
    // Refused ones are not sent again by themselves: the interviewer fixes them.
    await run.flush(true);
    expect(run.sent).toEqual(["a", "b"]);
  });

  it("removes one the server kept as a draft, and passes on what the server said", async () => {
    const run = harness([item("a", 100), item("b", 200)], {
      a: [{ kind: "held", message: "Kept as your draft." }],
      b: [{ kind: "sent", notice: "1 touchpoint it answers was archived since." }],
    });
    const result = await run.flush();
    expect(run.stored.size).toBe(0);
    expect(result.reports.map((report) => [report.kind, report.message])).toEqual([
      ["held", "Kept as your draft."],
      ["sent", "1 touchpoint it answers was archived since."],
    ]);
  });

  it("stops without counting a try when the session has ended", async () => {
    const run = harness([item("a", 100), item("b", 200)], { a: [{ kind: "signed-out", message: "Sign in again." }] });
    expect(await run.flush()).toMatchObject({ stopped: "signed-out", sent: 0 });
    expect(run.sent).toEqual(["a"]);
    expect(run.stored.get("a")).toMatchObject({ status: "waiting", attempts: 0, lastError: "Sign in again." });
  });
});

describe("retryDelay", () => {
  it("doubles from 5 seconds up to 5 minutes", () => {
    expect([1, 2, 3, 4, 7, 8, 20].map(retryDelay)).toEqual([5_000, 10_000, 20_000, 40_000, 300_000, 300_000, 300_000]);
  });
});

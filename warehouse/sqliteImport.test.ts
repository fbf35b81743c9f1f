import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { computeSignals } from "../connectors/sessionize.js";
import { inferredSessionId, INACTIVITY_GAP_MS } from "../connectors/formats.js";
import { at, storedEvent, tempDir } from "../testing/events.js";
import { freshWarehouses } from "../testing/warehouses.js";
import { report } from "../testing/records.js";
import type { UnlinkedPolicy } from "./types.js";

const fresh = freshWarehouses();
/** A page view: what says a user was in the product, so inactivity sessions are made of it. */
const PAGE = { $pathname: "/" };

const infer: UnlinkedPolicy = { kind: "infer", gapMs: INACTIVITY_GAP_MS, sessionIdOf: inferredSessionId };
const minutes = (m: number): string => at(m * 60);

describe("beginImport (streamed import)", () => {
  it("takes batches in one transaction: nothing is visible to another connection before commit", async () => {
    const path = join(tempDir(), "warehouse.db");
    const w = fresh(path);
    const reader = fresh(path);
    const session = await w.beginImport({ sessionize: computeSignals });
    expect(await session.add([storedEvent("a", { at: at(0) }), storedEvent("b", { at: at(10) })])).toEqual({ inserted: 2, duplicates: 0 });
    expect(await session.add([storedEvent("b", { at: at(10) }), storedEvent("c", { at: at(20) })])).toEqual({ inserted: 1, duplicates: 1 });
    expect(await reader.countEvents()).toBe(0);
    expect(await session.commit({ watermark: { source: "test", value: "w1" } })).toEqual({ inserted: 3, duplicates: 1, sessionsTouched: 1, sessionless: 0 });
    expect(await reader.countEvents()).toBe(3);
    expect((await reader.sessionSignals(["s1"]))[0]).toMatchObject({ eventCount: 3, durationSec: 20 });
    expect(await reader.watermark("test")).toBe("w1");
  });

  it("abort leaves stored events, sessions and the watermark as they were, and frees the connection", async () => {
    const w = fresh();
    await w.importEvents([storedEvent("old", { at: at(0) })], computeSignals);
    const before = await w.sessionSignals(["s1"]);
    const session = await w.beginImport({ sessionize: computeSignals });
    await session.add([storedEvent("new", { at: at(30) }), storedEvent("other", { sessionId: "s2" })]);
    await expect(w.beginImport({ sessionize: computeSignals })).rejects.toThrow(/already open/);
    await session.abort();
    expect(await w.countEvents()).toBe(1);
    expect(await w.sessionSignals(["s1", "s2"])).toEqual(before);
    expect(await w.watermark("test")).toBeNull();
    const again = await w.beginImport({ sessionize: computeSignals });
    await again.abort();
  });

  it("attaches a server-side event to the same user's session that spans it, also when the session arrives later", async () => {
    const w = fresh();
    // The server event comes first: no session covers it yet.
    expect(await w.importEvents([storedEvent("srv", { at: at(30), sessionId: null, event: "invoice_paid" })], computeSignals)).toMatchObject({
      inserted: 1,
      sessionless: 1,
      sessionsTouched: 0,
    });
    const result = await w.importEvents(
      [storedEvent("p1", { at: at(0) }), storedEvent("p2", { at: at(60) }), storedEvent("late", { at: at(500), sessionId: null })],
      computeSignals,
    );
    expect(result).toMatchObject({ inserted: 3, sessionless: 1, sessionsTouched: 1 }); // "late" is outside s1
    const [s1] = await w.sessionSignals(["s1"]);
    expect(s1?.eventCount).toBe(3);
    expect(s1?.customEvents.map((c) => c.eventId)).toEqual(["srv"]);
  });

  it("infers sessions per user at 30-minute gaps with ids from user and first event, and merges them when a gap fills", async () => {
    const w = fresh();
    const events = [
      storedEvent("a1", { at: minutes(0), sessionId: null, distinctId: "ann", properties: PAGE }),
      storedEvent("a2", { at: minutes(5), sessionId: null, distinctId: "ann", properties: PAGE }),
      storedEvent("a3", { at: minutes(50), sessionId: null, distinctId: "ann", properties: PAGE }), // 45 min later: a new session
      storedEvent("b1", { at: minutes(1), sessionId: null, distinctId: "bob", properties: PAGE }),
    ];
    expect(await w.beginImport({ sessionize: computeSignals, unlinked: infer }).then(async (s) => (await s.add(events), s.commit()))).toEqual({
      inserted: 4,
      duplicates: 0,
      sessionsTouched: 3,
      sessionless: 0,
    });
    const first = inferredSessionId("ann", { uuid: "a1", timestamp: minutes(0) });
    const second = inferredSessionId("ann", { uuid: "a3", timestamp: minutes(50) });
    expect((await w.sessionSignals([first, second])).map((s) => [s.sessionId, s.eventCount])).toEqual(
      [[first, 2], [second, 1]].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    );
    await w.saveReports([report(first), report(second)]);

    // A later export fills the gap (a4 at 28 min): one session now; the second one's report goes with it.
    const fill = await w.beginImport({ sessionize: computeSignals, unlinked: infer });
    await fill.add([storedEvent("a4", { at: minutes(28), sessionId: null, distinctId: "ann", properties: PAGE })]);
    expect(await fill.commit()).toMatchObject({ inserted: 1, sessionsTouched: 1 });
    expect(await w.countSessions()).toBe(2);
    expect((await w.sessionSignals([first]))[0]).toMatchObject({ eventCount: 4, durationSec: 50 * 60 });
    expect(await w.sessionSignals([second])).toEqual([]);
    expect((await w.listReports()).map((r) => r.sessionId)).toEqual([first]);
    expect(await w.sessionsWithoutReport({ analystVersion: "v1" })).toContain(first); // stale: it grew
  });
});

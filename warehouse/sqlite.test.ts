import { describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { join } from "node:path";
import { SqliteWarehouse } from "./sqlite.js";
import { MIGRATIONS } from "./migrations.js";
import type { Sessionizer } from "./types.js";
import { computeSignals } from "../connectors/sessionize.js";
import type { StoredEvent } from "../state/session.js";
import { at, storedEvent, tempDir } from "../testing/events.js";
import { freshWarehouses } from "../testing/warehouses.js";
import { fixAttempt, newTicket, pattern, report, tick } from "../testing/records.js";

const fresh = freshWarehouses();

function userVersion(path: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return db.pragma("user_version", { simple: true }) as number;
  } finally {
    db.close();
  }
}

describe("schema migrations", () => {
  it("migrates a fresh file to the latest version, and reopening neither re-runs nor loses anything", async () => {
    const path = join(tempDir(), "nested", "warehouse.db");
    const w = new SqliteWarehouse(path);
    expect(MIGRATIONS.length).toBeGreaterThan(0);
    expect(userVersion(path)).toBe(MIGRATIONS.length);
    await w.importEvents([storedEvent("e1")], computeSignals);
    await w.close();

    const again = fresh(path); // a re-run of migration 1 would fail on "table events already exists"
    expect(userVersion(path)).toBe(MIGRATIONS.length);
    expect(await again.countEvents()).toBe(1);
    expect(await again.countSessions()).toBe(1);
  });

  it("refuses a file written by a newer selfheal", () => {
    const path = join(tempDir(), "warehouse.db");
    const db = new Database(path);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => new SqliteWarehouse(path)).toThrow(/newer/);
  });
});

describe("importEvents", () => {
  it("stores each uuid once: the same batch twice counts duplicates and changes no row", async () => {
    const w = fresh();
    const batch = [
      storedEvent("e1", { at: at(0) }),
      storedEvent("e2", { at: at(30) }),
      storedEvent("e3", { at: at(10), sessionId: "s2" }),
      storedEvent("e4", { at: at(20), sessionId: null, distinctId: "user-2" }), // user-2 has no session to join
    ];
    expect(await w.importEvents(batch, computeSignals)).toEqual({ inserted: 4, duplicates: 0, sessionsTouched: 2, sessionless: 1 });
    const before = await w.sessionSignals(["s1", "s2"]);

    const second = await w.importEvents(batch, computeSignals);
    expect(second).toMatchObject({ inserted: 0, duplicates: 4, sessionsTouched: 0 });
    expect(await w.countEvents()).toBe(4);
    expect(await w.countSessions()).toBe(2);
    expect(await w.sessionSignals(["s1", "s2"])).toEqual(before);
  });

  it("keeps the first copy of a uuid repeated inside one batch", async () => {
    const w = fresh();
    const result = await w.importEvents(
      [storedEvent("e1", { event: "first" }), storedEvent("e1", { event: "second" }), storedEvent("e2", { at: at(5) })],
      computeSignals,
    );
    expect(result).toMatchObject({ inserted: 2, duplicates: 1, sessionsTouched: 1 });
    const [s1] = await w.sessionSignals(["s1"]);
    expect(s1?.eventCount).toBe(2);
    expect(s1?.customEvents.map((c) => c.name)).toEqual(["first"]);
  });

  it("hands the sessionizer all of a session's events, stored ones too, in time order", async () => {
    const w = fresh();
    const seen: string[][] = [];
    const recording: Sessionizer = (id, events) => {
      seen.push(events.map((e) => e.uuid));
      return computeSignals(id, events);
    };
    await w.importEvents([storedEvent("b", { at: at(20) }), storedEvent("a", { at: at(40) })], recording);
    await w.importEvents([storedEvent("c", { at: at(30) }), storedEvent("d", { at: at(0) })], recording);
    expect(seen).toEqual([["b", "a"], ["d", "b", "c", "a"]]);
  });

  it("recomputes a session that gains events and marks its report stale", async () => {
    const w = fresh();
    await w.importEvents([storedEvent("e1", { at: at(0) }), storedEvent("e2", { at: at(60), sessionId: "s2" })], computeSignals);
    await w.saveReports([report("s1"), report("s2")]);
    expect(await w.sessionsWithoutReport({ analystVersion: "v1" })).toEqual([]);
    expect(await w.sessionsWithoutReport({ analystVersion: "v2" })).toEqual(["s1", "s2"]);

    // A duplicate alone changes nothing: no recompute, nothing stale.
    expect((await w.importEvents([storedEvent("e1")], computeSignals)).sessionsTouched).toBe(0);
    expect(await w.sessionsWithoutReport({ analystVersion: "v1" })).toEqual([]);

    await w.importEvents([storedEvent("e3", { at: at(90) })], computeSignals);
    expect(await w.sessionsWithoutReport({ analystVersion: "v1" })).toEqual(["s1"]);
    const [s1] = await w.sessionSignals(["s1"]);
    expect(s1).toMatchObject({ eventCount: 2, durationSec: 90, lastEventId: "e3", endedAt: at(90) });

    await w.saveReports([report("s1", { score: 4 })]); // re-scoring clears the stale mark
    expect(await w.sessionsWithoutReport({ analystVersion: "v1" })).toEqual([]);
  });

  it("writes nothing when the sessionizer throws midway", async () => {
    const w = fresh();
    await w.importEvents([storedEvent("old", { sessionId: "s0" })], computeSignals);
    const failing: Sessionizer = (id, events) => {
      if (id === "s2") throw new Error("sessionizer broke");
      return computeSignals(id, events);
    };
    const batch: StoredEvent[] = [
      storedEvent("e1", { sessionId: "s1" }),
      storedEvent("e2", { sessionId: "s2" }),
      storedEvent("e3", { sessionId: "s3" }),
      storedEvent("e4", { sessionId: null }),
    ];
    await expect(w.importEvents(batch, failing)).rejects.toThrow("sessionizer broke");
    expect(await w.countEvents()).toBe(1);
    expect(await w.countSessions()).toBe(1);
    expect(await w.sessionSignals(["s1", "s2", "s3"])).toEqual([]);
  });
});

describe("sessions by week", () => {
  it("latestWeek, countSessions(week) and sessionsWithoutReport filters", async () => {
    const w = fresh();
    expect(await w.latestWeek()).toBeNull();
    await w.importEvents(
      [
        storedEvent("a", { sessionId: "s-2025w52", at: at(0, "2025-12-22") }),
        storedEvent("b", { sessionId: "s-w02-a", at: at(0, "2026-01-05") }),
        storedEvent("c", { sessionId: "s-w02-b", at: at(0, "2026-01-11") }), // Sunday: still W02
        storedEvent("d", { sessionId: "s-w03", at: at(0, "2026-01-12") }),
      ],
      computeSignals,
    );
    expect(await w.latestWeek()).toBe("2026-W03");
    expect(await w.countSessions("2026-W02")).toBe(2);
    expect(await w.countSessions("2025-W52")).toBe(1);
    expect(await w.countSessions()).toBe(4);
    expect(await w.sessionsWithoutReport({ analystVersion: "v1", week: "2026-W02" })).toEqual(["s-w02-a", "s-w02-b"]);
    expect(await w.sessionsWithoutReport({ analystVersion: "v1", limit: 2 })).toEqual(["s-2025w52", "s-w02-a"]);
    expect(
      await w.sessionsWithoutReport({ analystVersion: "v1", range: { fromId: "s-w02-a", toId: "s-w03" } }),
    ).toEqual(["s-w02-a", "s-w02-b", "s-w03"]);
  });
});

describe("saveReports", () => {
  it("writes none of a batch with one invalid report (score 11)", async () => {
    const w = fresh();
    await w.importEvents([storedEvent("e1"), storedEvent("e2", { sessionId: "s2" })], computeSignals);
    await expect(w.saveReports([report("s1"), report("s2", { score: 11 })])).rejects.toThrow();
    expect(await w.listReports()).toEqual([]);
    expect(await w.sessionsWithoutReport({ analystVersion: "v1" })).toEqual(["s1", "s2"]);

    await w.saveReports([report("s1"), report("s2", { score: 10 })]);
    expect((await w.listReports()).map((r) => [r.sessionId, r.score])).toEqual([["s1", 7], ["s2", 10]]);
  });
});

describe("tickets", () => {
  it("allocates SH-1, SH-2… and keeps one ticket per fingerprint", async () => {
    const w = fresh();
    const first = await w.insertTicket(newTicket("fp-a"));
    const second = await w.insertTicket(newTicket("fp-b", { status: "in_progress" }));
    expect([first.id, second.id]).toEqual(["SH-1", "SH-2"]);
    expect(first.url).toContain("SH-1");

    await expect(w.insertTicket(newTicket("fp-a", { title: "impostor" }))).rejects.toThrow(/UNIQUE/);
    expect(await w.ticketByFingerprint("fp-a")).toEqual(first);
    expect(await w.listTickets()).toHaveLength(2);
    expect((await w.insertTicket(newTicket("fp-c"))).id).toBe("SH-3");
  });

  it("updates fields and bumps updatedAt; looks up by id, fingerprint and status", async () => {
    const w = fresh();
    const a = await w.insertTicket(newTicket("fp-a"));
    await w.insertTicket(newTicket("fp-b"));
    await tick();
    const updated = await w.updateTicket("SH-1", { status: "in_review", sessions: 9 });
    expect(updated).toMatchObject({ id: "SH-1", status: "in_review", sessions: 9, title: a.title, createdAt: a.createdAt });
    expect(updated.updatedAt > a.updatedAt).toBe(true);
    expect(await w.ticket("SH-1")).toEqual(updated);
    expect(await w.ticket("SH-99")).toBeNull();
    expect(await w.ticketByFingerprint("fp-b")).toMatchObject({ id: "SH-2", status: "open" });
    expect(await w.ticketByFingerprint("fp-zzz")).toBeNull();
    expect((await w.listTickets({ status: ["open"] })).map((t) => t.id)).toEqual(["SH-2"]);
    expect((await w.listTickets({ status: ["in_review", "open"] })).map((t) => t.id)).toEqual(["SH-1", "SH-2"]);
    await expect(w.updateTicket("SH-99", { status: "done" })).rejects.toThrow(/SH-99/);
  });
});

describe("patterns", () => {
  it("savePatterns replaces one week's patterns, atomically, leaving other weeks alone", async () => {
    const w = fresh();
    await w.savePatterns("2026-W02", [pattern("p1", { sessions: 3 }), pattern("p2", { sessions: 8 })]);
    await w.savePatterns("2026-W03", [pattern("p3", { week: "2026-W03" })]);
    expect((await w.listPatterns("2026-W02")).map((p) => p.fingerprint)).toEqual(["p2", "p1"]);

    await w.savePatterns("2026-W02", [pattern("p4")]);
    expect((await w.listPatterns("2026-W02")).map((p) => p.fingerprint)).toEqual(["p4"]);

    await expect(w.savePatterns("2026-W02", [pattern("p5"), pattern("p6", { priority: 5 })])).rejects.toThrow();
    expect((await w.listPatterns("2026-W02")).map((p) => p.fingerprint)).toEqual(["p4"]);
    expect((await w.listPatterns("2026-W03")).map((p) => p.fingerprint)).toEqual(["p3"]);
  });
});

describe("fix attempts", () => {
  it("keeps one attempt per ticket, the latest", async () => {
    const w = fresh();
    await w.insertTicket(newTicket("fp-a"));
    await w.insertTicket(newTicket("fp-b"));
    await w.saveFixAttempt(fixAttempt("SH-1"));
    await w.saveFixAttempt(fixAttempt("SH-2", { createdAt: "2026-01-11T09:00:00.000Z" }));
    const opened = fixAttempt("SH-1", { status: "pr_opened", prUrl: "https://github.com/acme/app/pull/7", reason: "tests pass" });
    await w.saveFixAttempt(opened);
    expect(await w.fixAttempt("SH-1")).toEqual(opened);
    expect(await w.fixAttempt("SH-3")).toBeNull();
    expect((await w.listFixAttempts()).map((a) => [a.ticketId, a.status])).toEqual([
      ["SH-1", "pr_opened"],
      ["SH-2", "failed_verification"],
    ]);
    await expect(w.saveFixAttempt(fixAttempt("SH-404"))).rejects.toThrow(/FOREIGN KEY/);
  });
});

describe("runs", () => {
  it("starts, finishes and lists runs, newest first", async () => {
    const w = fresh();
    await w.startRun({ id: "r1", kind: "gather", week: "2026-W02" });
    await tick();
    await w.startRun({ id: "r2", kind: "weekly", week: null });
    await w.finishRun("r1", "succeeded", { scored: 3 });
    const runs = await w.listRuns();
    expect(runs.map((r) => [r.id, r.kind, r.week, r.status])).toEqual([
      ["r2", "weekly", null, "running"],
      ["r1", "gather", "2026-W02", "succeeded"],
    ]);
    expect(runs[0]).toMatchObject({ finishedAt: null, summary: null });
    expect(runs[1]?.summary).toEqual({ scored: 3 });
    expect(runs[1]?.finishedAt).not.toBeNull();
    expect((await w.listRuns(1)).map((r) => r.id)).toEqual(["r2"]);
  });
});

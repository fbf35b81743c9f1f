import { describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { ingestFile } from "./ingest.js";
import { importEvents } from "./importer.js";
import { inferredSessionId, INACTIVITY_GAP_MS } from "./formats.js";
import { computeSignals } from "./sessionize.js";
import { jsonStable } from "./sessions/batchSessions.js";
import { simulateWeek, writeSessionsJsonl } from "../demo/simulator/index.js";
import { weekRange } from "../runtime/week.js";
import { at, storedEvent, tempDir } from "../testing/events.js";
import { withWarehouseAt } from "../testing/warehouses.js";
import type { Warehouse } from "../warehouse/types.js";

/** The sessions table as stored, without the save time. */
function sessionsTable(location: string): unknown[] {
  const db = new Database(location, { readonly: true });
  try {
    return db.prepare(`SELECT id, distinct_id, started_at, ended_at, week, event_count, signals FROM sessions ORDER BY id`).all();
  } finally {
    db.close();
  }
}

async function imported(name: string, files: string[], batchSize: number): Promise<string> {
  const location = join(tempDir(), `${name}.db`);
  await withWarehouseAt(location, async (w) => {
    for (const file of files) await ingestFile(w, file, { batchSize, now: new Date("2027-01-01T00:00:00Z") });
  });
  return location;
}

describe("sessions formed from each batch in memory", () => {
  it("are the same whatever the batches and files: each session equals its recomputation from every stored event", async () => {
    const dir = tempDir();
    const whole = join(dir, "week.jsonl");
    await writeSessionsJsonl(simulateWeek({ sessions: 150, seed: 7, weekStart: weekRange("2026-W47").start }), whole);
    const lines = readFileSync(whole, "utf8").trimEnd().split("\n");
    // Interleaved halves: every session spans both files and many batches; some events repeat.
    const first = join(dir, "first.jsonl");
    const second = join(dir, "second.jsonl");
    writeFileSync(first, `${lines.filter((_, i) => i % 2 === 0).join("\n")}\n${lines.slice(0, 25).join("\n")}\n`);
    writeFileSync(second, `${lines.filter((_, i) => i % 2 === 1).reverse().join("\n")}\n`);

    const reference = await imported("whole", [whole], 1_000_000);
    const expected = sessionsTable(reference);
    expect(expected.length).toBeGreaterThan(100);
    await withWarehouseAt(reference, async (w) => {
      for (const row of expected as { id: string; signals: string }[]) {
        expect(JSON.parse(row.signals)).toEqual(computeSignals(row.id, await w.sessionEvents(row.id)));
      }
    });
    for (const batchSize of [1, 37, 2000]) {
      expect(sessionsTable(await imported(`b${batchSize}`, [whole], batchSize))).toEqual(expected);
    }
    expect(sessionsTable(await imported("split", [first, second], 300))).toEqual(expected);
  }, 120_000);

  it("are sessionized batch after batch when the next batch is stored before the last one's sessions are saved", async () => {
    const whole = join(tempDir(), "week.jsonl");
    await writeSessionsJsonl(simulateWeek({ sessions: 60, seed: 11, weekStart: weekRange("2026-W47").start }), whole);
    const expected = sessionsTable(await imported("whole", [whole], 1_000_000));
    // Saves that take a while (a remote warehouse's): the next batch's insert answers before this batch's
    // sessions are all saved, and a session both batches hold must end up recomputed, not as the first had it.
    const location = join(tempDir(), "slow.db");
    await withWarehouseAt(location, async (w) => {
      const slow = Object.create(w) as Warehouse;
      slow.beginImport = async () => {
        const tx = await w.beginImport();
        const save = tx.saveSession.bind(tx);
        tx.saveSession = async (row) => {
          await new Promise((resolve) => setTimeout(resolve, 2));
          await save(row);
        };
        return tx;
      };
      await ingestFile(slow, whole, { batchSize: 37, now: new Date("2027-01-01T00:00:00Z") });
    });
    expect(sessionsTable(location)).toEqual(expected);
  }, 120_000);

  it("are recomputed from storage when inference adds session-less events to one of them at commit", async () => {
    const location = join(tempDir(), "inferred.db");
    // The inferred id of ann's visit is also the id a batch event carries: the session formed from that
    // batch in memory gains the visit's events at commit and must not keep its in-memory signals.
    const visit = inferredSessionId("ann", { uuid: "a1", timestamp: at(0) });
    const page = { $pathname: "/" };
    const events = [
      storedEvent("a1", { at: at(0), sessionId: null, distinctId: "ann", properties: page }),
      storedEvent("a2", { at: at(300), sessionId: null, distinctId: "ann", properties: page }),
      storedEvent("tagged", { at: at(120), sessionId: visit, distinctId: "ann", properties: page }),
    ];
    await withWarehouseAt(location, async (w) => {
      await importEvents(w, events, { unlinked: { kind: "infer", gapMs: INACTIVITY_GAP_MS, sessionIdOf: inferredSessionId } });
      const [signals] = await w.sessionSignals([visit]);
      expect(signals?.eventCount).toBe(3);
      expect(signals).toEqual(computeSignals(visit, await w.sessionEvents(visit)));
    });
  });

  it("sessionize a batch's in-memory properties only when JSON text round-trips them unchanged", () => {
    expect(jsonStable(JSON.parse('{"a":[1,"x",null,{"b":true}],"c":-1.5}'))).toBe(true);
    for (const unstable of [{ a: undefined }, { a: [1, undefined] }, { a: Number.NaN }, { a: -0 }, { a: new Date(0) }, { a: new Array<number>(2) }, { a: { b: () => 1 } }]) {
      expect(jsonStable(unstable)).toBe(false);
    }
  });
});

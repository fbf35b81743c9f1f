/**
 * Event times an import cannot trust are bad lines, like any other: skipped, counted and reported by
 * line number with the reason, never the end of the import; `--strict` stops at the first of them.
 */
import { describe, it, expect } from "vitest";
import { join } from "node:path";
import { runCli } from "../testing/cli.js";
import { jsonLines, posthogRecord, tempDir, writeFile } from "../testing/events.js";
import { freshWarehouses, withWarehouseAt } from "../testing/warehouses.js";
import { ingestFile, type IngestResult } from "./ingest.js";
import { parseTimestamp } from "./record.js";

const DAY = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString();
const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

it("reads every time as toISOString prints it: one already in that form as is, one a Date rolls over (Feb 30, 24:00) as a Date does", () => {
  for (const text of ["2026-11-16T00:01:08.040Z", "2024-02-29T23:59:59.999Z", "2000-02-29T00:00:00.000Z"]) expect(parseTimestamp(text, "t")).toBe(text);
  for (const text of ["2026-02-29T00:00:00.000Z", "1900-02-29T00:00:00.000Z", "2026-04-31T10:00:00.000Z", "2026-01-01T24:00:00.000Z", "2026-01-05 10:00:00", "2026-01-05T10:00:00+02:00"]) {
    expect(parseTimestamp(text, "t")).toBe(new Date(text.includes(" ") ? `${text.replace(" ", "T")}Z` : text).toISOString());
  }
  expect(parseTimestamp("2026-02-30T00:00:00.000Z", "t")).toBe("2026-03-02T00:00:00.000Z");
});

describe("event times that cannot be read or cannot be true", () => {
  const fresh = freshWarehouses();

  it("an unparseable timestamp on one line is that line's problem: skipped, counted, reported; the rest is imported", async () => {
    const dir = tempDir();
    const db = join(dir, "warehouse.db");
    const file = writeFile(dir, "when.jsonl", jsonLines([
      posthogRecord(uuid(1), { session: "s1", at: iso(Date.now() - DAY) }),
      { ...posthogRecord(uuid(2), { session: "s1" }), timestamp: "yesterday" },
      posthogRecord(uuid(3), { session: "s1", at: iso(Date.now() - DAY + 60_000) }),
    ]));
    const run = await runCli(["--db", db, "ingest", file, "--json"]);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as IngestResult;
    expect(result).toMatchObject({ events: 2, sessions: 1, malformed: 1, malformedLines: [2] });
    expect(result.malformedReasons[0]?.reason).toBe('timestamp: timestamp does not parse: "yesterday" (expected ISO 8601 or epoch seconds or milliseconds)');
    const human = await runCli(["--db", join(dir, "other.db"), "ingest", file]);
    expect(human.stdout).toContain('line 2: timestamp: timestamp does not parse: "yesterday"');

    const strictDb = join(dir, "strict.db");
    const strict = await runCli(["--db", strictDb, "ingest", file, "--strict"]);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain(`${file}:2, key "timestamp": timestamp does not parse: "yesterday"`);
    expect(await withWarehouseAt(strictDb, (w) => w.countEvents())).toBe(0);
  });

  it("an event dated more than a day ahead of the clock is a bad line; a client clock a few hours ahead is not", async () => {
    const now = new Date("2026-06-10T12:00:00Z");
    const dir = tempDir();
    const file = writeFile(dir, "ahead.jsonl", jsonLines([
      posthogRecord(uuid(1), { session: "s1", at: "2026-06-10T11:00:00.000Z" }),
      posthogRecord(uuid(2), { session: "s1", at: "2026-06-10T18:00:00.000Z" }),
      posthogRecord(uuid(3), { session: "s2", at: "2026-06-12T12:00:01.000Z" }),
    ]));
    const result = await ingestFile(fresh(), file, { now });
    expect(result).toMatchObject({ events: 2, sessions: 1, malformedLines: [3] });
    expect(result.malformedReasons[0]?.reason).toBe("timestamp 2026-06-12T12:00:01.000Z is more than a day in the future");
  });

  it("an event dated before the product existed is a bad line: before 2000 by default, before the profile's ingest.since when set", async () => {
    const now = new Date("2026-06-10T12:00:00Z");
    const dir = tempDir();
    const file = writeFile(dir, "old.jsonl", jsonLines([
      { ...posthogRecord(uuid(1), { session: "s1" }), timestamp: 0 },
      posthogRecord(uuid(2), { session: "s1", at: "2025-12-31T23:59:59.000Z" }),
      posthogRecord(uuid(3), { session: "s1", at: "2026-06-01T09:00:00.000Z" }),
    ]));
    const byDefault = await ingestFile(fresh(), file, { now });
    expect(byDefault).toMatchObject({ events: 2, malformedLines: [1] });
    expect(byDefault.malformedReasons[0]?.reason).toBe("timestamp 1970-01-01T00:00:00.000Z is before the product existed (ingest.since 2000-01-01)");

    const dbPath = join(dir, "profiled.db");
    const config = writeFile(dir, "selfheal.config.json", JSON.stringify({ product: { name: "Acme", description: "workflows" }, ingest: { since: "2026-01-01" }, departments: {}, successEvents: [] }));
    const run = await runCli(["--db", dbPath, "--config", config, "ingest", file, "--json"]);
    expect(run.code, run.stderr).toBe(0);
    const profiled = JSON.parse(run.stdout) as IngestResult;
    expect(profiled).toMatchObject({ events: 1, malformedLines: [1, 2] });
    expect(profiled.malformedReasons[1]?.reason).toBe("timestamp 2025-12-31T23:59:59.000Z is before the product existed (ingest.since 2026-01-01)");
  });
});

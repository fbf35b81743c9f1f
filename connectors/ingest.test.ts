import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { ingestFile, type IngestResult } from "./ingest.js";
import { at, jsonLines, posthogRecord, tempDir, writeFile, type PostHogRecord } from "../testing/events.js";
import { runCli } from "../testing/cli.js";
import { withWarehouseAt as withWarehouse } from "../testing/warehouses.js";

const withoutKey = (record: PostHogRecord, key: keyof PostHogRecord): PostHogRecord => {
  const copy = { ...record };
  delete copy[key];
  return copy;
};

/** Export A, line by line. Valid lines: 1 2 4 5 7 11 12; line 5 repeats line 1's uuid; line 8 is blank. */
const EXPORT_A = jsonLines([
  /* 1 */ posthogRecord("e1", { session: "s1", at: at(5) }),
  /* 2 */ posthogRecord("e2", { session: "s1", at: at(0) }),
  /* 3 */ '{"uuid": "broken", "event": ',
  /* 4 */ posthogRecord("e3", { session: "s2", at: at(3600) }),
  /* 5 */ posthogRecord("e1", { session: "s1", at: at(5) }),
  /* 6 */ withoutKey(posthogRecord("no-uuid"), "uuid"),
  /* 7 */ posthogRecord("e4", { session: null, at: at(5000) }), // server-side, outside every session of user-1
  /* 8 */ "",
  /* 9 */ withoutKey(posthogRecord("e-no-time"), "timestamp"),
  /* 10 */ withoutKey(posthogRecord("e-anon"), "distinct_id"),
  /* 11 */ posthogRecord("e5", { session: "s2", at: at(3540) }),
  /* 12 */ posthogRecord("e6", { session: "s1", at: at(60) }),
]);
/** 6 new events (e1 e2 e3 e4 e5 e6), 1 duplicate (line 5), sessions s1 and s2, e4 has no session. */
const RESULT_A = { events: 6, duplicates: 1, sessions: 2, sessionless: 1, malformed: 4 };
const BAD_LINES_A = [
  { line: 3, key: "" },
  { line: 6, key: "uuid" },
  { line: 9, key: "timestamp" },
  { line: 10, key: "distinct_id" },
];

/** Export B: e3 again (already in A), s1 gains e7, new session s3. */
const EXPORT_B = jsonLines([
  posthogRecord("e3", { session: "s2", at: at(3600) }),
  posthogRecord("e7", { session: "s1", at: at(120) }),
  posthogRecord("e8", { session: "s3", at: at(7200) }),
]);


const countEvents = (db: string): Promise<number> => withWarehouse(db, (w) => w.countEvents());

/** A warehouse that already holds export B (3 events, sessions s1 s2 s3). */
async function seeded(): Promise<{ dir: string; db: string }> {
  const dir = tempDir();
  const db = join(dir, "warehouse.db");
  await withWarehouse(db, (w) => ingestFile(w, writeFile(dir, "b.jsonl", EXPORT_B)));
  return { dir, db };
}

function expectResultA(result: IngestResult): void {
  expect(result).toMatchObject(RESULT_A);
  expect(result.malformedLines).toEqual(BAD_LINES_A.map((b) => b.line));
  expect(result.malformedReasons.map((m) => m.line)).toEqual(BAD_LINES_A.map((b) => b.line));
  for (const [i, bad] of BAD_LINES_A.entries()) {
    expect(result.malformedReasons[i]?.reason).toMatch(bad.key ? new RegExp(`^${bad.key}: `) : /not valid JSON/);
  }
}

describe("ingestFile", () => {
  it("counts events, duplicates, sessions, sessionless and malformed lines of a PostHog export", async () => {
    const dir = tempDir();
    const db = join(dir, "warehouse.db");
    await withWarehouse(db, async (w) => {
      expectResultA(await ingestFile(w, writeFile(dir, "a.jsonl", EXPORT_A)));
      expect(await w.countEvents()).toBe(6);
      const [s1, s2] = await w.sessionSignals(["s1", "s2"]);
      expect(s1).toMatchObject({ eventCount: 3, startedAt: at(0), endedAt: at(60), durationSec: 60, lastEventId: "e6" });
      expect(s2).toMatchObject({ eventCount: 2, startedAt: at(3540), endedAt: at(3600), durationSec: 60 });

      // A second file: e3 is a duplicate across files, s1 grows, s3 is new.
      const b = await ingestFile(w, writeFile(dir, "b.jsonl", EXPORT_B));
      expect(b).toEqual({ events: 2, duplicates: 1, sessions: 2, sessionless: 0, malformed: 0, malformedLines: [], malformedReasons: [] });
      expect(await w.countEvents()).toBe(8);
      expect(await w.countSessions()).toBe(3);
      expect((await w.sessionSignals(["s1"]))[0]).toMatchObject({ eventCount: 4, durationSec: 120, lastEventId: "e7" });

      // Importing A again adds nothing: its 7 valid lines are all duplicates now.
      expect(await ingestFile(w, join(dir, "a.jsonl"))).toMatchObject({ events: 0, duplicates: 7, sessions: 0, malformed: 4 });
      expect(await w.countEvents()).toBe(8);
    });
  });

  it("reads a gzipped export the same as the plain one", async () => {
    const dir = tempDir();
    const file = writeFile(dir, "a.jsonl.gz", gzipSync(EXPORT_A));
    await withWarehouse(join(dir, "warehouse.db"), async (w) => {
      expectResultA(await ingestFile(w, file));
      expect(await w.countEvents()).toBe(6);
    });
  });

  it("without --strict skips the bad line that --strict stops at", async () => {
    const { dir, db } = await seeded();
    const file = writeFile(dir, "strict.jsonl", STRICT_EXPORT);
    const result = await withWarehouse(db, (w) => ingestFile(w, file));
    expect(result).toMatchObject({ events: 3, duplicates: 0, malformed: 1, malformedLines: [3] });
  });

  it("--strict rolls back batches already handed to the warehouse when a later line is bad", async () => {
    const { dir, db } = await seeded();
    const lines = [...Array.from({ length: 6 }, (_, i) => posthogRecord(`big${i}`, { session: "s1", at: at(200 + i) })), '{"uuid": "cut"'];
    const file = writeFile(dir, "late-bad.jsonl", jsonLines(lines));
    const progress: string[] = [];
    await expect(
      withWarehouse(db, (w) => ingestFile(w, file, { strict: true, batchSize: 2, onProgress: (p) => progress.push(p.phase) })),
    ).rejects.toThrow(`${file}:7: not valid JSON`);
    expect(progress).not.toContain("sessionizing");
    expect(await countEvents(db)).toBe(3);
    expect(await withWarehouse(db, (w) => w.sessionSignals(["s1"]))).toMatchObject([{ eventCount: 1 }]);
    // The same file without --strict: six events in three batches, then the sessionizing and done phases.
    const result = await withWarehouse(db, (w) => ingestFile(w, file, { batchSize: 2, onProgress: (p) => progress.push(p.phase) }));
    expect(result).toMatchObject({ events: 6, malformed: 1, malformedLines: [7] });
    expect(progress).toEqual(["sessionizing", "done"]);
    expect(await withWarehouse(db, (w) => w.sessionSignals(["s1"]))).toMatchObject([{ eventCount: 7 }]);
  });

  it("refuses a file of blank lines", async () => {
    const { dir, db } = await seeded();
    const file = writeFile(dir, "blank.jsonl", "\n  \n\n");
    await expect(withWarehouse(db, (w) => ingestFile(w, file))).rejects.toThrow(/holds no events/);
    expect(await countEvents(db)).toBe(3);
  });
});

/** Line 3 is the first bad line: no timestamp. */
const STRICT_EXPORT = jsonLines([
  posthogRecord("x1", { session: "s9", at: at(0) }),
  posthogRecord("x2", { session: "s9", at: at(1) }),
  withoutKey(posthogRecord("x3", { session: "s9" }), "timestamp"),
  posthogRecord("x4", { session: "s9", at: at(2) }),
]);

describe.concurrent("selfheal ingest (CLI)", () => {
  it("prints the --json result and exits 0", async () => {
    const dir = tempDir();
    const file = writeFile(dir, "a.jsonl", EXPORT_A);
    const run = await runCli(["--db", join(dir, "warehouse.db"), "ingest", file, "--json"]);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as IngestResult;
    expect(Object.keys(result).sort()).toEqual(["duplicates", "events", "malformed", "malformedLines", "malformedReasons", "sessionless", "sessions"]);
    expectResultA(result);
    expect(run.stderr).toContain("detected format: posthog (JSON lines)");
    expect(await countEvents(join(dir, "warehouse.db"))).toBe(6);
  });

  it("--strict exits 2 at the first bad line, names file, line and key, and writes nothing", async () => {
    const { dir, db } = await seeded();
    const file = writeFile(dir, "strict.jsonl", STRICT_EXPORT);
    expect(await countEvents(db)).toBe(3);
    const run = await runCli(["--db", db, "ingest", file, "--strict", "--json"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`${file}:3`);
    expect(run.stderr).toContain('key "timestamp"');
    expect(await countEvents(db)).toBe(3);
  });

  const gzTruncated = (dir: string): string => {
    const gz = gzipSync(EXPORT_A);
    return writeFile(dir, "cut.jsonl.gz", gz.subarray(0, Math.floor(gz.length / 2)));
  };
  it.each([
    { name: "an empty file", make: (dir: string) => writeFile(dir, "empty.jsonl", ""), flags: [], message: /file is empty/ },
    { name: "a missing file", make: (dir: string) => join(dir, "nope.jsonl"), flags: [], message: /file not found/ },
    { name: "a truncated gzip", make: gzTruncated, flags: [], message: /gzip stream is truncated or corrupt/ },
    {
      name: "an unknown --format",
      make: (dir: string) => writeFile(dir, "a.jsonl", EXPORT_A),
      flags: ["--format", "mixpanel"],
      message: /unknown format "mixpanel"; known: posthog, amplitude, segment/,
    },
    {
      name: "records of no known source",
      make: (dir: string) => writeFile(dir, "mix.jsonl", '{"distinct_id_x": 1, "name": "signup"}\n'),
      flags: [],
      message: /mix\.jsonl:1: unknown format: the first record has keys \[distinct_id_x, name\].*pass --format/,
    },
    {
      name: "a file that is neither JSON nor CSV",
      make: (dir: string) => writeFile(dir, "notes.txt", "hello there\nnothing to see\n"),
      flags: [],
      message: /unknown format: expected JSON lines, a JSON array or CSV/,
    },
    {
      name: "a JSON array cut off midway",
      make: (dir: string) => writeFile(dir, "cut.json", `[${JSON.stringify(posthogRecord("c1"))}, {"uuid": "c2", "eve`),
      flags: [],
      message: /not valid JSON/,
    },
    {
      name: "a corrupt zip archive",
      make: (dir: string) => writeFile(dir, "bad.zip", Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(64, 7)])),
      flags: [],
      message: /not a readable zip archive/,
    },
  ])("$name exits 2 with a clear message and leaves the warehouse unchanged", async ({ make, flags, message, name }) => {
    const { dir, db } = await seeded();
    const file = make(dir);
    const run = await runCli(["--db", db, "ingest", file, ...flags, "--json"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(message);
    if (name !== "an unknown --format") expect(run.stderr).toContain(file);
    expect(await countEvents(db)).toBe(3);
  });

  const badProfile = (dir: string): string =>
    writeFile(
      dir,
      "selfheal.config.json",
      JSON.stringify({ product: { name: "Acme", description: "workflows" }, departments: {}, successEvents: [], thresholds: { bogus: 1 } }),
    );

  it("a --config with an unknown key is refused (here by `reports`) naming the key path", async () => {
    const { dir, db } = await seeded();
    const run = await runCli(["--db", db, "--config", badProfile(dir), "reports", "--json"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('key "thresholds.bogus"');
  });

  // Every command validates the profile before touching anything: a typo in it must not pass silently.
  it("ingest with a --config holding an unknown key exits 2 naming the key path", async () => {
    const { dir, db } = await seeded();
    const file = writeFile(dir, "a.jsonl", EXPORT_A);
    const run = await runCli(["--db", db, "--config", badProfile(dir), "ingest", file, "--json"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('key "thresholds.bogus"');
    expect(await countEvents(db)).toBe(3);
  });

  // A timestamp without a zone ("2026-01-05 10:00:00", ClickHouse's DateTime rendering) must not be read
  // as the machine's local time: the same export would land in different ISO weeks depending on TZ.
  it("reads a zone-less timestamp as UTC whatever the machine's TZ", async () => {
    const dir = tempDir();
    const db = join(dir, "warehouse.db");
    const file = writeFile(dir, "naive.jsonl", jsonLines([{ ...posthogRecord("n1", { session: "sn" }), timestamp: "2026-01-05 10:00:00" }]));
    const run = await runCli(["--db", db, "ingest", file, "--json"], { env: { TZ: "America/New_York" } });
    expect(run.code, run.stderr).toBe(0);
    const [signals] = await withWarehouse(db, (w) => w.sessionSignals(["sn"]));
    expect(signals?.startedAt).toBe("2026-01-05T10:00:00.000Z");
  });
});

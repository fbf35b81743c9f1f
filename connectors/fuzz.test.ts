import { describe, it, expect, beforeAll } from "vitest";
import fc from "fast-check";
import { join } from "node:path";
import { copyFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import Database from "better-sqlite3";
import { ingestFile } from "./ingest.js";
import { SelfhealError } from "../runtime/errors.js";
import { amplitudeRecord, at, jsonLines, posthogRecord, segmentRecord, tempDir, writeFile } from "../testing/events.js";
import { withWarehouseAt } from "../testing/warehouses.js";
import { zipArchive } from "../testing/zip.js";
import { runCli } from "../testing/cli.js";

const NOW = new Date("2026-06-01T00:00:00Z");
/** Cases of the whole-file property: enough that each format (detected or forced) and each packing is met many times. */
const RUNS = 200;

/** Values of every JSON type, nested, in the places a record's fields go. */
const anyJson = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(tie("value"), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 8 }), tie("value"), { maxKeys: 3 })),
})).value;

/** Timestamps near and far: before the product, after now, numbers in seconds or ms, garbage. */
const anyTime = fc.oneof(
  fc.date({ min: new Date("1970-01-01"), max: new Date("2999-12-31"), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.integer({ min: -1e15, max: 1e15 }),
  fc.constantFrom("2026-01-05 10:00:00.000000", "0000-00-00", "yesterday", "", "2026-13-45T99:99:99Z", "+275760-09-13T00:00:00.000Z"),
);

/** A record of one of the three formats with some fields replaced by anything. */
const mangledRecord = fc
  .tuple(fc.constantFrom("posthog", "amplitude", "segment"), fc.uuid(), fc.dictionary(fc.constantFrom("uuid", "event", "distinct_id", "timestamp", "properties", "$insert_id", "event_time", "user_id", "messageId", "type", "anonymousId", "session_id"), fc.oneof(anyJson, anyTime), { maxKeys: 3 }))
  .map(([kind, id, over]) => {
    const base = kind === "posthog" ? posthogRecord(id, { at: at(60) }) : kind === "amplitude" ? amplitudeRecord(id, { at: at(60) }) : segmentRecord(id, { at: at(60) });
    return { ...base, ...over };
  });

/** One line of an export: a mangled record, plain JSON of any shape, deep nesting, a huge line, or bytes. */
const anyLine = fc.oneof(
  mangledRecord.map((r) => JSON.stringify(r)),
  anyJson.map((v) => JSON.stringify(v) ?? "null"),
  fc.integer({ min: 1, max: 5000 }).map((depth) => "[".repeat(depth) + "]".repeat(depth)),
  fc.integer({ min: 1, max: 5000 }).map((depth) => '{"a":'.repeat(depth) + "1" + "}".repeat(depth)),
  fc.constant(`{"uuid":"big","event":"x","distinct_id":"u","timestamp":"${at(0)}","properties":{"p":"${"x".repeat(500_000)}"}}`),
  fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString("latin1")),
  fc.constant("\uFEFF\u0000\uD800 not utf-8 \xff\xfe"),
);

/** Zip entry names, ordinary and escaping (parent steps, absolute, Windows separators, a NUL). */
const anyEntryName = fc.constantFrom("events.jsonl", "../../../etc/passwd", "/abs/events.jsonl", "a\\..\\b.jsonl", "dir/../../up.jsonl.gz", "nul\u0000name.jsonl");

/** A whole file: lines as JSON lines, or as a JSON array, or CSV-ish, packed plain, gzipped or zipped (one or more entries, names that escape too), or bytes. */
const anyFile = fc
  .tuple(fc.array(anyLine, { minLength: 0, maxLength: 8 }), fc.constantFrom("lines", "array", "csv"), fc.constantFrom("plain", "gzip", "zip", "bytes"), fc.uint8Array({ maxLength: 300 }), fc.array(anyEntryName, { minLength: 1, maxLength: 3 }))
  .map(([lines, layout, packing, bytes, entries]) => {
    const text = layout === "lines" ? lines.join("\n") : layout === "array" ? `[${lines.join(",")}]` : `uuid,event,distinct_id,timestamp\n${lines.join("\n")}`;
    const kind = packing === "bytes" ? "bytes" : `${layout}/${packing}`;
    if (packing === "bytes") return { kind, content: Buffer.from(bytes) };
    if (packing === "gzip") return { kind, content: gzipSync(text) };
    if (packing === "zip") return { kind, content: zipArchive(entries.map((name, i) => ({ name, data: i % 2 ? Buffer.from(text, "latin1") : gzipSync(text) }))) };
    return { kind, content: Buffer.from(text, "latin1") };
  });

/** The format: detected, or forced with --format (a file of another format's records then has only bad lines). */
const anyFormat = fc.constantFrom(undefined, "posthog", "amplitude", "segment");

/** Every stored event as the schema wants it: named, dated inside the import window, properties an object. */
function schemaBreaks(db: string): string[] {
  const conn = new Database(db, { readonly: true });
  try {
    const rows = conn.prepare(`SELECT uuid, event, distinct_id, timestamp, properties FROM events`).all() as Record<string, string>[];
    const breaks: string[] = [];
    for (const r of rows) {
      const t = Date.parse(r["timestamp"] ?? "");
      const props = JSON.parse(r["properties"] ?? "null") as unknown;
      if (!r["uuid"] || !r["event"] || !r["distinct_id"]) breaks.push(`${r["uuid"]}: empty key field`);
      if (!(t >= Date.parse("2000-01-01") && t <= NOW.getTime() + 86_400_000)) breaks.push(`${r["uuid"]}: timestamp ${r["timestamp"]}`);
      if (!props || typeof props !== "object" || Array.isArray(props)) breaks.push(`${r["uuid"]}: properties`);
    }
    return breaks;
  } finally {
    conn.close();
  }
}

describe("every importer and packing, fuzzed with hostile files", () => {
  let seededDb: string;
  let seededEvents: number;
  beforeAll(async () => {
    const dir = tempDir();
    seededDb = join(dir, "seeded.db");
    const file = writeFile(dir, "good.jsonl", jsonLines([posthogRecord("g1", { session: "s1", at: at(0) }), posthogRecord("g2", { session: "s1", at: at(30) })]));
    seededEvents = (await withWarehouseAt(seededDb, (w) => ingestFile(w, file, { now: NOW }))).events;
  });

  it("never crashes: a result, or a clear input error (exit 2) naming the file; nothing stored is lost, nothing stored breaks the schema", async () => {
    let cases = 0;
    const byParser = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(anyFile, anyFormat, fc.boolean(), async ({ kind, content }, format, strict) => {
        cases++;
        const parser = `${format ?? "detected"} ${kind}`;
        byParser.set(parser, (byParser.get(parser) ?? 0) + 1);
        const dir = tempDir();
        const db = join(dir, "w.db");
        copyFileSync(seededDb, db);
        const file = writeFile(dir, "export.bin", content);
        const outcome = await withWarehouseAt(db, (w) => ingestFile(w, file, { strict, format, now: NOW })).then(
          (r) => ({ ok: true as const, r }),
          (err: unknown) => ({ ok: false as const, err }),
        );
        if (!outcome.ok) {
          expect(outcome.err, String((outcome.err as Error).stack)).toBeInstanceOf(SelfhealError);
          expect((outcome.err as SelfhealError).exitCode).toBe(2);
          expect((outcome.err as Error).message).toContain(file);
        }
        const count = await withWarehouseAt(db, (w) => w.countEvents());
        if (!outcome.ok || strict) expect(count).toBeGreaterThanOrEqual(seededEvents);
        if (!outcome.ok) expect(count).toBe(seededEvents); // a failed import writes nothing
        expect(schemaBreaks(db)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
    expect(cases).toBe(RUNS);
    const met = (part: string) => [...byParser].filter(([k]) => k.split(/[ /]/).includes(part)).reduce((n, [, c]) => n + c, 0);
    for (const part of ["detected", "posthog", "amplitude", "segment", "lines", "array", "csv", "plain", "gzip", "zip", "bytes"]) expect(met(part), part).toBeGreaterThan(5);
    console.info(`ingest files fuzzed: ${cases} cases ${JSON.stringify(Object.fromEntries([...byParser].sort()))}`);
  }, 240_000);

  it("a zip bomb (a small archive of a huge gzipped entry) is read as a stream, and ends as a result or an input error", async () => {
    const dir = tempDir();
    const db = join(dir, "w.db");
    copyFileSync(seededDb, db);
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, "{"), { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const file = writeFile(dir, "bomb.zip", zipArchive([{ name: "events.jsonl.gz", data: bomb }]));
    const outcome = await withWarehouseAt(db, (w) => ingestFile(w, file, { now: NOW })).catch((err: unknown) => err);
    if (outcome instanceof Error) expect(outcome).toBeInstanceOf(SelfhealError);
    else expect(outcome).toMatchObject({ events: 0 });
    expect(await withWarehouseAt(db, (w) => w.countEvents())).toBe(seededEvents);
  }, 120_000);

  it("the CLI answers hostile files with a result or one line of error, exit 0 or 2, never a stack trace", async () => {
    const dir = tempDir();
    const files = {
      "bytes.jsonl": Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28, 0x0a, 0xed, 0xa0, 0x80]),
      "deep.json": Buffer.from("[".repeat(100_000) + "]".repeat(100_000)),
      "escape.zip": zipArchive([{ name: "../../../../tmp/escaped.jsonl", data: jsonLines([posthogRecord("z1", { at: at(0) })]) }]),
      "truncated.gz": gzipSync(jsonLines([posthogRecord("t1", { at: at(0) })])).subarray(0, 20),
    };
    for (const [name, content] of Object.entries(files)) {
      const out = await runCli(["--db", join(dir, "w.db"), "ingest", writeFile(dir, name, content), "--json"], { cwd: dir });
      expect([0, 2], `${name}: ${out.stderr}`).toContain(out.code);
      expect(out.stderr, name).not.toMatch(/\n\s+at |node:internal|Error: .*\n.*\.js:\d+/);
    }
  }, 120_000);
});

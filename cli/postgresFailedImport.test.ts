import { describe, it, expect, afterAll } from "vitest";
import { gzipSync } from "node:zlib";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "../testing/cli.js";
import { postgresSchemas } from "../testing/postgres.js";
import { postgresSchemaExists } from "../warehouse/postgres/freshSchema.js";
import { at, jsonLines, posthogRecord, tempDir, writeFile } from "../testing/events.js";

const schemas = postgresSchemas();
afterAll(() => schemas.drop());

describe("a first import into a new Postgres schema that fails", () => {
  it("leaves no empty warehouse behind (as on SQLite), and a warehouse with events is never dropped", async () => {
    const dir = tempDir();
    const empty = writeFile(dir, "empty.jsonl", "");
    const good = jsonLines([posthogRecord("p1", { session: "s1", at: at(0) }), posthogRecord("p2", { session: "s1", at: at(60) })]);
    const truncated = join(dir, "cut.jsonl.gz");
    const zipped = gzipSync(Buffer.from(good.repeat(200)));
    writeFileSync(truncated, zipped.subarray(0, Math.floor(zipped.length / 2)));

    const url = schemas.newUrl();
    for (const file of [empty, truncated]) {
      const failed = await runCli(["--db", url, "ingest", file]);
      expect(failed.code, failed.stderr).toBe(2);
      expect(await postgresSchemaExists(url)).toBe(false);
      const reports = await runCli(["--db", url, "reports"]);
      expect(reports.code).toBe(2);
      expect(reports.stderr).toMatch(/no warehouse in schema/);
    }

    const ok = await runCli(["--db", url, "ingest", writeFile(dir, "good.jsonl", good)]);
    expect(ok.code, ok.stderr).toBe(0);
    const again = await runCli(["--db", url, "ingest", truncated]);
    expect(again.code).toBe(2);
    const kept = await runCli(["--db", url, "ingest", "--json", writeFile(dir, "good2.jsonl", good)]);
    expect(kept.code, kept.stderr).toBe(0);
    expect(JSON.parse(kept.stdout)).toMatchObject({ events: 0, duplicates: 2 });
  }, 180_000);
});

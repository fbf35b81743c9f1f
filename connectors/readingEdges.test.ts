import { describe, it, expect } from "vitest";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { openWarehouse } from "../warehouse/index.js";
import { ingestFile } from "./ingest.js";
import { InputError } from "../runtime/errors.js";
import type { IngestProgress } from "./progress.js";
import { jsonLines, posthogRecord, tempDir, writeFile } from "../testing/events.js";
import { zipArchive } from "../testing/zip.js";

describe("reading exports", () => {
  it("takes epoch seconds and epoch milliseconds for the same instant", async () => {
    const dir = tempDir();
    const warehouse = openWarehouse(join(dir, "w.db"));
    const seconds = 1_767_607_200; // 2026-01-05T10:00:00Z
    const file = writeFile(dir, "e.jsonl", jsonLines([
      { ...posthogRecord("s1", { session: "a" }), timestamp: seconds },
      { ...posthogRecord("s2", { session: "a" }), timestamp: (seconds + 60) * 1000 },
      { ...posthogRecord("s3", { session: "a" }), timestamp: String(seconds + 120) },
    ]));
    await ingestFile(warehouse, file);
    const [signals] = await warehouse.sessionSignals(["a"]);
    expect(signals).toMatchObject({ startedAt: "2026-01-05T10:00:00.000Z", endedAt: "2026-01-05T10:02:00.000Z" });
    expect(await warehouse.sessionsPerWeek()).toEqual([{ week: "2026-W02", sessions: 1 }]);
    await warehouse.close();
  });

  it("refuses a file of which not one line can be read as the format asked for, naming the first", async () => {
    const dir = tempDir();
    const warehouse = openWarehouse(join(dir, "w.db"));
    const file = writeFile(dir, "e.jsonl", jsonLines([posthogRecord("p1"), posthogRecord("p2")]));
    const error = await ingestFile(warehouse, file, { format: "segment" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/e\.jsonl:1: no line could be read as segment .*check --format/);
    expect(await warehouse.countEvents()).toBe(0);
    await warehouse.close();
  });

  it("brings the progress to the whole file at the end, for plain, gzip, zip and JSON array exports", async () => {
    const dir = tempDir();
    const records = Array.from({ length: 40 }, (_, i) => posthogRecord(`r${i}`, { session: `s${i % 4}` }));
    const lines = jsonLines(records);
    const files = {
      "plain.jsonl": lines,
      "packed.jsonl.gz": gzipSync(lines),
      "amplitude.zip": zipArchive([{ name: "a/1.json.gz", data: gzipSync(jsonLines(records.slice(0, 20))) }, { name: "a/2.json.gz", data: gzipSync(jsonLines(records.slice(20))) }]),
      "array.json": JSON.stringify(records),
    };
    for (const [name, content] of Object.entries(files)) {
      const warehouse = openWarehouse(join(dir, `${name}.db`));
      const seen: IngestProgress[] = [];
      await ingestFile(warehouse, writeFile(dir, name, content), { onProgress: (p) => seen.push(p) });
      await warehouse.close();
      const last = seen.at(-1);
      expect(last?.phase, name).toBe("done");
      expect(last?.totalBytes, name).toBeGreaterThan(0);
      expect(last?.bytesRead, name).toBe(last?.totalBytes);
    }
  });
});

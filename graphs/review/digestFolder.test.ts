import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runGatherer, runReview } from "../host/direct.js";
import { resolveSettings } from "../../runtime/settings.js";
import { ingestFile } from "../../connectors/ingest.js";
import { withWarehouseAt } from "../../testing/warehouses.js";
import { at, jsonLines, posthogRecord, tempDir, writeFile } from "../../testing/events.js";
import { digestFolder } from "./digestFolder.js";

const WEEK = "2026-W02";

/** A warehouse in `dir` holding `sessions` one-page sessions of the week. */
async function warehouseWith(dir: string, file: string, sessions: number) {
  const profile = { product: { name: file, description: "a product" }, departments: {}, successEvents: [] };
  const settings = resolveSettings({ db: join(dir, file), config: writeFile(dir, `${file}.config.json`, JSON.stringify(profile)) });
  const events = Array.from({ length: sessions }, (_, i) => posthogRecord(`${file}-${i}`, { at: at(i * 60, "2026-01-06"), session: `${file}-s${i}` }));
  await withWarehouseAt(settings.db, (w) => ingestFile(w, writeFile(dir, `${file}.jsonl`, jsonLines(events))));
  await runGatherer(settings, { week: WEEK, limit: null, concurrency: null });
  return settings;
}

describe("digests of warehouses that share a data folder", () => {
  it("two products' warehouses side by side each keep their own week's digest", async () => {
    const dir = tempDir();
    const stride = await warehouseWith(dir, "stride.db", 3);
    const billfold = await warehouseWith(dir, "billfold.db", 5);
    const first = await runReview(stride, { week: WEEK });
    const second = await runReview(billfold, { week: WEEK });
    expect(first.path).not.toBe(second.path);
    expect(first.summary.sessions).toBe(3);
    expect(second.summary.sessions).toBe(5);
    expect(readFileSync(first.path, "utf8")).toContain("stride.db");
    expect(readFileSync(second.path, "utf8")).toContain("billfold.db");
  });

  it("the default warehouse and schema keep digests/ itself; others a folder of their name", () => {
    expect(digestFolder({ db: "/d/.selfheal/warehouse.db", dataDir: "/d/.selfheal" })).toBe("/d/.selfheal/digests");
    expect(digestFolder({ db: "/d/stride.db", dataDir: "/d" })).toBe("/d/digests/stride");
    expect(digestFolder({ db: "postgres://u@h:5432/db", dataDir: "/d/.selfheal" })).toBe("/d/.selfheal/digests");
    expect(digestFolder({ db: "postgres://u@h:5432/db?schema=team_b", dataDir: "/d/.selfheal" })).toBe("/d/.selfheal/digests/team_b");
  });
});

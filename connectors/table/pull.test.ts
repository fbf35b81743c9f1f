import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pullTable } from "./pull.js";
import { SourceTable } from "../../state/profileSections/sourceTable.js";
import { notebookProfile } from "../../testing/profiles.js";
import { tempDir } from "../../testing/events.js";
import { freshWarehouses } from "../../testing/warehouses.js";
import { dropSchemas, newTestSchema, postgresSchemas, TEST_POSTGRES } from "../../testing/postgres.js";
import { runCli } from "../../testing/cli.js";

const source = newTestSchema();
const warehouses = postgresSchemas();
const client = new pg.Client({ connectionString: TEST_POSTGRES });
const fresh = freshWarehouses();

/** Rows as PostHog's batch export to Postgres writes them (its table's columns and types). */
async function exportRows(rows: { uuid: string; at: string; session: string; user?: string }[]): Promise<void> {
  for (const r of rows) {
    await client.query(
      `INSERT INTO "${source}".events (uuid, event, properties, elements, "set", set_once, distinct_id, team_id, ip, site_url, timestamp)
       VALUES ($1, '$pageview', $2, '', '{}', '{}', $3, 1, '', '', $4)`,
      [r.uuid, JSON.stringify({ $session_id: r.session, $pathname: "/notebooks" }), r.user ?? "user-1", r.at],
    );
  }
}

beforeAll(async () => {
  await client.connect();
  await client.query(`CREATE SCHEMA "${source}"`);
  await client.query(`CREATE TABLE "${source}".events (uuid VARCHAR(200), event VARCHAR(200), properties JSONB, elements TEXT, "set" JSONB, set_once JSONB,
    distinct_id VARCHAR(200), team_id INTEGER, ip VARCHAR(200), site_url VARCHAR(200), timestamp TIMESTAMP WITH TIME ZONE)`);
});
afterAll(async () => {
  await client.end();
  await dropSchemas([source]);
  await warehouses.drop();
});

describe("selfheal ingest --from-table", () => {
  it("reads PostHog's batch-export table in keyset pages from the watermark: the next pull takes only the new rows, also within one microsecond-precise instant", async () => {
    // Four rows in one millisecond (microseconds apart): a mark cut to milliseconds would skip or repeat them.
    await exportRows([
      { uuid: "a1", at: "2026-11-16T10:00:00.000100Z", session: "s1" },
      { uuid: "a2", at: "2026-11-16T10:00:00.000200Z", session: "s1" },
      { uuid: "a3", at: "2026-11-16T10:00:00.000300Z", session: "s1" },
      { uuid: "a4", at: "2026-11-16T10:00:00.000400Z", session: "s1" },
      { uuid: "b1", at: "2026-11-16T10:05:00Z", session: "s2", user: "user-2" },
    ]);
    const table = SourceTable.parse({ table: `${source}.events`, pageSize: 2 });
    const w = fresh(join(tempDir(), "warehouse.db"));
    const pages: string[] = [];
    expect(await pullTable(w, { database: TEST_POSTGRES, table }, (line) => pages.push(line))).toMatchObject({ events: 5, duplicates: 0, malformed: 0 });
    expect(await w.countSessions()).toBe(2);
    expect(pages.filter((p) => p.startsWith("page "))).toHaveLength(3);
    expect((await w.sessionEvents("s1")).map((e) => e.uuid)).toEqual(["a1", "a2", "a3", "a4"]);

    await exportRows([{ uuid: "b2", at: "2026-11-16T10:05:00Z", session: "s2", user: "user-2" }, { uuid: "c1", at: "2026-11-16T11:00:00Z", session: "s3" }]);
    // b2 shares the mark's instant and sorts after its uuid: keyset order takes it; c1 is later
    expect(await pullTable(w, { database: TEST_POSTGRES, table }, (line) => pages.push(line))).toMatchObject({ events: 2, duplicates: 0 });
    expect(pages).toContainEqual(expect.stringMatching(/^resuming after 2026-11-16 10:05:00\+00 b1$/));
    expect(await w.countEvents()).toBe(7);
    expect(await pullTable(w, { database: TEST_POSTGRES, table })).toMatchObject({ events: 0, duplicates: 0 });
  });

  it("the command reads the table the profile maps into a Postgres warehouse, from the warehouse's own database by default", { timeout: 180_000 }, async () => {
    const dir = tempDir();
    const config = join(dir, "selfheal.config.json");
    const profile = notebookProfile();
    writeFileSync(config, JSON.stringify({ product: profile.product, departments: profile.departments, successEvents: profile.successEvents, ingest: { fromTable: { table: `${source}.events` } } }));
    const db = warehouses.newUrl();
    const first = await runCli(["--db", db, "--config", config, "ingest", "--from-table", "--json"]);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ events: 7, malformed: 0 });
    const again = await runCli(["--db", db, "--config", config, "ingest", "--from-table", "--json"]);
    expect(JSON.parse(again.stdout)).toMatchObject({ events: 0 });
    const both = await runCli(["--db", db, "--config", config, "ingest", "events.jsonl", "--from-table"]);
    expect(both.code).toBe(2);
  });
});

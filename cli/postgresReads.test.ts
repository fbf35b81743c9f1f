/**
 * A command that reads the warehouse, pointed at a Postgres schema that holds none, refuses with exit 2
 * naming the URL and schema, and creates nothing: no schema, no table, no digest file written or overwritten.
 */
import { afterAll, describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { runCli } from "../testing/cli.js";
import { tempDir } from "../testing/events.js";
import { dropSchemas, newTestSchema, TEST_POSTGRES, testWarehouseUrl } from "../testing/postgres.js";
import { writeDemoProfile } from "./demoRepo.js";

async function tablesOf(schema: string): Promise<{ schemas: number; tables: string[] }> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES });
  await client.connect();
  try {
    const schemas = await client.query(`SELECT 1 FROM information_schema.schemata WHERE schema_name = $1`, [schema]);
    const tables = await client.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1`, [schema]);
    return { schemas: schemas.rowCount ?? 0, tables: tables.rows.map((r) => r.name) };
  } finally {
    await client.end();
  }
}

describe("reading commands on a Postgres schema with no warehouse", () => {
  const made: string[] = [];
  afterAll(() => dropSchemas(made));

  it("exit 2 naming the schema and URL; no schema or table is created and the digest file is left as it was", async () => {
    const dir = tempDir();
    const config = writeDemoProfile(dir);
    const digest = join(dir, "digest.html");
    writeFileSync(digest, "last week's digest");
    const absent = newTestSchema();
    made.push(absent);
    const empty = newTestSchema(); // exists, holds no warehouse (someone else's, or a typo'd name made by hand)
    made.push(empty);
    const admin = new pg.Client({ connectionString: TEST_POSTGRES });
    await admin.connect();
    await admin.query(`CREATE SCHEMA "${empty}"`).finally(() => admin.end());

    for (const schema of [absent, empty]) {
      const db = testWarehouseUrl(schema);
      for (const args of [["reports"], ["digest", "--out", digest], ["digest", "--format", "md", "--out", digest], ["triage"], ["gather"], ["review"]]) {
        const r = await runCli(["--db", db, "--config", config, ...args]);
        expect(r.code, `${args.join(" ")}: ${r.stderr}`).toBe(2);
        expect(r.stderr).toContain(`no warehouse in schema "${schema}" of postgres://postgres@127.0.0.1:5432/test`);
      }
      expect(await tablesOf(schema)).toEqual({ schemas: schema === empty ? 1 : 0, tables: [] });
    }
    expect(readFileSync(digest, "utf8")).toBe("last week's digest");
  }, 300_000);
});

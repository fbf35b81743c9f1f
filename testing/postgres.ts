import pg from "pg";
import { randomBytes } from "node:crypto";

/** The test server (.ci/run checks it is up): 127.0.0.1:5432, database `test`, trust auth. */
export const TEST_POSTGRES = process.env["SELFHEAL_TEST_POSTGRES"] || "postgres://postgres@127.0.0.1:5432/test";

/** A fresh schema name of its own for one test's warehouse. */
export function newTestSchema(): string {
  return `t_${randomBytes(6).toString("hex")}`;
}

/** The warehouse URL of a schema on the test server. */
export function testWarehouseUrl(schema: string): string {
  const url = new URL(TEST_POSTGRES);
  url.searchParams.set("schema", schema);
  return url.toString();
}

/** Drops the schemas (and everything in them) that tests made. */
export async function dropSchemas(schemas: string[]): Promise<void> {
  if (schemas.length === 0) return;
  const client = new pg.Client({ connectionString: TEST_POSTGRES });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** A test file's Postgres warehouses: each a new schema, all dropped by `drop`. */
export function postgresSchemas(): { newUrl(): string; drop(): Promise<void> } {
  const made: string[] = [];
  return {
    newUrl: () => {
      const schema = newTestSchema();
      made.push(schema);
      return testWarehouseUrl(schema);
    },
    drop: () => dropSchemas(made.splice(0)),
  };
}

import type pg from "pg";
import { newTicketKey } from "../../state/ticketId.js";
import { SelfhealError } from "../../runtime/errors.js";
import { PG_MIGRATIONS } from "./migrations.js";
import type { PostgresLocation } from "./location.js";

/** Runs a query once the schema is migrated. */
export type Query = <R extends pg.QueryResultRow>(sql: string, params?: unknown[]) => Promise<R[]>;

export interface PgConnection {
  /** A client of the pool (release it), once the schema is migrated. */
  connect(): Promise<pg.PoolClient>;
  query: Query;
  /** A connection of its own, outside the pool (a claim held while work uses the pool), migrated first. */
  dedicated(): Promise<pg.Client>;
  /** Runs fn on one client inside BEGIN … COMMIT, rolling back if it throws. */
  transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * A pool whose connections all work in the warehouse's schema. Migrating starts at once and every
 * query waits for it, so opening stays synchronous like SQLite's; concurrent openers (many gather
 * workers) migrate one at a time under an advisory lock. pg itself is loaded then, so a process whose
 * warehouse is a SQLite file never loads it.
 */
export function connectPostgres(where: PostgresLocation): PgConnection {
  const config = { connectionString: where.connectionString, options: `-c search_path=${where.schema}` };
  const opened = (async () => {
    const { default: pg } = await import("pg");
    const pool = new pg.Pool({ ...config, max: 4 });
    // An idle client that the server drops must not crash the process; the next query reconnects.
    pool.on("error", () => undefined);
    return { pg, pool, migrated: migrate(pool, where) };
  })();
  const ready = opened.then(async (o) => (await o.migrated, o));
  ready.catch(() => undefined); // surfaced by the first query that awaits it
  const transaction = async <T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> => inTransaction((await ready).pool, fn);
  return {
    connect: async () => (await ready).pool.connect(),
    query: async <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => (await (await ready).pool.query<R>(sql, params)).rows,
    transaction,
    dedicated: async () => {
      const { pg } = await ready;
      const client = new pg.Client(config);
      client.on("error", () => undefined);
      await client.connect();
      return client;
    },
    close: async () => {
      const { pool, migrated } = await opened;
      await migrated.catch(() => undefined);
      await pool.end();
    },
  };
}

export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

async function migrate(pool: pg.Pool, where: PostgresLocation): Promise<void> {
  const schema = `"${where.schema}"`;
  try {
    await inTransaction(pool, async (c) => {
      await c.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`selfheal-migrate:${where.schema}`]);
      await c.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await c.query(`CREATE TABLE IF NOT EXISTS ${schema}.schema_version (version INTEGER NOT NULL)`);
      const rows = (await c.query<{ version: number }>(`SELECT version FROM ${schema}.schema_version`)).rows;
      const current = rows[0]?.version ?? 0;
      if (rows.length === 0) await c.query(`INSERT INTO ${schema}.schema_version (version) VALUES (0)`);
      if (current > PG_MIGRATIONS.length) throw new SelfhealError(`schema ${where.schema} has version ${current}, newer than this selfheal (${PG_MIGRATIONS.length})`);
      for (const [i, sql] of PG_MIGRATIONS.entries()) {
        if (i < current) continue;
        await c.query(sql);
        await c.query(`UPDATE ${schema}.schema_version SET version = $1`, [i + 1]);
      }
      await c.query(`INSERT INTO ${schema}.warehouse_meta (key, value) VALUES ('ticket_key', $1) ON CONFLICT (key) DO NOTHING`, [newTicketKey()]);
    });
  } catch (err) {
    if (err instanceof SelfhealError) throw err;
    throw new SelfhealError(`cannot open the Postgres warehouse ${redactUrl(where.connectionString)} (schema ${where.schema}): ${(err as Error).message}`, { cause: err });
  }
}

/** The URL without its password, for messages. */
export function redactUrl(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return "postgres://…";
  }
}

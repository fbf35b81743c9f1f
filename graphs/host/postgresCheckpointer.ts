import { parsePostgresLocation } from "../../warehouse/postgres/location.js";
import type { HostCheckpointer } from "./checkpointer.js";

/**
 * LangGraph's Postgres checkpointer in the warehouse's own schema, so a thread belongs to the warehouse
 * it ran on and a run started on one machine resumes on another. Its setup is not safe against a
 * concurrent setup, so processes opening one schema together take turns under an advisory lock.
 */
export async function openPostgresCheckpointer(location: string): Promise<HostCheckpointer> {
  const { PostgresSaver } = await import("@langchain/langgraph-checkpoint-postgres");
  const { default: pg } = await import("pg");
  const { connectionString, schema } = parsePostgresLocation(location);
  const saver = PostgresSaver.fromConnString(connectionString, { schema });
  const lock = new pg.Client({ connectionString });
  try {
    await lock.connect();
    await lock.query(`SELECT pg_advisory_lock(hashtext($1))`, [`selfheal-checkpoints:${schema}`]);
    await saver.setup();
  } catch (err) {
    await saver.end();
    throw err;
  } finally {
    await lock.end().catch(() => undefined); // ending the session releases the lock
  }
  return { saver, close: () => saver.end() };
}

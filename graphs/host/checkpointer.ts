import { MemorySaver, type BaseCheckpointSaver } from "@langchain/langgraph";
import { SqliteSaver } from "@langchain/langgraph-checkpoint-sqlite";
import { isPostgresUrl } from "../../warehouse/postgres/location.js";
import { openPostgresCheckpointer } from "./postgresCheckpointer.js";

export interface HostCheckpointer {
  saver: BaseCheckpointSaver;
  close(): Promise<void>;
}

/**
 * The checkpointer of a warehouse, chosen by its location and kept inside it: a run's threads belong
 * to the warehouse it ran on, so a gate left waiting on one warehouse can never be resumed by a run
 * on another (two warehouses in one data folder used to share one checkpoint file).
 * - a SQLite warehouse file: LangGraph's SQLite checkpointer on that same file (its own tables);
 * - `:memory:` (tests): an in-process saver;
 * - a postgres:// URL: LangGraph's Postgres checkpointer in the warehouse's schema.
 */
export async function openCheckpointer(location: string): Promise<HostCheckpointer> {
  if (location === ":memory:") return { saver: new MemorySaver(), close: async () => undefined };
  if (isPostgresUrl(location)) return openPostgresCheckpointer(location);
  const saver = SqliteSaver.fromConnString(location);
  return { saver, close: async () => void saver.db.close() };
}

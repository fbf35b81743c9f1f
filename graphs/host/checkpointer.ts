import { MemorySaver, type BaseCheckpointSaver } from "@langchain/langgraph";
import { SqliteSaver } from "@langchain/langgraph-checkpoint-sqlite";
import { UsageError } from "../../runtime/errors.js";
import { isDatabaseUrl } from "../../runtime/settings.js";

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
 * - a postgres:// URL: the seam for @langchain/langgraph-checkpoint-postgres in the warehouse's
 *   database (its own schema), once the Postgres warehouse exists.
 */
export async function openCheckpointer(location: string): Promise<HostCheckpointer> {
  if (location === ":memory:") return { saver: new MemorySaver(), close: async () => undefined };
  if (isDatabaseUrl(location)) {
    throw new UsageError(`${location}: the Postgres checkpointer comes with the Postgres warehouse, which is not built yet`);
  }
  const saver = SqliteSaver.fromConnString(location);
  return { saver, close: async () => void saver.db.close() };
}

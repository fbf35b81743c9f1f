import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { Logger } from "pino";
import type { ModelRole } from "../../agents/models.js";
import { openWarehouse } from "../../warehouse/index.js";
import type { Warehouse } from "../../warehouse/types.js";
import { loadProfile, type LoadedProfile } from "../../state/loadProfile.js";
import type { RunSettings } from "../../runtime/settings.js";
import { logger } from "../../runtime/logger.js";
import { configurationOf } from "./configuration.js";

/** Everything a node needs. */
export interface RunContext {
  settings: RunSettings;
  warehouse: Warehouse;
  profile: LoadedProfile;
  models: Partial<Record<ModelRole, BaseChatModel>>;
  /** The logger, stamped with this run's thread and run ids. */
  log: Logger;
}

/**
 * A node's context, from the run's configuration: the warehouse the host opened for the run, or,
 * when none was handed in (LangGraph Server, a graph invoked directly), one opened for this node call
 * and closed after. No node depends on a module-level connection.
 */
export async function withRunContext<T>(config: LangGraphRunnableConfig | undefined, fn: (ctx: RunContext) => Promise<T>): Promise<T> {
  const { settings, models, warehouse: shared, threadId, runId } = configurationOf(config);
  const profile = loadProfile(settings.config);
  const log = logger.child({ thread: threadId, run: runId });
  const warehouse = shared ?? openWarehouse(settings.db);
  try {
    return await fn({ settings, warehouse, profile, models, log });
  } finally {
    if (!shared) await warehouse.close();
  }
}

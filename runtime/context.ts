import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { openWarehouse, type Warehouse } from "../warehouse/index.js";
import { loadProfile, type LoadedProfile } from "./profile.js";
import { resolveSettings, type RunSettings } from "./settings.js";
import { logger } from "./logger.js";
import type { Logger } from "pino";

export type ModelRole = "gatherer" | "pm" | "skynet";

/** What a graph run may carry in `configurable`, beyond LangGraph's own thread_id. */
export interface SelfhealConfigurable {
  db?: string;
  config?: string | null;
  dataDir?: string;
  /** Models handed in by the host (tests pass scripted fakes); otherwise loaded from the profile. */
  models?: Partial<Record<ModelRole, BaseChatModel>>;
}

/** Everything a node needs, opened for the duration of one node call. */
export interface RunContext {
  settings: RunSettings;
  warehouse: Warehouse;
  profile: LoadedProfile;
  models: Partial<Record<ModelRole, BaseChatModel>>;
  /** The logger, stamped with this run's thread and run ids. */
  log: Logger;
}

/** The one typed accessor for a run's configuration. */
export function settingsOf(config: LangGraphRunnableConfig | undefined): RunSettings {
  const c = (config?.configurable ?? {}) as SelfhealConfigurable;
  return resolveSettings({ db: c.db, config: c.config, dataDir: c.dataDir });
}

/**
 * Opens the run's warehouse and profile for one node call and closes them after, so no node depends
 * on a module-level connection (the same code runs in the CLI, LangGraph Server and tests).
 */
export async function withRunContext<T>(config: LangGraphRunnableConfig | undefined, fn: (ctx: RunContext) => Promise<T>): Promise<T> {
  const settings = settingsOf(config);
  const profile = loadProfile(settings.config);
  const warehouse = openWarehouse(settings.db);
  const models = ((config?.configurable ?? {}) as SelfhealConfigurable).models ?? {};
  const log = logger.child({ thread: config?.configurable?.["thread_id"] ?? null, run: config?.runId ?? null });
  try {
    return await fn({ settings, warehouse, profile, models, log });
  } finally {
    await warehouse.close();
  }
}

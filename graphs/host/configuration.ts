import { Annotation, type LangGraphRunnableConfig } from "@langchain/langgraph";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { ModelRole } from "../../agents/models.js";
import { resolveSettings, type RunSettings } from "../../runtime/settings.js";
import type { Warehouse } from "../../warehouse/types.js";

/**
 * What a run of any selfheal graph may carry in `configurable`, beside LangGraph's own thread_id.
 * Passed to every StateGraph as its config schema (LangGraph Studio shows it); read only through
 * `configurationOf`. Each value falls back to SELFHEAL_DB / SELFHEAL_CONFIG and the defaults, so a
 * run from LangGraph Server, which passes none of them, still finds its warehouse and profile.
 */
export const Configuration = Annotation.Root({
  /** Warehouse location (a SQLite file path). */
  db: Annotation<string | undefined>,
  /** Product profile file; null for the built-in default. */
  config: Annotation<string | null | undefined>,
  /** Folder for generated files: worktrees, digests, briefs, patches. */
  dataDir: Annotation<string | undefined>,
  /** Models handed in by the host (tests pass scripted fakes); otherwise loaded from the profile. */
  models: Annotation<Partial<Record<ModelRole, BaseChatModel>> | undefined>,
  /** The warehouse the host opened for the whole run; absent, each node call opens its own. */
  warehouse: Annotation<Warehouse | undefined>,
});
export type Configurable = Partial<typeof Configuration.State>;

/** The configurable of a run on these settings: the one place it is built. */
export function configurableFor(settings: RunSettings, extra: Pick<Configurable, "models" | "warehouse"> = {}): Configurable {
  return { db: settings.db, config: settings.config, dataDir: settings.dataDir, ...extra };
}

export interface RunConfiguration {
  settings: RunSettings;
  models: Partial<Record<ModelRole, BaseChatModel>>;
  warehouse: Warehouse | null;
  threadId: string | null;
  runId: string | null;
}

/** The one typed accessor for a run's configuration. */
export function configurationOf(config: LangGraphRunnableConfig | undefined): RunConfiguration {
  const c = (config?.configurable ?? {}) as Configurable & { thread_id?: unknown };
  return {
    settings: resolveSettings({ db: c.db, config: c.config, dataDir: c.dataDir }),
    models: c.models ?? {},
    warehouse: c.warehouse ?? null,
    threadId: typeof c.thread_id === "string" ? c.thread_id : null,
    runId: config?.runId ?? null,
  };
}

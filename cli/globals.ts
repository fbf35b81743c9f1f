import type { Command } from "commander";
import { existsSync } from "node:fs";
import { isPostgresUrl } from "../warehouse/postgres/location.js";
import { resolveSettings, type RunSettings } from "../runtime/settings.js";
import { InputError, UsageError } from "../runtime/errors.js";
import { isIsoWeek } from "../runtime/week.js";
import { setLogFormat, type LogFormat } from "../runtime/logger.js";
import { defaultWeek } from "../graphs/host/defaultWeek.js";
import type { Warehouse } from "../warehouse/types.js";
import { Output } from "./output.js";
import { loadProfile } from "../state/loadProfile.js";

export interface GlobalOptions {
  db?: string;
  config?: string;
  json?: boolean;
  logFormat?: LogFormat;
}

/** The global flags that shape output, for every command (demo included). */
export function applyOutputFlags(opts: GlobalOptions): Output {
  if (opts.logFormat) setLogFormat(opts.logFormat);
  return new Output(Boolean(opts.json));
}

const CREATE_ONE = "check --db (or SELFHEAL_DB); `selfheal ingest <export>` or `selfheal demo` creates one";

/** What a command does with the warehouse: only an import may create one; the rest read one that exists. */
export type WarehouseUse = "creates" | "reads" | "none";

/**
 * Settings and output for a command, from the global flags (which commander keeps on the root). The
 * profile is validated here, and a command that reads the warehouse refuses a --db that names none,
 * so every command refuses bad input before it touches (or creates) anything.
 */
export async function globalsOf(command: Command, warehouse: WarehouseUse = "reads"): Promise<{ settings: RunSettings; out: Output; opts: GlobalOptions }> {
  const opts = command.optsWithGlobals<GlobalOptions>();
  const out = applyOutputFlags(opts);
  const settings = resolveSettings({ db: opts.db, config: opts.config });
  loadProfile(settings.config);
  if (warehouse === "reads" && !isPostgresUrl(settings.db) && !existsSync(settings.db)) {
    throw new InputError(`no warehouse here: ${CREATE_ONE}`, { file: settings.db });
  }
  if (warehouse === "reads" && isPostgresUrl(settings.db)) {
    // Loaded only for a Postgres URL: commands on SQLite never import pg.
    const { postgresWarehouseExists } = await import("../warehouse/postgres/exists.js");
    const found = await postgresWarehouseExists(settings.db);
    if (!found.exists) throw new InputError(`no warehouse in ${found.where}: ${CREATE_ONE}`, { key: "--db" });
  }
  return { settings, out, opts };
}

/** The week a command works on: --week, else the latest week with a real share of the sessions, else last week. */
export async function weekFor(explicit: string | undefined, warehouse: Warehouse): Promise<string> {
  if (explicit) {
    if (!isIsoWeek(explicit)) throw new UsageError(`--week must be an ISO week like 2026-W47, got "${explicit}"`);
    return explicit;
  }
  return defaultWeek(warehouse);
}

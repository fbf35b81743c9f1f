import type { Command } from "commander";
import { resolveSettings, type RunSettings } from "../runtime/settings.js";
import { UsageError } from "../runtime/errors.js";
import { isIsoWeek } from "../runtime/week.js";
import { defaultWeek } from "../graphs/host/defaultWeek.js";
import type { Warehouse } from "../warehouse/types.js";
import { Output } from "./output.js";
import { loadProfile } from "../state/loadProfile.js";

export interface GlobalOptions {
  db?: string;
  config?: string;
  json?: boolean;
}

/**
 * Settings and output for a command, from the global flags (which commander keeps on the root). The
 * profile is validated here, so every command refuses a bad one before it touches anything.
 */
export function globalsOf(command: Command): { settings: RunSettings; out: Output; opts: GlobalOptions } {
  const opts = command.optsWithGlobals<GlobalOptions>();
  const settings = resolveSettings({ db: opts.db, config: opts.config });
  loadProfile(settings.config);
  return { settings, out: new Output(Boolean(opts.json)), opts };
}

/** The week a command works on: --week, else the latest week with sessions, else last week. */
export async function weekFor(explicit: string | undefined, warehouse: Warehouse): Promise<string> {
  if (explicit) {
    if (!isIsoWeek(explicit)) throw new UsageError(`--week must be an ISO week like 2026-W47, got "${explicit}"`);
    return explicit;
  }
  return defaultWeek(warehouse);
}

export function positiveInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`${name} must be a whole number of at least 1, got "${value}"`);
    return n;
  };
}

import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { UsageError } from "./errors.js";

/** Where a run finds its warehouse, product profile and data folder. */
export interface RunSettings {
  /** Warehouse location: a SQLite file path, or a postgres:// URL. */
  db: string;
  /** Product profile file, or null for the built-in default. */
  config: string | null;
  /** Folder for generated files: checkpoints, worktrees, digests, briefs. */
  dataDir: string;
}

export const DEFAULT_DB = ".selfheal/warehouse.db";
export const DEFAULT_CONFIG = "selfheal.config.json";

/**
 * Resolves settings from explicit values, then SELFHEAL_DB / SELFHEAL_CONFIG, then defaults: the
 * profile is selfheal.config.json in the working folder, else the one beside the warehouse (where
 * `selfheal demo` leaves the demo's, so every command works on the demo with no flags).
 * The one place these names and defaults live.
 */
export function resolveSettings(explicit: { db?: string | null; config?: string | null; dataDir?: string | null } = {}): RunSettings {
  // An empty variable (SELFHEAL_DB= in a crontab or .env) is unset, never the working folder itself.
  const named = explicit.db ?? (process.env["SELFHEAL_DB"] || DEFAULT_DB);
  const postgres = isPostgresUrl(named);
  if (isDatabaseUrl(named) && !postgres) {
    throw new UsageError(`--db ${named}: a warehouse is a SQLite file path or a postgres:// URL`);
  }
  const db = postgres ? named : resolve(named);
  // A database has no folder of its own: its generated files go where the default warehouse's would.
  const dataDir = resolve(explicit.dataDir ?? (postgres ? dirname(DEFAULT_DB) : dirname(db)));
  const configured = explicit.config ?? (process.env["SELFHEAL_CONFIG"] || null);
  const config = configured ? resolve(configured) : [resolve(DEFAULT_CONFIG), join(postgres ? dataDir : dirname(db), DEFAULT_CONFIG)].find((f) => existsSync(f)) ?? null;
  return { db, config, dataDir };
}

/** True for a postgres:// or postgresql:// URL. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** A URL such as postgres://host/db, which must never be taken for a relative file path. */
export function isDatabaseUrl(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value);
}

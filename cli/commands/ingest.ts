import type { Command } from "commander";
import { existsSync, rmSync } from "node:fs";
import type { Warehouse } from "../../warehouse/types.js";
import type { RunSettings } from "../../runtime/settings.js";
import { openWarehouse } from "../../warehouse/index.js";
import { describeMalformed, ingestFile, recordNoun, type IngestResult } from "../../connectors/ingest.js";
import { formatProgress } from "../../connectors/progress.js";
import { pullPostHog } from "../../connectors/posthog/pull.js";
import { postHogSettings } from "../../connectors/posthog/settings.js";
import { pullTable } from "../../connectors/table/pull.js";
import { isPostgresUrl, parsePostgresLocation } from "../../warehouse/postgres/location.js";
import { loadProfile } from "../../state/loadProfile.js";
import { UsageError } from "../../runtime/errors.js";
import { globalsOf } from "../globals.js";
import type { Output } from "../output.js";
import { startProgress } from "../progress.js";
import { counted } from "../../runtime/plural.js";

interface IngestOptions {
  format?: string;
  strict?: boolean;
  posthogApi?: boolean;
  fromTable?: boolean;
}

export async function run(file: string | undefined, options: IngestOptions, command: Command): Promise<void> {
  const { settings, out } = await globalsOf(command, "creates");
  const sources = [file, options.posthogApi, options.fromTable].filter(Boolean).length;
  if (sources > 1) throw new UsageError("give one source: a file, --posthog-api or --from-table");
  if (sources === 0) throw new UsageError("missing the export file to import (or pass --posthog-api or --from-table)");
  // A first import that fails must not leave an empty warehouse behind for the next command to read.
  const fresh = await isFresh(settings.db);
  const warehouse = openWarehouse(settings.db);
  let failed = true;
  try {
    await importInto(warehouse, file, options, settings, out);
    failed = false;
  } finally {
    const empty = failed && fresh && (await warehouse.countEvents().catch(() => 0)) === 0;
    await warehouse.close();
    if (empty) await removeWarehouse(settings.db);
  }
}

/** Whether this import is the one creating the warehouse: no file there, or no schema of that name. */
async function isFresh(db: string): Promise<boolean> {
  if (!isPostgresUrl(db)) return db !== ":memory:" && !existsSync(db);
  // Loaded only for a Postgres URL: commands on SQLite never import pg.
  const { postgresSchemaExists } = await import("../../warehouse/postgres/freshSchema.js");
  return !(await postgresSchemaExists(db));
}

async function removeWarehouse(db: string): Promise<void> {
  if (!isPostgresUrl(db)) {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${db}${suffix}`, { force: true });
    return;
  }
  const { dropEmptyPostgresSchema } = await import("../../warehouse/postgres/freshSchema.js");
  await dropEmptyPostgresSchema(db);
}

async function importInto(warehouse: Warehouse, file: string | undefined, options: IngestOptions, settings: RunSettings, out: Output): Promise<void> {
  if (options.fromTable) {
    const table = loadProfile(settings.config).profile.ingest.fromTable;
    const database = process.env["SELFHEAL_SOURCE_DB"] || table.database || (isPostgresUrl(settings.db) ? parsePostgresLocation(settings.db).connectionString : null);
    if (!database) throw new UsageError("--from-table needs the source database: ingest.fromTable.database in the profile, or SELFHEAL_SOURCE_DB");
    const result = await pullTable(warehouse, { database, table }, (p) => out.progress(p));
    await out.result(result, (r) => printIngest(out, r, `table ${table.table}`));
    return;
  }
  if (options.posthogApi) {
    const api = postHogSettings(loadProfile(settings.config).profile, process.env);
    const result = await pullPostHog(warehouse, api, { onPage: (p) => out.progress(p) });
    await out.result(result, (r) => printIngest(out, r, `PostHog project ${api.projectId}`));
    return;
  }
  const path = file ?? "";
  const bar = startProgress({ label: "ingest", unit: "MB", amount: (bytes) => (bytes / 1e6).toFixed(1) });
  const result = await ingestFile(warehouse, path, {
    format: options.format,
    strict: options.strict,
    since: loadProfile(settings.config).profile.ingest.since,
    onDetected: (d) => out.progress(`${d.detected ? "detected" : "reading"} format: ${d.format} (${d.packing})`),
    progressEveryMs: 200,
    onProgress: (p) => {
      bar.update(p.bytesRead, p.totalBytes, `${p.events.toLocaleString("en-US")} events, ${p.eventsPerSec.toLocaleString("en-US")}/s`);
      if (p.phase === "reading") return;
      bar.stop();
      out.progress(formatProgress(p));
    },
  }).finally(() => bar.stop());
  await out.result(result, (r) => printIngest(out, r, path));
  if (result.events > 0 && result.sessions === 0 && result.sessionless === result.events) out.say(NO_PLACE_HINT);
}

/** Said even under --json (on stderr): an import that placed nothing has nothing to score, and a user should know why. */
const NO_PLACE_HINT =
  "warning: no event named a page or screen, so no session was made and there is nothing to score. " +
  "Sessions start at page and screen views: PostHog's $current_url / $pathname / $screen_name, Segment's page and screen " +
  "calls (context.page), Amplitude's [Amplitude] Page Viewed / Screen Viewed. Check that the export keeps them.";

function printIngest(out: Output, r: IngestResult, source: string): void {
  out.say(`Imported ${counted(r.events, "event")} from ${source} (${counted(r.duplicates, "duplicate")} skipped) into ${counted(r.sessions, "session")}.`);
  if (r.sessionless) out.say(`${counted(r.sessionless, "event")} ${r.sessionless === 1 ? "belongs" : "belong"} to no session.`);
  if (r.malformed) {
    out.say(`${counted(r.malformed, `malformed ${recordNoun(r.malformedReasons)}`)} skipped:`);
    for (const m of r.malformedReasons.slice(0, 20)) out.say(`  ${describeMalformed(m)}`);
    if (r.malformed > 20) out.say(`  … and ${r.malformed - 20} more (see --json)`);
  }
}

import type { Command } from "commander";
import { openWarehouse } from "../../warehouse/index.js";
import { ingestFile, type IngestResult } from "../../connectors/ingest.js";
import { formatProgress } from "../../connectors/progress.js";
import { pullPostHog } from "../../connectors/posthog/pull.js";
import { postHogSettings } from "../../connectors/posthog/settings.js";
import { loadProfile } from "../../state/loadProfile.js";
import { UsageError } from "../../runtime/errors.js";
import { globalsOf } from "../globals.js";
import type { Output } from "../output.js";
import { startProgress } from "../progress.js";

interface IngestOptions {
  format?: string;
  strict?: boolean;
  posthogApi?: boolean;
}

export async function run(file: string | undefined, options: IngestOptions, command: Command): Promise<void> {
  const { settings, out } = globalsOf(command, "creates");
  if (options.posthogApi && file) throw new UsageError("give either a file or --posthog-api, not both");
  if (!options.posthogApi && !file) throw new UsageError("missing the export file to import (or pass --posthog-api)");
  const warehouse = openWarehouse(settings.db);
  try {
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
  } finally {
    await warehouse.close();
  }
}

function printIngest(out: Output, r: IngestResult, source: string): void {
  out.say(`Imported ${r.events} events from ${source} (${r.duplicates} duplicates skipped) into ${r.sessions} sessions.`);
  if (r.sessionless) out.say(`${r.sessionless} events belong to no session.`);
  if (r.malformed) {
    out.say(`${r.malformed} malformed lines skipped:`);
    for (const m of r.malformedReasons.slice(0, 20)) out.say(`  line ${m.line}: ${m.reason}`);
    if (r.malformed > 20) out.say(`  … and ${r.malformed - 20} more (see --json)`);
  }
}

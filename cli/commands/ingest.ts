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

interface IngestOptions {
  format?: string;
  strict?: boolean;
  posthogApi?: boolean;
}

export function registerIngest(program: Command): void {
  program
    .command("ingest [file]")
    .description("import an analytics export (PostHog, Amplitude, Segment: JSON lines, JSON array or CSV, .gz or .zip), or pull from PostHog's API")
    .option("--format <format>", "source format: posthog, amplitude or segment (default: detected)")
    .option("--strict", "stop at the first bad line and write nothing")
    .option("--posthog-api", "pull new events from PostHog's query API since the stored watermark")
    .action(async (file: string | undefined, options: IngestOptions, command: Command) => {
      const { settings, out } = globalsOf(command);
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
        const result = await ingestFile(warehouse, path, {
          format: options.format,
          strict: options.strict,
          onDetected: (d) => out.progress(`${d.detected ? "detected" : "reading"} format: ${d.format} (${d.packing})`),
          onProgress: (p) => out.progress(formatProgress(p)),
        });
        await out.result(result, (r) => printIngest(out, r, path));
      } finally {
        await warehouse.close();
      }
    });
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

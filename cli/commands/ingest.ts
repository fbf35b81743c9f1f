import type { Command } from "commander";
import { openWarehouse } from "../../warehouse/index.js";
import { ingestFile, type IngestResult } from "../../connectors/ingest.js";
import { globalsOf } from "../globals.js";

export function registerIngest(program: Command): void {
  program
    .command("ingest <file>")
    .description("import an analytics export (PostHog JSON lines, .gz too), deduplicate, sessionize")
    .option("--format <format>", "export format: posthog", "posthog")
    .option("--strict", "stop at the first bad line and write nothing")
    .action(async (file: string, options: { format: string; strict?: boolean }, command: Command) => {
      const { settings, out } = globalsOf(command);
      const warehouse = openWarehouse(settings.db);
      try {
        const result = await ingestFile(warehouse, file, { format: options.format, strict: options.strict });
        await out.result(result, (r) => printIngest(out, r, file));
      } finally {
        await warehouse.close();
      }
    });
}

function printIngest(out: { say(line?: string): void }, r: IngestResult, file: string): void {
  out.say(`Imported ${r.events} events from ${file} (${r.duplicates} duplicates skipped) into ${r.sessions} sessions.`);
  if (r.sessionless) out.say(`${r.sessionless} events had no session id.`);
  if (r.malformed) {
    out.say(`${r.malformed} malformed lines skipped:`);
    for (const m of r.malformedReasons.slice(0, 20)) out.say(`  line ${m.line}: ${m.reason}`);
    if (r.malformed > 20) out.say(`  … and ${r.malformed - 20} more (see --json)`);
  }
}

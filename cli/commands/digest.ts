import type { Command } from "commander";
import { runReview } from "../../graphs/host/direct.js";
import { openWarehouse } from "../../warehouse/index.js";
import { resolve } from "node:path";
import { globalsOf, weekFor } from "../globals.js";

export function registerDigest(program: Command): void {
  program
    .command("digest")
    .description("write the week's review report (a self-contained HTML page)")
    .option("--week <week>", "ISO week (YYYY-Www); default: the latest week with sessions")
    .option("--out <file>", "where to write the HTML")
    .action(async (options: { week?: string; out?: string }, command: Command) => {
      const { settings, out } = globalsOf(command);
      const warehouse = openWarehouse(settings.db);
      const week = await weekFor(options.week, warehouse).finally(() => warehouse.close());
      const digest = await runReview(settings, { week, out: options.out ? resolve(options.out) : null });
      await out.result(digest, (d) => out.say(`Digest for ${week}: ${d.path}`));
    });
}

import type { Command } from "commander";
import { buildReviewGraph, type ReviewStateType } from "../../graphs/review/index.js";
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
      const state = (await buildReviewGraph()
        .compile()
        .invoke(
          { week, digestOut: options.out ? resolve(options.out) : null },
          { configurable: { db: settings.db, config: settings.config, dataDir: settings.dataDir } },
        )) as ReviewStateType;
      if (!state.digest) throw new Error("the review graph ended without a digest");
      const digest = state.digest;
      await out.result(digest, (d) => out.say(`Digest for ${week}: ${d.path}`));
    });
}

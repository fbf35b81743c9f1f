import type { Command } from "commander";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { runReview } from "../../graphs/host/direct.js";
import type { DigestFormat } from "../../agents/review/writeDigest.js";
import { openWarehouse } from "../../warehouse/index.js";
import { globalsOf, weekFor } from "../globals.js";

/** Writes the week's digest; in Markdown it is also printed, ready to paste or pipe into a chat. */
export async function run(opts: { week?: string; out?: string; format?: DigestFormat }, command: Command): Promise<void> {
  const { settings, out } = await globalsOf(command);
  // The file's name says what it holds: `--out review.md` is Markdown unless --format says otherwise.
  const options = { ...opts, format: opts.format ?? (opts.out && /\.(md|markdown)$/i.test(opts.out) ? "md" : "html") } as const;
  const warehouse = openWarehouse(settings.db);
  const week = await weekFor(options.week, warehouse).finally(() => warehouse.close());
  out.progress(`digest of ${week} (${options.format === "md" ? "Markdown" : "HTML"})`);
  const digest = await runReview(settings, { week, out: options.out ? resolve(options.out) : null, format: options.format });
  await out.result(digest, (d) => {
    if (options.format !== "md") return out.say(`Digest for ${week}: ${d.path}`);
    out.progress(`Digest for ${week}: ${d.path}`);
    process.stdout.write(readFileSync(d.path, "utf8"));
  });
}

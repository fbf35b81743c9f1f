import type { Command } from "commander";
import { runGatherer } from "../../graphs/host/direct.js";
import { chooseAnalyst, gathererModel } from "../../agents/analysts/llm/setup.js";
import { loadProfile } from "../../state/loadProfile.js";
import { UsageError } from "../../runtime/errors.js";
import { isIsoWeek } from "../../runtime/week.js";
import { globalsOf, positiveInt } from "../globals.js";

export function registerGather(program: Command): void {
  program
    .command("gather")
    .description("write an implied-NPS report for every session without one for the current analyst")
    .option("--analyst <analyst>", "heuristic (no model) or llm; default: llm when the profile names a reachable gatherer model, else heuristic")
    .option("--concurrency <n>", "heuristic: batches scored at once (default 2); llm: model requests in flight (default: the profile's gatherer.concurrency)", positiveInt("--concurrency"))
    .option("--limit <n>", "score at most this many sessions", positiveInt("--limit"))
    .option("--week <week>", "only sessions of this ISO week (YYYY-Www)")
    .action(async (options: { analyst?: string; concurrency?: number; limit?: number; week?: string }, command: Command) => {
      const { settings, out } = globalsOf(command);
      const requested = options.analyst ?? "auto";
      if (requested !== "heuristic" && requested !== "llm" && requested !== "auto") throw new UsageError(`--analyst must be heuristic or llm, got "${requested}"`);
      const analyst = chooseAnalyst(requested, loadProfile(settings.config).profile, {});
      if (options.week && !isIsoWeek(options.week)) throw new UsageError(`--week must be an ISO week like 2026-W47`);
      // Fails before any work when --analyst llm has no model: exit 2, naming what to set.
      if (analyst === "llm") gathererModel(loadProfile(settings.config).profile, {});
      const summary = await runGatherer(settings, {
        week: options.week ?? null,
        limit: options.limit ?? null,
        analyst,
        concurrency: options.concurrency ?? null,
      }, (line) => out.progress(line));
      await out.result(summary, (s) => out.say(`Scored ${s.scored} sessions (${s.skipped} already had a report, ${s.failed} failed) with ${s.analyst} analyst ${s.analystVersion}.`));
    });
}

import type { Command } from "commander";
import { buildGathererGraph } from "../../graphs/gatherer/index.js";
import type { GatherSummary, GathererStateType } from "../../graphs/gatherer/state.js";
import { UsageError } from "../../runtime/errors.js";
import { isIsoWeek } from "../../runtime/week.js";
import { globalsOf, positiveInt } from "../globals.js";
import type { Output } from "../output.js";
import type { RunSettings } from "../../runtime/settings.js";

export function registerGather(program: Command): void {
  program
    .command("gather")
    .description("write an implied-NPS report for every session without one for the current analyst")
    .option("--analyst <analyst>", "heuristic (no model) or llm", "heuristic")
    .option("--concurrency <n>", "batches scored at once", positiveInt("--concurrency"), 2)
    .option("--limit <n>", "score at most this many sessions", positiveInt("--limit"))
    .option("--week <week>", "only sessions of this ISO week (YYYY-Www)")
    .action(async (options: { analyst: string; concurrency: number; limit?: number; week?: string }, command: Command) => {
      const { settings, out } = globalsOf(command);
      if (options.analyst === "llm") {
        throw new UsageError("the LLM analyst is not part of this version yet; use --analyst heuristic");
      }
      if (options.analyst !== "heuristic") throw new UsageError(`--analyst must be heuristic or llm, got "${options.analyst}"`);
      if (options.week && !isIsoWeek(options.week)) throw new UsageError(`--week must be an ISO week like 2026-W47`);
      const summary = await gather(settings, out, { week: options.week ?? null, limit: options.limit ?? null, concurrency: options.concurrency });
      await out.result(summary, (s) => out.say(`Scored ${s.scored} sessions (${s.skipped} already had a report, ${s.failed} failed) with ${s.analyst} analyst ${s.analystVersion}.`));
    });
}

/** Runs the gatherer graph in process, streaming batch progress to stderr. */
export async function gather(
  settings: RunSettings,
  out: Output,
  opts: { week: string | null; limit: number | null; concurrency: number },
): Promise<GatherSummary> {
  const graph = buildGathererGraph().compile();
  const stream = await graph.stream(
    { week: opts.week, limit: opts.limit },
    {
      configurable: { db: settings.db, config: settings.config, dataDir: settings.dataDir },
      maxConcurrency: opts.concurrency,
      streamMode: ["custom", "values"],
      recursionLimit: 1000,
    },
  );
  let last: GathererStateType | null = null;
  let scored = 0;
  for await (const [mode, chunk] of stream) {
    if (mode === "custom") {
      scored += (chunk as { scored: number }).scored;
      out.progress(`gather: ${scored} sessions scored`);
    } else last = chunk as GathererStateType;
  }
  if (!last?.gatherSummary) throw new Error("the gatherer graph ended without a summary");
  return last.gatherSummary;
}

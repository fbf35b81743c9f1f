import type { Command } from "commander";
import { buildGathererGraph } from "../../graphs/gatherer/index.js";
import type { Analyst, GatherSummary, GathererStateType } from "../../graphs/gatherer/state.js";
import { chooseAnalyst, gathererModel } from "../../agents/analysts/llm/setup.js";
import { loadProfile } from "../../runtime/profile.js";
import { UsageError } from "../../runtime/errors.js";
import { isIsoWeek } from "../../runtime/week.js";
import { globalsOf, positiveInt } from "../globals.js";
import type { Output } from "../output.js";
import type { RunSettings } from "../../runtime/settings.js";

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
      const summary = await gather(settings, out, {
        week: options.week ?? null,
        limit: options.limit ?? null,
        analyst,
        concurrency: options.concurrency ?? null,
      });
      await out.result(summary, (s) => out.say(`Scored ${s.scored} sessions (${s.skipped} already had a report, ${s.failed} failed) with ${s.analyst} analyst ${s.analystVersion}.`));
    });
}

/** Runs the gatherer graph in process, streaming batch progress to stderr. */
export async function gather(
  settings: RunSettings,
  out: Output,
  opts: { week: string | null; limit: number | null; analyst?: Analyst; concurrency: number | null },
): Promise<GatherSummary> {
  const graph = buildGathererGraph().compile();
  const analyst = opts.analyst ?? chooseAnalyst("auto", loadProfile(settings.config).profile, {});
  const stream = await graph.stream(
    { week: opts.week, limit: opts.limit, analyst, concurrency: analyst === "llm" ? opts.concurrency : null },
    {
      configurable: { db: settings.db, config: settings.config, dataDir: settings.dataDir },
      // The LLM analyst's batches share one request queue, so running two at once costs nothing.
      maxConcurrency: analyst === "llm" ? 2 : (opts.concurrency ?? 2),
      streamMode: ["custom", "values"],
      recursionLimit: 1000,
    },
  );
  let last: GathererStateType | null = null;
  let scored = 0;
  let failed = 0;
  for await (const [mode, chunk] of stream) {
    if (mode === "custom") {
      const c = chunk as { scored?: number; failed?: number };
      scored += c.scored ?? 0;
      failed += c.failed ?? 0;
      out.progress(`gather: ${scored} sessions scored${failed ? `, ${failed} failed` : ""}`);
    } else last = chunk as GathererStateType;
  }
  if (!last?.gatherSummary) throw new Error("the gatherer graph ended without a summary");
  return last.gatherSummary;
}

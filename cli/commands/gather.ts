import type { Command } from "commander";
import { runGatherer } from "../../graphs/host/direct.js";
import { chooseAnalyst, gathererModelName } from "../../agents/analysts/llm/setup.js";
import { loadProfile } from "../../state/loadProfile.js";
import { UsageError } from "../../runtime/errors.js";
import { isIsoWeek } from "../../runtime/week.js";
import { globalsOf } from "../globals.js";
import { startProgress } from "../progress.js";

export async function run(options: { analyst?: string; concurrency?: number; limit?: number; week?: string }, command: Command): Promise<void> {
  const { settings, out } = await globalsOf(command);
  const requested = options.analyst ?? "auto";
  if (requested !== "heuristic" && requested !== "llm" && requested !== "cascade" && requested !== "auto") throw new UsageError(`--analyst must be heuristic, llm or cascade, got "${requested}"`);
  const analyst = chooseAnalyst(requested, loadProfile(settings.config).profile, {});
  if (options.week && !isIsoWeek(options.week)) throw new UsageError(`--week must be an ISO week like 2026-W47`);
  // Fails before any work when the llm analyst or the cascade has no model: exit 2, naming what to set.
  if (analyst !== "heuristic") gathererModelName(loadProfile(settings.config).profile, {});
  out.progress(`gather ${options.week ?? "every week"} with the ${analyst} analyst${options.limit ? ` (at most ${options.limit} sessions)` : ""}`);
  const bar = startProgress({ label: "gather", unit: "sessions" });
  const summary = await runGatherer(
    settings,
    { week: options.week ?? null, limit: options.limit ?? null, analyst, concurrency: options.concurrency ?? null },
    (p) => {
      if (p.planned > 0) bar.update(p.scored + p.failed, p.planned, p.failed ? `${p.failed} failed` : undefined);
    },
  ).finally(() => bar.stop());
  if (summary.failed > 0) {
    out.progress(`${summary.failed} of ${summary.scored + summary.failed} sessions failed and have no report; the first failure: ${summary.firstFailure ?? "no reason was recorded"}`);
  }
  const cascade = (s: typeof summary) => (s.escalated === undefined ? "" : `; the rules were unsure of ${s.escalated} and sent them to the model, the other ${s.scored + s.failed - s.escalated} keep the rules' report`);
  await out.result(summary, (s) => out.say(`Scored ${s.scored} sessions (${s.skipped} already had a report, ${s.failed} failed) with ${s.analyst} analyst ${s.analystVersion}${cascade(s)}.`));
}

import type { Command } from "commander";
import { openWarehouse } from "../../warehouse/index.js";
import { globalsOf, weekFor } from "../globals.js";
import { THREADS } from "../../graphs/host/threads.js";
import { acceptIf } from "../gates.js";
import { printGate } from "../render.js";
import { printWeek } from "../printWeek.js";
import { loadProfile } from "../../state/loadProfile.js";
import { nextCommand } from "../nextCommand.js";

export async function run(options: { week?: string; yes?: boolean }, command: Command): Promise<void> {
  const { settings, out, opts } = await globalsOf(command);
  const warehouse = openWarehouse(settings.db);
  try {
    const week = await weekFor(options.week, warehouse);
    out.progress(`weekly run for ${week} (thread ${THREADS.weekly.threadId(week)})`);
    const outcome = await THREADS.weekly.run(settings, week, { answer: acceptIf(Boolean(options.yes), out), progress: (line) => out.progress(line) });
    if (outcome.status === "waiting") {
      await out.result({ week, status: "waiting", gate: outcome.gate }, () =>
        printGate(out, outcome.gate, `Resume and approve with: ${nextCommand(opts, `run --week ${week} --yes`)}`),
      );
      return;
    }
    const s = outcome.state;
    await out.result(
      { week, status: "done", gather: s.gatherSummary, triage: s.triageSummary, fix: s.fixSummary, digest: s.digest },
      () => printWeek(out, warehouse, s, week, loadProfile(settings.config).profile),
    );
  } finally {
    await warehouse.close();
  }
}

import type { Command } from "commander";
import { openWarehouse } from "../../warehouse/index.js";
import { globalsOf, positiveInt, weekFor } from "../globals.js";
import { triageJson } from "../contract.js";
import { printGate, printPatterns } from "../render.js";
import { acceptIf } from "../gates.js";
import { THREADS } from "../../graphs/host/threads.js";

export function registerTriage(program: Command): void {
  program
    .command("triage")
    .description("the PM: patterns, code locations, decisions, tickets (behind a human gate)")
    .option("--week <week>", "ISO week (YYYY-Www); default: the latest week with sessions")
    .option("--yes", "approve the ticket gate")
    .option("--sample <n>", "list at most N session ids per pattern (the output says when it sampled)", positiveInt("--sample"))
    .action(async (options: { week?: string; yes?: boolean; sample?: number }, command: Command) => {
      const { settings, out } = globalsOf(command);
      const warehouse = openWarehouse(settings.db);
      try {
        const week = await weekFor(options.week, warehouse);
        const outcome = await THREADS.triage.run(settings, week, { answer: acceptIf(Boolean(options.yes), out), progress: (line) => out.progress(line) });
        const result = { ...(await triageJson(warehouse, week, { sample: options.sample })), gate: outcome.status === "waiting" ? outcome.gate : null };
        await out.result(result, (r) => {
          printPatterns(out, r);
          if (outcome.status === "waiting") printGate(out, outcome.gate, `Approve with: npx selfheal triage --week ${week} --yes`);
        });
      } finally {
        await warehouse.close();
      }
    });
}


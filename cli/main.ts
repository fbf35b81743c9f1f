import { Command, CommanderError } from "commander";
import pc from "picocolors";
import { SelfhealError } from "../runtime/errors.js";
import { registerDemo } from "./commands/demo.js";
import { registerIngest } from "./commands/ingest.js";
import { registerGather } from "./commands/gather.js";
import { registerReports } from "./commands/reports.js";
import { registerTriage } from "./commands/triage.js";
import { registerFix } from "./commands/fix.js";
import { registerDigest } from "./commands/digest.js";
import { registerRun } from "./commands/run.js";
import { registerReview } from "./commands/review.js";
import { registerSchedule } from "./commands/schedule.js";

/** Exit codes of the contract: 0 success, 1 failure, 2 bad usage or bad input. */
export async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name("selfheal")
    .description("Reads every product session, files the right tickets, and fixes the bugs.")
    .option("--db <path>", "warehouse (env SELFHEAL_DB; default .selfheal/warehouse.db)")
    .option("--config <path>", "product profile (env SELFHEAL_CONFIG; default selfheal.config.json when present)")
    .option("--json", "machine-readable result on stdout; human output on stderr")
    .exitOverride()
    .showHelpAfterError();
  for (const register of [registerDemo, registerIngest, registerGather, registerReports, registerTriage, registerFix, registerDigest, registerRun, registerReview, registerSchedule]) {
    register(program);
  }
  try {
    await program.parseAsync(argv, { from: "user" });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof SelfhealError) {
      process.stderr.write(`${pc.red("error:")} ${err.message}\n`);
      return err.exitCode;
    }
    process.stderr.write(`${pc.red("error:")} ${(err as Error).stack ?? String(err)}\n`);
    return 1;
  }
}

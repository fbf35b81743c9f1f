import { CommanderError } from "commander";
import pc from "picocolors";
import { SelfhealError } from "../runtime/errors.js";
import { buildProgram } from "./program.js";
import { endQuietlyOnClosedPipe } from "./closedPipe.js";

/** Exit codes of the contract: 0 success, 1 failure, 2 bad usage or bad input. */
export async function main(argv: string[]): Promise<number> {
  endQuietlyOnClosedPipe();
  try {
    await buildProgram().parseAsync(argv, { from: "user" });
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

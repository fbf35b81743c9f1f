import { CommanderError } from "commander";
import pc from "picocolors";
import { SelfhealError } from "../runtime/errors.js";
import { buildProgram } from "./program.js";
import { endQuietlyOnClosedPipe } from "./closedPipe.js";
import { scrubSecrets } from "../runtime/scrubSecrets.js";

/** Exit codes of the contract: 0 success, 1 failure, 2 bad usage or bad input. */
export async function main(argv: string[]): Promise<number> {
  endQuietlyOnClosedPipe();
  try {
    await buildProgram().parseAsync(argv, { from: "user" });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    const known = selfhealErrorIn(err);
    if (known) {
      process.stderr.write(`${pc.red("error:")} ${scrubSecrets(known.message)}\n`);
      return known.exitCode;
    }
    process.stderr.write(`${pc.red("error:")} ${scrubSecrets((err as Error).stack ?? String(err))}\n`);
    return 1;
  }
}

/** Our error, also when a library wrapped it (the Linear SDK keeps it as `raw`, others as `cause`). */
function selfhealErrorIn(err: unknown): SelfhealError | null {
  for (let e = err, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    if (e instanceof SelfhealError) return e;
    e = (e as { raw?: unknown }).raw ?? (e as { cause?: unknown }).cause;
  }
  return null;
}

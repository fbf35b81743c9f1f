import { existsSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { runInSandbox, type SandboxOptions } from "../../tools/sandbox/exec.js";
import { summarizeRun } from "./verify.js";

/**
 * The test command's result on the default branch's commit, run once per commit and command (every
 * ticket's branch starts there) and kept under the data folder, so a run with many tickets, or a
 * second run, does not repeat it.
 */
export async function baselineTests(opts: { dataDir: string; commit: string; testCommand: string; sandbox: SandboxOptions }): Promise<string> {
  const key = Buffer.from(opts.testCommand).toString("base64url").slice(0, 40);
  const file = join(opts.dataDir, "baselines", `${opts.commit}-${key}.txt`);
  if (existsSync(file)) return readFileSync(file, "utf8");
  const summary = summarizeRun(await runInSandbox(opts.testCommand, opts.sandbox));
  await mkdir(join(opts.dataDir, "baselines"), { recursive: true });
  await writeFile(file, summary);
  return summary;
}

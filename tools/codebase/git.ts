import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Runs git in a repository; resolves with stdout. Throws with git's stderr on failure. */
export async function git(repo: string, args: string[], opts: { allowExitCodes?: number[]; env?: NodeJS.ProcessEnv } = {}): Promise<string> {
  try {
    const { stdout } = await run("git", ["-C", repo, ...args], { maxBuffer: 64 * 1024 * 1024, ...(opts.env ? { env: { ...process.env, ...opts.env } } : {}) });
    return stdout;
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string; message: string };
    if (typeof e.code === "number" && opts.allowExitCodes?.includes(e.code)) return e.stdout ?? "";
    throw new Error(`git ${args.join(" ")} failed in ${repo}: ${e.stderr?.trim() || e.message}`);
  }
}

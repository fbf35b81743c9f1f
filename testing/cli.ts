import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../bin/selfheal.js", import.meta.url));

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunCliOptions {
  /** SIGKILL the child the moment its stderr matches. */
  killOn?: RegExp;
  /** SIGKILL the child the moment this returns true (polled every few milliseconds, with its stderr so far). */
  killWhen?: (stderrSoFar: string) => boolean;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Flags for node itself, before the script (e.g. --import a hook). */
  nodeOptions?: string[];
  /** Read this many lines of stdout, then close the pipe, as `selfheal ... | head -n N` does. */
  headLines?: number;
}

/**
 * Runs the real `selfheal` command in a child process. With `killOn` or `killWhen`, the child is
 * SIGKILLed at that point: a crash there, with no chance to clean up.
 */
export function runCli(args: string[], opts: RunCliOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(opts.nodeOptions ?? []), BIN, ...args], {
      cwd: opts.cwd,
      env: { ...process.env, NO_COLOR: "1", ...opts.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
      if (opts.headLines !== undefined && stdout.split("\n").length > opts.headLines) {
        stdout = stdout.split("\n").slice(0, opts.headLines).join("\n");
        child.stdout.destroy();
      }
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
      if (opts.killOn && opts.killOn.test(stderr)) child.kill("SIGKILL");
    });
    const poll = opts.killWhen
      ? setInterval(() => {
          if (opts.killWhen?.(stderr)) child.kill("SIGKILL");
        }, 3)
      : null;
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (poll) clearInterval(poll);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

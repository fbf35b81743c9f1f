import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";

export type SandboxMode = "bubblewrap" | "unsandboxed";

export interface SandboxOptions {
  /** The worktree: the only writable place besides a private /tmp. */
  worktree: string;
  mode: SandboxMode;
  timeoutMs: number;
  /** A node_modules mounted read-only at `<worktree>/node_modules` when the worktree has none. */
  dependencies: string | null;
}

export interface CommandResult {
  command: string;
  exitCode: number | null;
  timedOut: boolean;
  output: string;
  durationMs: number;
}

/** The environment commands see: enough to run a toolchain, and no tokens, keys or host paths. */
export function scrubbedEnv(): Record<string, string> {
  return {
    PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    HOME: "/tmp",
    TMPDIR: "/tmp",
    LANG: "C.UTF-8",
    CI: "1",
    NO_COLOR: "1",
    npm_config_update_notifier: "false",
    npm_config_cache: "/tmp/.npm",
  };
}

let bwrapChecked: string | null | undefined;

/** Why bubblewrap cannot be used here, or null when it works (checked once per process). */
export function bubblewrapProblem(): string | null {
  if (bwrapChecked !== undefined) return bwrapChecked;
  const probe = spawnSync("bwrap", ["--unshare-all", "--die-with-parent", "--cap-drop", "ALL", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "true"], { encoding: "utf8" });
  if (probe.error) bwrapChecked = "bubblewrap (bwrap) is not installed: apt-get install bubblewrap";
  else if (probe.status !== 0) bwrapChecked = `bubblewrap cannot create a sandbox here: ${probe.stderr.trim() || `exit ${probe.status}`}`;
  else bwrapChecked = null;
  return bwrapChecked;
}

/** The nearest node_modules at or above `from`, for a worktree that has none of its own. */
export function nearestDependencies(from: string): string | null {
  let dir = resolve(from);
  for (;;) {
    const candidate = join(dir, "node_modules");
    if (existsSync(candidate)) return candidate;
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

function hasEntries(dir: string): boolean {
  try {
    return readdirSync(dir).length > 0;
  } catch {
    return false;
  }
}

/** Credential stores under the home directory that commands in the sandbox never see. */
const CREDENTIAL_PATHS = [".ssh", ".aws", ".azure", ".gnupg", ".docker", ".kube", ".config/gh", ".config/gcloud", ".netrc", ".npmrc", ".git-credentials", ".pypirc"];

/**
 * bwrap's arguments: no network, no other namespaces, the whole filesystem read-only but for the
 * worktree and a private /tmp, and the process dies with us.
 */
export function bwrapArgs(opts: SandboxOptions, command: string): string[] {
  // --cap-drop ALL: run as root, bwrap would otherwise leave the sandboxed process every capability.
  const args = ["--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp"];
  // The filesystem is readable, so the usual credential stores in our home are masked: a test that
  // reads a key could otherwise copy it into the diff.
  const home = homedir();
  for (const name of CREDENTIAL_PATHS) {
    const path = join(home, name);
    if (!existsSync(path) || opts.worktree.startsWith(`${path}/`)) continue;
    if (statSync(path).isDirectory()) args.push("--tmpfs", path);
    else args.push("--ro-bind", "/dev/null", path);
  }
  args.push("--bind", opts.worktree, opts.worktree);
  // The worktree's `.git` pointer stays read-only: rewritten, it could aim our own git commands (run
  // outside the sandbox after the tests) at a config the model wrote, with hooks or an fsmonitor.
  const gitPointer = join(opts.worktree, ".git");
  if (existsSync(gitPointer)) args.push("--ro-bind", gitPointer, gitPointer);
  const ownDeps = join(opts.worktree, "node_modules");
  if (opts.dependencies && !hasEntries(ownDeps)) {
    // The mount point is an empty directory: git does not see it, so it never enters a diff.
    mkdirSync(ownDeps, { recursive: true });
    args.push("--ro-bind", opts.dependencies, ownDeps);
  }
  args.push("--chdir", opts.worktree, "--clearenv");
  for (const [k, v] of Object.entries(scrubbedEnv())) args.push("--setenv", k, v);
  args.push("/bin/sh", "-c", command);
  return args;
}

/**
 * Runs one (already allowlisted) command in the worktree: inside bubblewrap, or unsandboxed only when
 * the profile says so. Killed with its whole process group at the time limit. Never throws for the
 * command's own failure: the result says what happened.
 */
export async function runInSandbox(command: string, opts: SandboxOptions): Promise<CommandResult> {
  const started = Date.now();
  if (opts.mode === "bubblewrap") {
    const problem = bubblewrapProblem();
    if (problem) throw new Error(`${problem}; Skynet does not run commands unsandboxed unless the profile sets "skynet": { "sandbox": "unsandboxed" }`);
  }
  const [file, args] = opts.mode === "bubblewrap" ? ["bwrap", bwrapArgs(opts, command)] : ["/bin/sh", ["-c", command]];
  const child = spawn(file, args, {
    cwd: opts.worktree,
    env: opts.mode === "bubblewrap" ? {} : scrubbedEnv(),
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const chunks: Buffer[] = [];
  let size = 0;
  const keep = (b: Buffer) => {
    // Bounded memory: the head and the tail matter, a runaway test's middle does not.
    if (size < 4 * 1024 * 1024) chunks.push(b);
    size += b.length;
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }
  }, opts.timeoutMs);
  const exitCode = await new Promise<number | null>((done) => {
    child.on("error", () => done(null));
    child.on("close", (code) => done(code));
  });
  clearTimeout(timer);
  return { command, exitCode: timedOut ? null : exitCode, timedOut, output: Buffer.concat(chunks).toString("utf8"), durationMs: Date.now() - started };
}

/** Output cut for the model: the start and the end, with what was left out said. */
export function truncateOutput(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const head = Math.floor(limit * 0.3);
  const tail = limit - head;
  return `${text.slice(0, head)}\n[... ${text.length - limit} characters cut ...]\n${text.slice(text.length - tail)}`;
}

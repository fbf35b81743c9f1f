import { existsSync, lstatSync, realpathSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";

/** A path the sandbox refused, with the reason the model and the attempt record are given. */
export class SandboxViolation extends Error {
  constructor(
    readonly kind: "path" | "command",
    message: string,
  ) {
    super(message);
    this.name = "SandboxViolation";
  }
}

function inside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
}

/**
 * Resolves a path the model gave against the worktree and checks it stays inside: no `..` escape, no
 * absolute path elsewhere, no symlink (at any level) whose target is outside, nothing under `.git`.
 * Returns the absolute path and the path relative to the worktree.
 */
export function resolveInWorktree(worktree: string, given: string): { abs: string; rel: string } {
  const root = realpathSync(worktree);
  const abs = resolve(root, given);
  if (!inside(root, abs)) throw new SandboxViolation("path", `path ${JSON.stringify(given)} is outside the worktree`);
  const rel = relative(root, abs);
  if (rel === ".git" || rel.startsWith(`.git${sep}`)) throw new SandboxViolation("path", `path ${JSON.stringify(given)} is inside .git`);
  // The deepest existing ancestor decides where the path really lands.
  let probe = abs;
  while (!existsSync(probe) && !isSymlink(probe)) probe = dirname(probe);
  if (isSymlink(probe) && !existsSync(probe)) throw new SandboxViolation("path", `path ${JSON.stringify(given)} is a dangling symlink`);
  const real = realpathSync(probe);
  if (!inside(root, real)) throw new SandboxViolation("path", `path ${JSON.stringify(given)} leads through a symlink outside the worktree`);
  return { abs, rel: rel.split(sep).join("/") };
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Glob match for repository paths: `**` any depth, `*` within one segment, `?` one character. */
export function matchesGlob(path: string, glob: string): boolean {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*" && glob[i + 1] === "*") {
      const slash = glob[i + 2] === "/";
      re += slash ? "(?:.*/)?" : ".*";
      i += slash ? 2 : 1;
    } else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else re += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`).test(path);
}

export function matchesAny(path: string, globs: string[]): string | null {
  return globs.find((g) => matchesGlob(path, g)) ?? null;
}

import { tool, type StructuredToolInterface } from "@langchain/core/tools";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";
import { applyPatch, parsePatch } from "diff";
import { git } from "../codebase/git.js";
import { resolveInWorktree, SandboxViolation } from "./paths.js";
import { runInSandbox, truncateOutput, type SandboxOptions } from "./exec.js";

/** Everything the agent's tools close over: one worktree, its allowlist and its sandbox. */
export interface SandboxWorkspace {
  worktree: string;
  /** Commands the agent may run, matched exactly after trimming. */
  allowlist: string[];
  sandbox: SandboxOptions;
  outputLimit: number;
  /** Called for every refused attempt to leave the sandbox. */
  onViolation: (violation: SandboxViolation) => void;
  /** Called with every command the agent ran and how it ended. */
  onCommand?: (command: string, exitCode: number | null) => void;
}

const MAX_READ_LINES = 400;

/** The agent's tools. Each returns a readable result, an error included, and never throws. */
export function sandboxTools(ws: SandboxWorkspace): StructuredToolInterface[] {
  const guarded = async (fn: () => Promise<string> | string): Promise<string> => {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof SandboxViolation) {
        ws.onViolation(err);
        return `REFUSED: ${err.message}. Only paths inside the worktree and the listed commands are allowed.`;
      }
      return `ERROR: ${(err as Error).message}`;
    }
  };

  const search = tool(
    (input) =>
      guarded(async () => {
        const out = await git(ws.worktree, ["grep", "-n", "-I", "--fixed-strings", "-e", input.text, "--", ...(input.path ? [resolveInWorktree(ws.worktree, input.path).rel] : [])], { allowExitCodes: [1] });
        return out.trim() ? truncateOutput(out, ws.outputLimit) : "no matches";
      }),
    {
      name: "search",
      description: "Search the repository's tracked files for a literal string; returns path:line:text lines.",
      schema: z.object({
        text: z.string().min(1).describe("the literal text to find"),
        path: z.string().optional().describe("a file or folder to limit the search to, relative to the repository root"),
      }),
    },
  );

  const readRange = tool(
    (input) =>
      guarded(() => {
        const { abs } = resolveInWorktree(ws.worktree, input.path);
        const text = readFileSync(abs, "utf8");
        const lines = (text.endsWith("\n") ? text.slice(0, -1) : text).split("\n");
        const from = Math.max(1, input.from ?? 1);
        const to = Math.min(lines.length, input.to ?? from + MAX_READ_LINES - 1, from + MAX_READ_LINES - 1);
        return lines.slice(from - 1, to).map((text, i) => `${from + i}: ${text}`).join("\n") + (to < lines.length ? `\n[${lines.length - to} more lines]` : "");
      }),
    {
      name: "read_file",
      description: `Read a file of the repository, or a range of its lines (at most ${MAX_READ_LINES} at a time), with line numbers.`,
      schema: z.object({
        path: z.string().describe("file path relative to the repository root"),
        from: z.number().int().optional().describe("first line, 1-based"),
        to: z.number().int().optional().describe("last line, inclusive"),
      }),
    },
  );

  const editFile = tool(
    (input) =>
      guarded(() => {
        const { abs, rel } = resolveInWorktree(ws.worktree, input.path);
        if (input.old === "") {
          if (existsSync(abs)) return `ERROR: ${rel} exists; to change it, give the exact text to replace`;
          mkdirSync(dirname(abs), { recursive: true });
          writeFileSync(abs, input.new);
          return `created ${rel}`;
        }
        const text = readFileSync(abs, "utf8");
        const count = text.split(input.old).length - 1;
        if (count !== 1) return `ERROR: the text to replace occurs ${count} times in ${rel}; it must occur exactly once`;
        writeFileSync(abs, text.replace(input.old, () => input.new));
        return `edited ${rel}`;
      }),
    {
      name: "edit_file",
      description: "Replace one exact, unique piece of text in a file; with old empty, create a new file with the given content.",
      schema: z.object({
        path: z.string().describe("file path relative to the repository root"),
        old: z.string().describe("the exact text to replace (must occur once); empty to create a new file"),
        new: z.string().describe("the replacement text, or the new file's content"),
      }),
    },
  );

  const patch = tool(
    (input) =>
      guarded(() => {
        const patches = parsePatch(input.patch);
        if (patches.length === 0) return "ERROR: no file in the patch";
        // Check every file before writing any, so a refused patch changes nothing.
        const planned: { abs: string; rel: string; text: string }[] = [];
        for (const p of patches) {
          const name = (p.newFileName && p.newFileName !== "/dev/null" ? p.newFileName : p.oldFileName ?? "").replace(/^[ab]\//, "");
          const { abs, rel } = resolveInWorktree(ws.worktree, name);
          const before = existsSync(abs) ? readFileSync(abs, "utf8") : "";
          const after = applyPatch(before, p);
          if (after === false) return `ERROR: the patch does not apply to ${rel}`;
          planned.push({ abs, rel, text: after });
        }
        for (const f of planned) {
          mkdirSync(dirname(f.abs), { recursive: true });
          writeFileSync(f.abs, f.text);
        }
        return `patched ${planned.map((f) => f.rel).join(", ")}`;
      }),
    {
      name: "apply_patch",
      description: "Apply a unified diff (paths relative to the repository root, a/ and b/ prefixes allowed).",
      schema: z.object({ patch: z.string().describe("the unified diff") }),
    },
  );

  const runCommand = tool(
    (input) =>
      guarded(async () => {
        const command = input.command.trim();
        if (!ws.allowlist.includes(command)) {
          throw new SandboxViolation("command", `command ${JSON.stringify(command)} is not on the allowlist (${ws.allowlist.map((c) => JSON.stringify(c)).join(", ")})`);
        }
        const result = await runInSandbox(command, ws.sandbox);
        ws.onCommand?.(command, result.exitCode);
        const status = result.timedOut ? `timed out after ${ws.sandbox.timeoutMs} ms` : `exit code ${result.exitCode}`;
        return `${status}\n${truncateOutput(result.output, ws.outputLimit)}`;
      }),
    {
      name: "run_command",
      description: `Run one allowlisted command in the repository, sandboxed with no network. Allowed: ${ws.allowlist.join(" | ")}`,
      schema: z.object({ command: z.string().describe("one of the allowed commands, exactly") }),
    },
  );

  return [search, readRange, editFile, patch, runCommand];
}

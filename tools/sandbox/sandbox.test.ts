import { describe, it, expect, beforeAll } from "vitest";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTwoFilesPatch } from "diff";
import { matchesGlob, resolveInWorktree, SandboxViolation } from "./paths.js";
import { runInSandbox, truncateOutput, type SandboxOptions } from "./exec.js";
import { sandboxTools } from "./tools.js";

describe("paths the model gives are confined to the worktree", () => {
  let root: string;
  let outside: string;
  beforeAll(() => {
    const base = mkdtempSync(join(tmpdir(), "selfheal-sandbox-"));
    root = join(base, "wt");
    outside = join(base, "outside");
    mkdirSync(join(root, "src"), { recursive: true });
    mkdirSync(outside);
    writeFileSync(join(outside, "secret.txt"), "s3cret");
    writeFileSync(join(root, "src", "a.ts"), "a");
    symlinkSync(outside, join(root, "escape"));
    symlinkSync(join(outside, "secret.txt"), join(root, "src", "secret-link.txt"));
    symlinkSync(join(root, "src"), join(root, "inside"));
    symlinkSync(join(base, "nowhere"), join(root, "dangling"));
  });

  it.each([
    ["../outside/secret.txt", /outside the worktree/],
    ["/etc/passwd", /outside the worktree/],
    ["src/../../outside/x", /outside the worktree/],
    ["escape/secret.txt", /symlink outside the worktree/],
    ["escape/new-file.ts", /symlink outside the worktree/],
    ["src/secret-link.txt", /symlink outside the worktree/],
    ["dangling", /dangling symlink/],
    [".git/config", /inside \.git/],
  ])("refuses %s", (given, message) => {
    expect(() => resolveInWorktree(root, given)).toThrow(SandboxViolation);
    expect(() => resolveInWorktree(root, given)).toThrow(message);
  });

  it("accepts paths inside, new files and symlinks that stay inside", () => {
    expect(resolveInWorktree(root, "src/a.ts").rel).toBe("src/a.ts");
    expect(resolveInWorktree(root, "./src/new/b.ts").rel).toBe("src/new/b.ts");
    expect(resolveInWorktree(root, "inside/a.ts").rel).toBe("inside/a.ts");
    expect(resolveInWorktree(root, join(root, "src/a.ts")).rel).toBe("src/a.ts");
  });

  it("an apply_patch touching any path outside writes nothing at all", async () => {
    const violations: string[] = [];
    const patchTool = sandboxTools({
      worktree: root,
      allowlist: ["npm test"],
      sandbox: { worktree: root, mode: "bubblewrap", timeoutMs: 5000, dependencies: null },
      outputLimit: 1000,
      onViolation: (v) => violations.push(v.message),
    }).find((t) => t.name === "apply_patch");
    const good = createTwoFilesPatch("a/src/a.ts", "b/src/a.ts", "a", "changed");
    const bad = createTwoFilesPatch("a/../outside/secret.txt", "b/../outside/secret.txt", "s3cret", "pwned");
    const result: unknown = await patchTool!.invoke({ patch: `${good}\n${bad}` });
    expect(String(result)).toMatch(/^REFUSED: path "\.\.\/outside\/secret\.txt" is outside the worktree/);
    expect(violations).toHaveLength(1);
    expect(readFileSync(join(root, "src/a.ts"), "utf8")).toBe("a");
    expect(readFileSync(join(outside, "secret.txt"), "utf8")).toBe("s3cret");
  });

  it("edits by exact unique replacement or by unified patch, inside the worktree", async () => {
    const tools = sandboxTools({
      worktree: root,
      allowlist: ["npm test"],
      sandbox: { worktree: root, mode: "bubblewrap", timeoutMs: 5000, dependencies: null },
      outputLimit: 1000,
      onViolation: () => {},
    });
    const run = async (name: string, args: Record<string, unknown>) => String(await tools.find((t) => t.name === name)!.invoke(args));
    writeFileSync(join(root, "src/b.ts"), "let x = 1;\nlet y = 1;\n");
    expect(await run("edit_file", { path: "src/b.ts", old: "= 1;", new: "= 2;" })).toBe("ERROR: the text to replace occurs 2 times in src/b.ts; it must occur exactly once");
    expect(await run("edit_file", { path: "src/b.ts", old: "let y = 1;", new: "let y = 2;" })).toBe("edited src/b.ts");
    const patch = createTwoFilesPatch("a/src/b.ts", "b/src/b.ts", "let x = 1;\nlet y = 2;\n", "let x = 3;\nlet y = 2;\n");
    expect(await run("apply_patch", { patch })).toBe("patched src/b.ts");
    expect(readFileSync(join(root, "src/b.ts"), "utf8")).toBe("let x = 3;\nlet y = 2;\n");
    expect(await run("apply_patch", { patch })).toBe("ERROR: the patch does not apply to src/b.ts");
    expect(await run("read_file", { path: "src/b.ts", from: 2, to: 2 })).toBe("2: let y = 2;");
  });

  it("matches forbidden-path globs as git paths", () => {
    expect(matchesGlob(".github/workflows/ci.yml", ".github/**")).toBe(true);
    expect(matchesGlob("pkg/.env", "**/.env")).toBe(true);
    expect(matchesGlob(".env", "**/.env")).toBe(true);
    expect(matchesGlob("src/vitest.config.ts", "**/vitest.config.*")).toBe(true);
    expect(matchesGlob("src/github.ts", ".github/**")).toBe(false);
    expect(matchesGlob("test/a.test.ts", "**/*.test.*")).toBe(true);
    expect(matchesGlob("src/testing.ts", "test/**")).toBe(false);
  });
});

describe("commands run sandboxed, scrubbed and time-limited", () => {
  let wt: string;
  const opts = (): SandboxOptions => ({ worktree: wt, mode: "bubblewrap", timeoutMs: 10_000, dependencies: null });
  beforeAll(() => {
    wt = mkdtempSync(join(tmpdir(), "selfheal-exec-"));
  });

  it("sees no tokens or keys from our environment, and no network interface but loopback", async () => {
    process.env["SELFHEAL_TEST_API_KEY"] = "sk-do-not-leak";
    try {
      const r = await runInSandbox("env; cat /proc/net/dev", opts());
      expect(r.exitCode).toBe(0);
      expect(r.output).not.toContain("sk-do-not-leak");
      expect(r.output).toContain("HOME=/tmp");
      const interfaces = r.output.split("\n").filter((l) => /^\s*\w+:/.test(l)).map((l) => l.trim().split(":")[0]);
      expect(interfaces).toEqual(["lo"]);
      const plain = await runInSandbox("env", { ...opts(), mode: "unsandboxed" });
      expect(plain.output).not.toContain("sk-do-not-leak");
    } finally {
      delete process.env["SELFHEAL_TEST_API_KEY"];
    }
  });

  it("does not show the credential stores in our home directory", async () => {
    // outside /tmp, which the sandbox replaces anyway
    const home = mkdtempSync("/var/tmp/selfheal-home-");
    mkdirSync(join(home, ".ssh"));
    writeFileSync(join(home, ".ssh", "id_ed25519"), "PRIVATE-KEY");
    writeFileSync(join(home, ".npmrc"), "//registry.npmjs.org/:_authToken=npm_SECRET");
    writeFileSync(join(home, "notes.txt"), "not a credential");
    const saved = process.env["HOME"];
    process.env["HOME"] = home;
    try {
      const r = await runInSandbox(`cat ${home}/.ssh/id_ed25519 ${home}/.npmrc ${home}/notes.txt`, opts());
      expect(r.output).not.toContain("PRIVATE-KEY");
      expect(r.output).not.toContain("npm_SECRET");
      expect(r.output).toContain("not a credential");
    } finally {
      process.env["HOME"] = saved;
      rmSync(home, { recursive: true, force: true });
    }
  });

  it("holds no capabilities, even when selfheal runs as root", async () => {
    const r = await runInSandbox("grep -E '^Cap(Prm|Eff|Amb):' /proc/self/status", opts());
    expect(r.output.trim().split("\n").map((l) => l.split(/\s+/)[1])).toEqual(["0000000000000000", "0000000000000000", "0000000000000000"]);
  });

  it("writes land in the worktree; the rest of the filesystem is read-only and /tmp is private", async () => {
    const hostTmpFile = join(tmpdir(), `selfheal-private-tmp-${process.pid}`);
    const r = await runInSandbox(`echo in > inside.txt && echo tmp > ${hostTmpFile} && touch /usr/selfheal-probe`, opts());
    expect(r.exitCode).not.toBe(0);
    expect(r.output).toMatch(/Read-only file system/);
    expect(readFileSync(join(wt, "inside.txt"), "utf8")).toBe("in\n");
    expect(existsSync(hostTmpFile)).toBe(false);
    expect(existsSync("/usr/selfheal-probe")).toBe(false);
  });

  it("the worktree's .git pointer cannot be rewritten from inside", async () => {
    writeFileSync(join(wt, ".git"), "gitdir: /somewhere/real\n");
    const r = await runInSandbox("printf 'gitdir: ./evil\\n' > .git || rm -f .git || mv .git moved", opts());
    expect(r.exitCode).not.toBe(0);
    expect(readFileSync(join(wt, ".git"), "utf8")).toBe("gitdir: /somewhere/real\n");
  });

  it("kills a command at its time limit, with its children", async () => {
    const r = await runInSandbox("sleep 30 & sleep 30; echo never", { ...opts(), timeoutMs: 800 });
    expect(r.timedOut).toBe(true);
    expect(r.exitCode).toBeNull();
    expect(r.durationMs).toBeLessThan(5000);
    expect(r.output).not.toContain("never");
  });

  it("cuts long output for the model, keeping the start and the end", () => {
    const text = `START${"x".repeat(10_000)}END`;
    const cut = truncateOutput(text, 500);
    expect(cut.length).toBeLessThan(600);
    expect(cut.startsWith("START")).toBe(true);
    expect(cut.endsWith("END")).toBe(true);
    expect(cut).toContain("characters cut");
  });
});

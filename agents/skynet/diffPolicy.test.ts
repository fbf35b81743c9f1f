import { describe, it, expect } from "vitest";
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { git } from "../../tools/codebase/git.js";
import { SkynetSettings } from "../../state/profileSections/skynet.js";
import { changedFiles, policyProblems } from "./diffPolicy.js";

async function repo(): Promise<{ dir: string; base: string }> {
  const dir = mkdtempSync(join(tmpdir(), "selfheal-policy-"));
  await git(dir, ["init", "-q", "-b", "main"]);
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "p", scripts: { test: "node --test" }, version: "1.0.0" }));
  writeFileSync(join(dir, "a.ts"), "export const a = 1;\n");
  mkdirSync(join(dir, "test"));
  writeFileSync(join(dir, "test", "a.test.ts"), "import './../a.ts';\n");
  await git(dir, ["add", "-A"]);
  await git(dir, ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "base"]);
  return { dir, base: (await git(dir, ["rev-parse", "HEAD"])).trim() };
}

describe("the diff policy, checked before anything the agent wrote runs", () => {
  it("refuses symlinks, binary files, secrets, lock files and a change to the test scripts, and counts untracked files", async () => {
    const { dir, base } = await repo();
    symlinkSync("/etc/passwd", join(dir, "passwd"));
    writeFileSync(join(dir, "blob.bin"), Buffer.from([0, 1, 2, 0, 255]));
    mkdirSync(join(dir, "config"));
    writeFileSync(join(dir, "config", ".env"), "KEY=x\n");
    writeFileSync(join(dir, "package-lock.json"), "{}\n");
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "p", scripts: { test: "true" }, version: "1.0.0" }));
    await git(dir, ["rm", "-q", "test/a.test.ts"]);
    const files = await changedFiles(dir, base);
    expect(files.map((f) => f.path).sort()).toEqual(["blob.bin", "config/.env", "package-lock.json", "package.json", "passwd", "test/a.test.ts"]);
    const problems = await policyProblems(dir, base, files, SkynetSettings.parse({}));
    expect(problems).toEqual(
      expect.arrayContaining([
        "adds a symlink at passwd",
        "adds or changes binary file blob.bin, which the line limit cannot measure",
        "touches forbidden path config/.env (matches **/.env)",
        "touches forbidden path package-lock.json (matches package-lock.json)",
        "changes package.json scripts, the test command's own configuration",
        "deletes test file test/a.test.ts",
      ]),
    );
  });

  it("lets a package.json change outside its scripts through, and enforces the size limits", async () => {
    const { dir, base } = await repo();
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "p", scripts: { test: "node --test" }, version: "1.0.1" }));
    writeFileSync(join(dir, "a.ts"), Array.from({ length: 30 }, (_, i) => `export const a${i} = ${i};`).join("\n"));
    const files = await changedFiles(dir, base);
    expect(await policyProblems(dir, base, files, SkynetSettings.parse({}))).toEqual([]);
    const tight = SkynetSettings.parse({ maxFilesChanged: 1, maxLinesChanged: 10 });
    expect(await policyProblems(dir, base, files, tight)).toEqual(["changes 2 files, over the limit of 1", "changes 33 lines, over the limit of 10"]);
    expect(await policyProblems(dir, base, [], tight)).toEqual(["the agent changed nothing"]);
  });
});

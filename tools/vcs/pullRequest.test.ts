import { describe, it, expect } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { git } from "../codebase/git.js";
import { pushBranch } from "./pullRequest.js";

const AUTHOR = ["-c", "user.name=t", "-c", "user.email=t@t"];

describe("what Skynet pushes", () => {
  it("is only its own selfheal/* branch: the default branch and any other branch are refused before git runs", async () => {
    const remote = mkdtempSync(join(tmpdir(), "selfheal-push-remote-"));
    const repo = mkdtempSync(join(tmpdir(), "selfheal-push-"));
    await git(remote, ["init", "-q", "--bare", "-b", "main"]);
    await git(repo, ["init", "-q", "-b", "main"]);
    writeFileSync(join(repo, "a.txt"), "a\n");
    await git(repo, ["add", "-A"]);
    await git(repo, [...AUTHOR, "commit", "-q", "-m", "base"]);
    await git(repo, ["remote", "add", "origin", remote]);
    await git(repo, ["push", "-q", "origin", "main"]);
    const mainBefore = (await git(remote, ["rev-parse", "main"])).trim();
    // a change on main and on a fix branch, as a model that obeyed "push to main" would leave them
    writeFileSync(join(repo, "a.txt"), "pwned\n");
    await git(repo, [...AUTHOR, "commit", "-q", "-am", "obeyed"]);
    await git(repo, ["branch", "selfheal/sh-1"]);
    await git(repo, ["branch", "release"]);

    for (const branch of ["main", "release", "selfheal-main", "selfheal/sh-1:refs/heads/main", "selfheal/../main"]) {
      await expect(pushBranch(repo, { remote: "origin", branch, defaultBranch: "main" })).rejects.toThrow(/refusing to push .*: Skynet pushes only its own selfheal\/\* branches, never main/);
    }
    await expect(pushBranch(repo, { remote: "origin", branch: "selfheal/main", defaultBranch: "selfheal/main" })).rejects.toThrow(/refusing to push/);
    expect((await git(remote, ["rev-parse", "main"])).trim()).toBe(mainBefore);
    expect((await git(remote, ["branch", "--list"])).trim()).toBe("* main");

    await pushBranch(repo, { remote: "origin", branch: "selfheal/sh-1", defaultBranch: "main" });
    expect((await git(remote, ["branch", "--list", "selfheal/sh-1"])).trim()).toBe("selfheal/sh-1");
    expect((await git(remote, ["rev-parse", "main"])).trim()).toBe(mainBefore);
  });
});

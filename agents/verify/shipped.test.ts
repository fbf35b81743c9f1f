import { describe, it, expect, afterEach } from "vitest";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Octokit } from "@octokit/rest";
import { shippedFix, type ShipSources } from "./shipped.js";
import { openWarehouse, type Warehouse } from "../../warehouse/index.js";
import { LocalTracker } from "../../tools/tracker/local.js";
import { FakeGitHubServer } from "../../testing/fakeGitHub.js";
import { tempDir } from "../../testing/events.js";
import { fixAttempt, newTicket } from "../../testing/records.js";
import { git } from "../../tools/codebase/git.js";

const AUTHOR = ["-c", "user.name=t", "-c", "user.email=t@example.invalid"];

async function commitAt(repo: string, file: string, at: string, extra: string[] = []): Promise<string> {
  writeFileSync(join(repo, file), at);
  await git(repo, ["add", "-A"]);
  await git(repo, [...AUTHOR, "commit", "-q", "-m", file, ...extra], { env: { GIT_AUTHOR_DATE: at, GIT_COMMITTER_DATE: at } });
  return (await git(repo, ["rev-parse", "HEAD"])).trim();
}

describe("when a fix counts as shipped", () => {
  let warehouse: Warehouse;
  let github: FakeGitHubServer | null = null;
  afterEach(async () => {
    await warehouse.close();
    await github?.stop();
  });

  it("a fix commit counts once it reaches the default branch, at the merge commit's time; a prepared branch never does", async () => {
    const dir = tempDir();
    warehouse = openWarehouse(join(dir, "w.db"));
    const repo = join(dir, "repo");
    mkdirSync(repo);
    await git(repo, ["init", "-q", "-b", "main"]);
    await commitAt(repo, "a.txt", "2026-03-01T00:00:00Z");
    await git(repo, ["branch", "selfheal/sh-1"]);
    const ticket = await warehouse.insertTicket(newTicket("exc-1"));
    const sources: ShipSources = { tracker: new LocalTracker(warehouse), repo: { path: repo, defaultBranch: "main" }, github: null };
    // Skynet prepared the branch (no fix commit): not shipped, though the branch points into main.
    expect(await shippedFix(ticket, fixAttempt(ticket.id, { status: "needs_model", branch: "selfheal/sh-1" }), sources)).toBeNull();

    await git(repo, ["checkout", "-q", "selfheal/sh-1"]);
    const fix = await commitAt(repo, "fix.txt", "2026-03-02T00:00:00Z");
    const details = { attempt: 1, problems: [], violations: [], files: [], reproTests: [], checks: [], steps: 1, tokens: 1, patchPath: null, commit: fix };
    const attempt = fixAttempt(ticket.id, { status: "pr_opened", branch: "selfheal/sh-1", details });
    expect(await shippedFix(ticket, attempt, sources)).toBeNull(); // not merged yet
    await git(repo, ["checkout", "-q", "main"]);
    await commitAt(repo, "b.txt", "2026-03-03T00:00:00Z");
    await git(repo, [...AUTHOR, "merge", "--no-ff", "-q", "-m", "merge", "selfheal/sh-1"], { env: { GIT_COMMITTER_DATE: "2026-03-05T12:00:00Z" } });
    expect(await shippedFix(ticket, attempt, sources)).toMatchObject({ at: "2026-03-05T12:00:00.000Z", by: "branch_merged" });
    // Evidence no later than a reopened shipment is not a new shipment.
    expect(await shippedFix(ticket, attempt, sources, "2026-03-05T12:00:00.000Z")).toBeNull();
  });

  it("a pull request counts once GitHub says it was merged; a ticket once the tracker marks it done", async () => {
    warehouse = openWarehouse(join(tempDir(), "w.db"));
    github = new FakeGitHubServer({ owner: "acme", repo: "app", token: "t0k", defaultBranch: "main", branchExists: async () => true });
    const baseUrl = await github.start();
    const octokit = new Octokit({ auth: "t0k", baseUrl });
    const created = await octokit.rest.pulls.create({ owner: "acme", repo: "app", head: "selfheal/sh-2", base: "main", title: "fix" });
    const ticket = await warehouse.insertTicket(newTicket("exc-2"));
    const sources: ShipSources = { tracker: new LocalTracker(warehouse), repo: null, github: { octokit, owner: "acme", repo: "app" } };
    const attempt = fixAttempt(ticket.id, { status: "pr_opened", prUrl: created.data.html_url });
    expect(await shippedFix(ticket, attempt, sources)).toBeNull();
    github.merge(created.data.number, new Date("2026-04-01T08:00:00Z"));
    expect(await shippedFix(ticket, attempt, sources)).toEqual({ at: "2026-04-01T08:00:00.000Z", by: "pr_merged", ref: created.data.html_url });

    const other = await warehouse.insertTicket(newTicket("exc-3"));
    expect(await shippedFix(other, null, sources)).toBeNull();
    const done = await warehouse.updateTicket(other.id, { status: "done" });
    expect(await shippedFix(done, null, sources)).toEqual({ at: done.updatedAt, by: "tracker_done", ref: done.url });
    expect(github.violations).toEqual([]);
  });
});

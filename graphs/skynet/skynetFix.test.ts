import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { ScriptedChatModel } from "../../testing/scriptedModel.js";
import { withWarehouse } from "../../testing/demoWeek.js";
import { git } from "../../tools/codebase/git.js";
import { branchFor } from "../../agents/skynet/attemptFix.js";
import { FakeGitHubServer } from "../../testing/fakeGitHub.js";
import { call, fileBug, FIX, REPRO, runSkynet, skynetWorld, type SkynetWorld } from "../../testing/skynetWorld.js";
import { openProposal } from "../../agents/skynet/proposal.js";
import { loadProfile } from "../../state/loadProfile.js";

const SCHEMA_BUG = { title: "GET /api/workflows/:id fails its schema", body: "steps[2].config expected object, got null (14 sessions)", path: "src/api/workflows.ts", line: 40 };

describe("Skynet with a scripted model, through the PR gate to a fake GitHub", () => {
  let world: SkynetWorld;
  let github: FakeGitHubServer;
  const saved = { token: process.env["GITHUB_TOKEN"], url: process.env["GITHUB_API_URL"] };

  beforeAll(async () => {
    world = await skynetWorld({ github: true });
    github = new FakeGitHubServer({
      owner: "acme",
      repo: "acme-app",
      token: "test-token",
      defaultBranch: "main",
      branchExists: async (b) => (await git(world.remote, ["branch", "--list", b])).trim().length > 0,
    });
    process.env["GITHUB_TOKEN"] = "test-token";
    process.env["GITHUB_API_URL"] = await github.start();
  });
  afterAll(async () => {
    await github.stop();
    for (const [k, v] of [["GITHUB_TOKEN", saved.token], ["GITHUB_API_URL", saved.url]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it("reproduces, fixes, verifies, stops at the gate with the diff, and opens the PR on the edited title", async () => {
    const ticket = await fileBug(world, SCHEMA_BUG);
    const model = new ScriptedChatModel([
      call("read_file", { path: "src/api/workflows.ts", from: 34, to: 43 }),
      call("edit_file", { path: "test/unconfigured-step.test.ts", old: "", new: REPRO }),
      call("run_command", { command: "npm test" }),
      FIX,
      call("run_command", { command: "npm test" }),
      "Steps without config now serialize as {}; the new test covers it.",
    ]);
    const run = await runSkynet(world, model, "good");
    const { gate, values } = await run.state();
    expect(model.remaining).toBe(0);
    // the model saw the failing test, then the passing one, from the sandbox
    const toolResults = model.calls.at(-1)!.messages.filter((m) => m.getType() === "tool").map((m) => String(m.content));
    expect(toolResults[2]).toMatch(/^exit code 1/);
    expect(toolResults[4]).toMatch(/^exit code 0/);
    expect(gate?.action_request.action).toBe("open_pull_request");
    expect(gate?.config).toEqual({ allow_accept: true, allow_edit: true, allow_respond: true, allow_ignore: true });
    const args = gate!.action_request.args as { diff: string; tests: { before: string; after: string }; branch: string };
    expect(args.diff).toContain("+    steps: workflow.steps.map((step) => ({ id: step.id, type: step.type, name: step.name, config: step.config ?? {} })),");
    expect(args.diff).toContain("test/unconfigured-step.test.ts");
    expect(args.tests.before).toMatch(/^failed \(exit 1\): \d+ of \d+ tests passed, 1 failed$/);
    expect(args.tests.after).toMatch(/^passed: (\d+) of \1 tests passed, 0 failed$/);
    expect(values.pending?.attempt.details?.reproTests).toEqual(["test/unconfigured-step.test.ts"]);
    expect(gate?.description).toContain("Reproduction: test/unconfigured-step.test.ts fails on main and passes with the fix.");
    expect(github.requests).toEqual([]);

    const after = await run.resume({ type: "edit", args: { action: "open_pull_request", args: { title: "Fix workflow schema for unconfigured steps" } } });
    expect(github.violations).toEqual([]);
    expect(github.pulls).toHaveLength(1);
    const pr = github.pulls[0]!;
    expect(pr).toMatchObject({ head: branchFor(ticket), base: "main", title: "Fix workflow schema for unconfigured steps" });
    expect(pr.body).toContain(ticket.url);
    expect(pr.body).toContain(args.tests.after);
    // pushed to the remote, main untouched there and here
    expect((await git(world.remote, ["rev-parse", branchFor(ticket)])).trim()).toBe((await git(world.repo, ["rev-parse", branchFor(ticket)])).trim());
    expect((await git(world.remote, ["rev-parse", "main"])).trim()).toBe((await git(world.repo, ["rev-parse", "main"])).trim());
    expect(await git(world.repo, ["show", "main:src/api/workflows.ts"])).toContain("step.config ?? null");
    const line = after.values.fixSummary?.attempts.find((a) => a.ticket === ticket.id);
    expect(line).toMatchObject({ status: "pr_opened", branch: branchFor(ticket), pr: { url: pr.html_url }, tests: args.tests });
    const stored = await withWarehouse(world.demo, async (w) => ({ t: await w.ticket(ticket.id), a: await w.fixAttempt(ticket.id) }));
    expect(stored.t?.status).toBe("in_review");
    expect(stored.t?.body).toContain(pr.html_url);
    expect(stored.a?.details?.commit).toMatch(/^[0-9a-f]{40}$/);

    // one PR per ticket: sending the same proposal again (a run resumed after a crash) updates it
    const again = await openProposal(values.pending!.proposal, { loaded: loadProfile(world.demo.settings.config), dataDir: world.demo.settings.dataDir, title: "retitled", body: "b" });
    expect(again.url).toBe(pr.html_url);
    expect(again.reason).toContain("updated pull request #1");
    expect(github.pulls).toHaveLength(1);
    expect(github.requests.filter((r) => r.method === "POST")).toHaveLength(1);
    expect(github.requests.every((r) => !/merge/.test(r.path))).toBe(true);
  }, 60_000);
});

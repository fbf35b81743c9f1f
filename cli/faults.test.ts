import { describe, it, expect, afterAll } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { FakeOpenAIServer, type FakeReply, type FakeRequest } from "../testing/fakeOpenAI.js";
import { FakeLinearServer } from "../testing/fakeLinear.js";
import { FakeGitHubServer } from "../testing/fakeGitHub.js";
import { FaultPlan } from "../testing/faultPlan.js";
import { runCli } from "../testing/cli.js";
import { fileBug, skynetWorld } from "../testing/skynetWorld.js";
import { withWarehouse } from "../testing/demoWeek.js";
import { git } from "../tools/codebase/git.js";
import { REPORT_TOOL } from "../agents/analysts/llm/prompt.js";

const KEYS = { OPENAI_API_KEY: "sk-faults", LINEAR_API_KEY: "lin_api_faults", GITHUB_TOKEN: "ghp_faults" };
/** Fast retries and a short timeout, so that the faults' waits stay short; the circuit stays closed at 20%. */
const SERVICES = { maxRetries: 6, retryBaseMs: 1, retryMaxMs: 50, timeoutMs: 1_000, circuitFailures: 10, circuitCooldownMs: 60_000 };

/**
 * The answer is a function of the request alone, so a request sent again after a lost reply gets the same
 * answer: a report for the gatherer; for Skynet, the demo's workflow fix, a test run, then its summary;
 * plain text for the PM (its deterministic search keeps the run going).
 */
function answer(req: FakeRequest): FakeReply {
  const tools = JSON.stringify(req.body.tools ?? []);
  const messages = req.body.messages ?? [];
  if (tools.includes(REPORT_TOOL)) {
    const user = String([...messages].reverse().find((m) => m.role === "user")?.content ?? "");
    const ids = [...user.matchAll(/^(e\d+) /gm)].map((m) => m[1] ?? "");
    return { toolCalls: [{ name: REPORT_TOOL, args: { userIntent: "Use the app.", userSuccess: "Partly.", improvement: "", department: "product", score: 6, outcome: "partial", evidence: ids.slice(0, 1) } }] };
  }
  if (tools.includes("edit_file")) {
    const step = messages.filter((m) => m.role === "assistant").length;
    if (step === 0) return { toolCalls: [{ name: "edit_file", args: { path: "src/api/workflows.ts", old: "config: step.config ?? null", new: "config: step.config ?? {}" } }] };
    if (step === 1) return { toolCalls: [{ name: "run_command", args: { command: "npm test" } }] };
    return { content: "Unconfigured steps serialize as {}." };
  }
  return { content: "Nothing further." };
}

describe("a weekly run with the models, Linear and GitHub all at 20% faults (CLI)", () => {
  const openai = new FakeOpenAIServer(answer);
  const linear = new FakeLinearServer(KEYS.LINEAR_API_KEY);
  let github: FakeGitHubServer | null = null;
  afterAll(async () => {
    await openai.stop();
    await linear.stop();
    await github?.stop();
  });

  it("finishes, with a report for every session, and every ticket and PR exactly once", async () => {
    const world = await skynetWorld({ github: true, sessions: 60 });
    const config = world.demo.settings.config!;
    const profile = JSON.parse(readFileSync(config, "utf8")) as Record<string, unknown>;
    const models = { gatherer: "gpt-4o-mini", pm: "gpt-4o-mini", skynet: "gpt-4o-mini" };
    await linear.start();
    writeFileSync(config, JSON.stringify({ ...profile, models, tracker: { kind: "linear" }, linear: { team: "ENG", apiUrl: linear.url }, services: SERVICES, gatherer: { maxRetries: 6, retryBaseMs: 1, retryMaxMs: 50, timeoutMs: 1_000, requestsPerMinute: 100_000 } }));
    const bug = await fileBug(world, { title: "workflow schema", body: "steps[2].config expected object, got null", path: "src/api/workflows.ts", line: 40 });
    github = new FakeGitHubServer({ owner: "acme", repo: "acme-app", token: KEYS.GITHUB_TOKEN, defaultBranch: "main", branchExists: async (b) => (await git(world.remote, ["branch", "--list", b])).trim().length > 0 });
    const env = { ...KEYS, SELFHEAL_LOG_FORMAT: "json", OPENAI_BASE_URL: await openai.start(), GITHUB_API_URL: await github.start() };
    openai.faults = new FaultPlan({ share: 0.2, seed: 7, timeoutHangMs: 1_500 });
    linear.faults = new FaultPlan({ share: 0.2, seed: 53, timeoutHangMs: 1_500 });
    github.faults = new FaultPlan({ share: 0.2, seed: 144, timeoutHangMs: 1_500 });

    const args = ["--db", world.demo.settings.db, "--config", config, "run", "--week", world.demo.week, "--yes", "--json"];
    const run = await runCli(args, { env });
    const faults = { model: Object.fromEntries(openai.faults.injected), linear: Object.fromEntries(linear.faults.injected), github: Object.fromEntries(github.faults.injected) };
    console.info(`requests: model ${openai.requests.length}, Linear ${linear.calls.length}, GitHub ${github.requests.length}; faults ${JSON.stringify(faults)}`);
    expect(run.code, run.stderr.slice(-3000)).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: "done" });

    const sessions = await withWarehouse(world.demo, (w) => w.countSessions(world.demo.week));
    const reports = await withWarehouse(world.demo, (w) => w.listReports({ week: world.demo.week }));
    // Every session has a report or its failure's reason stored (issue #13).
    const failures = await withWarehouse(world.demo, (w) => w.listFailures({ week: world.demo.week }));
    const failed = new Set(failures.map((f) => f.sessionId));
    expect(new Set([...reports.map((r) => r.sessionId), ...failed]).size).toBe(sessions);
    for (const f of failures) expect(f.reason).not.toBe("");
    const tickets = await withWarehouse(world.demo, (w) => w.listTickets());
    expect(linear.issues.length).toBeGreaterThan(0);
    // every ticket the PM filed is in Linear once, and every Linear issue is a ticket
    const markers = linear.issues.map((i) => /selfheal-pattern:(\S+)/.exec(i.description)?.[1]);
    expect(new Set(markers).size).toBe(linear.issues.length);
    // every ticket the PM filed is in Linear once, and every Linear issue is a ticket
    expect([...markers].sort()).toEqual(tickets.filter((t) => t.id !== bug.id).map((t) => t.fingerprint).sort());
    expect(linear.rejected).toEqual([]);
    const attempts = await withWarehouse(world.demo, (w) => w.listFixAttempts());
    const opened = attempts.filter((a) => a.status === "pr_opened");
    expect(opened.map((a) => a.ticketId)).toContain(bug.id);
    expect(github.pulls.map((p) => p.head).sort()).toEqual([...new Set(opened.map((a) => a.branch))].sort());
    expect(github.violations).toEqual([]);

    // run again: nothing new filed, nothing opened twice
    const again = await runCli(args, { env });
    expect(again.code, again.stderr.slice(-3000)).toBe(0);
    expect(linear.issues.map((i) => /selfheal-pattern:(\S+)/.exec(i.description)?.[1]).sort()).toEqual([...markers].sort());
    expect(github.pulls).toHaveLength(opened.length);
    console.info(`weekly run at 20% faults: model ${openai.faults.total}, Linear ${linear.faults.total}, GitHub ${github.faults.total} faults injected ${JSON.stringify(faults)}; ${sessions} sessions, ${reports.length} reports, ${failed.size} failures recorded; ${tickets.length} tickets, ${linear.issues.length} Linear issues; ${github.pulls.length} PRs`);
    for (const plan of [openai.faults, linear.faults, github.faults]) expect(plan.total, JSON.stringify(faults)).toBeGreaterThanOrEqual(2);
  }, 300_000);
});

import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { FakeOpenAIServer, type FakeReply } from "../../testing/fakeOpenAI.js";
import { runCli } from "../../testing/cli.js";
import { seedDemoWeek, withWarehouse, type DemoWeek } from "../../testing/demoWeek.js";
import { REPORT_TOOL } from "../../agents/analysts/llm/prompt.js";
import { newTicket } from "../../testing/records.js";
import { buildPatterns } from "../../agents/pm/buildPatterns.js";
import { loadProfile } from "../../state/loadProfile.js";

const SESSIONS = 120;
const reply = (): FakeReply => ({ toolCalls: [{ name: REPORT_TOOL, args: { userIntent: "Use the product.", userSuccess: "Unclear.", improvement: "", department: "product", score: 5, outcome: "partial", evidence: ["e1"] } }] });

/** A simulated week whose profile names a gatherer model and an embeddings model, with these gatherer settings. */
async function week(gatherer: Record<string, unknown>): Promise<{ demo: DemoWeek; args: string[] }> {
  const demo = await seedDemoWeek({ sessions: SESSIONS, seed: 61 });
  const config = join(demo.settings.dataDir, "cascade.config.json");
  const profile = JSON.parse(readFileSync(demo.settings.config ?? "", "utf8")) as Record<string, unknown>;
  const limits = { requestsPerMinute: 100_000, concurrency: 8 };
  writeFileSync(config, JSON.stringify({ ...profile, models: { gatherer: "gpt-4o-mini", embeddings: "text-embedding-3-small" }, gatherer: { ...limits, ...gatherer } }));
  return { demo, args: ["--db", demo.settings.db, "--config", config] };
}

describe("selfheal gather with gatherer.mode cascade, and triage with embeddings, against the local fake OpenAI server", () => {
  const server = new FakeOpenAIServer(reply);
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => (env = { OPENAI_BASE_URL: await server.start(), OPENAI_API_KEY: "test-key" }));
  afterAll(() => server.stop());
  const chatRequests = () => server.requests.filter((r) => r.path.endsWith("/chat/completions")).length;

  it("sends only the sessions below the threshold to the model, where the model mode sends every one", async () => {
    const model = await week({});
    const before = chatRequests();
    const all = await runCli([...model.args, "gather", "--analyst", "llm", "--json"], { env });
    expect(all.code, all.stderr).toBe(0);
    const total = await withWarehouse(model.demo, (w) => w.countSessions());
    expect(chatRequests() - before).toBe(total);

    const cascade = await week({ mode: "cascade", cascadeThreshold: 0.7 });
    const start = chatRequests();
    const run = await runCli([...cascade.args, "gather", "--json"], { env });
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout) as { analyst: string; scored: number; escalated: number };
    expect(summary).toMatchObject({ analyst: "cascade", scored: total });
    expect(summary.escalated).toBeGreaterThan(0);
    expect(summary.escalated).toBeLessThan(total);
    expect(chatRequests() - start).toBe(summary.escalated);
    process.stderr.write(`cascade vs model on ${total} demo sessions: ${summary.escalated} vs ${total} model requests\n`);

    // The reports that speak for the week: the model's for the escalated sessions, the rules' for the rest.
    const reports = await runCli([...cascade.args, "reports", "--json"], { env });
    const listed = JSON.parse(reports.stdout) as { analyst: string }[];
    expect(listed).toHaveLength(total);
    expect(listed.filter((r) => r.analyst === "llm")).toHaveLength(summary.escalated);

    // A bug ticketed before the code moved (same words, old fingerprint): triage recalls it by its embedding.
    const profile = loadProfile(cascade.args[3] ?? "");
    const patterns = await withWarehouse(cascade.demo, (w) => buildPatterns(w, cascade.demo.week, profile.profile, profile.repoPath));
    const bug = patterns.find((p) => p.kind === "bug" && p.decision === "ticket");
    if (!bug) throw new Error("the demo week has no bug to ticket");
    const old = await withWarehouse(cascade.demo, (w) => w.insertTicket(newTicket("exc-before-the-refactor", { title: bug.title })));
    const embedded = server.requests.filter((r) => r.path.endsWith("/embeddings")).length;
    const triage = await runCli([...cascade.args, "triage", "--yes", "--json"], { env });
    expect(triage.code, triage.stderr).toBe(0);
    expect(server.requests.filter((r) => r.path.endsWith("/embeddings")).length).toBeGreaterThan(embedded);
    const filed = (JSON.parse(triage.stdout) as { patterns: { title: string; ticket: { id: string } | null }[] }).patterns.find((p) => p.title === bug.title);
    expect(filed?.ticket?.id).toBe(old.id);
  });

  it("refuses --analyst cascade without a model endpoint, naming what to set (exit 2)", async () => {
    const { args } = await week({});
    const run = await runCli([...args, "gather", "--analyst", "cascade"], { env: { OPENAI_BASE_URL: "", OPENAI_API_KEY: "" } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/OPENAI_API_KEY or OPENAI_BASE_URL/);
  });
});

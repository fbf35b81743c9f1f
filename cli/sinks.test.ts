import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { withWarehouse } from "../testing/demoWeek.js";
import { jsonLines } from "../testing/events.js";
import { PLANTED, PLANTED_ENCODED, PLANTED_FIELDS, plantedSessions } from "../testing/plantedSecrets.js";
import { FakeOpenAIServer, type FakeReply, type FakeRequest } from "../testing/fakeOpenAI.js";
import { FakeLinearServer } from "../testing/fakeLinear.js";
import { FakeGitHubServer } from "../testing/fakeGitHub.js";
import { skynetWorld, type SkynetWorld } from "../testing/skynetWorld.js";
import { freePort } from "../testing/freePort.js";
import { startServe, type ServingApp } from "../testing/serve.js";
import { checkpointText, derivedRowsText, expectNothingOf, remoteText, servedPages, writtenFiles } from "../testing/sinkTexts.js";
import { runCli, type CliResult } from "../testing/cli.js";
import { git } from "../tools/codebase/git.js";
import { ingestFile } from "../connectors/ingest.js";
import { csvHeaderFix } from "../testing/csvHeaderFix.js";
import { REPORT_TOOL } from "../agents/analysts/llm/prompt.js";

const KEYS = { OPENAI_API_KEY: "sk-proj-SINKSopenaiKEY0123456789abcdefXYZ", LINEAR_API_KEY: "lin_api_SINKSlinearKEY0123456789abcdefghijklmn", GITHUB_TOKEN: "ghp_SINKSgithubTOKEN0123456789abcdefghij" };
/** Every planted string, plain and as a URL carries it, and the configured keys: none may reach a sink. */
const SECRETS: Record<string, string> = { ...PLANTED, ...Object.fromEntries(PLANTED_ENCODED.map((s, i) => [`encoded ${i}`, s])), ...KEYS };

type Role = "gatherer" | "pm" | "skynet";
function roleOf(req: FakeRequest): Role {
  const tools = JSON.stringify(req.body.tools ?? []);
  return tools.includes(REPORT_TOOL) ? "gatherer" : tools.includes('"edit_file"') ? "skynet" : "pm";
}

/** Reports for the gatherer, plain text for the PM (its fallbacks keep the run going), the script for Skynet. */
function answer(req: FakeRequest): FakeReply {
  const role = roleOf(req);
  if (role === "skynet") return csvHeaderFix(req);
  if (role === "pm") return { content: "Nothing further." };
  const user = [...(req.body.messages ?? [])].reverse().find((m) => m.role === "user" && String(m.content).includes("<transcript>"));
  const ids = [...String(user?.content ?? "").matchAll(/^(e\d+) /gm)].map((m) => m[1] ?? "");
  const failed = /exception|error/i.test(String(user?.content ?? ""));
  // A model quotes what it read: the report carries the transcript's error line, so its redaction is tested too.
  const quoted = /^e\d+ .*ERROR .*$/m.exec(String(user?.content ?? ""))?.[0] ?? "an ImportError";
  return { toolCalls: [{ name: REPORT_TOOL, args: { userIntent: "Import a file.", userSuccess: failed ? `The import failed: ${quoted}` : "Browsed.", improvement: "", department: "product", score: failed ? 2 : 7, outcome: failed ? "failure" : "partial", evidence: ids.slice(0, 2) } }] };
}

const PLANTED_SESSIONS = 8;

describe("planted secrets and personal data reach no sink of a weekly run with models, Linear and GitHub", () => {
  let world: SkynetWorld;
  let openai: FakeOpenAIServer;
  let linear: FakeLinearServer;
  let github: FakeGitHubServer;
  let run: CliResult;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    world = await skynetWorld({ github: true, sessions: 40, seed: 23, skynet: { maxTicketsPerRun: 1 } });
    const { demo } = world;
    const planted = join(demo.settings.dataDir, "planted.jsonl");
    writeFileSync(planted, jsonLines(plantedSessions(demo.week, PLANTED_SESSIONS)));
    await withWarehouse(demo, (w) => ingestFile(w, planted));
    openai = new FakeOpenAIServer(answer);
    linear = new FakeLinearServer(KEYS.LINEAR_API_KEY);
    github = new FakeGitHubServer({
      owner: "acme",
      repo: "acme-app",
      token: KEYS.GITHUB_TOKEN,
      defaultBranch: "main",
      branchExists: async (b) => (await git(world.remote, ["branch", "--list", b])).trim().length > 0,
    });
    const baseUrl = await openai.start();
    await linear.start();
    const profile = JSON.parse(readFileSync(demo.settings.config!, "utf8")) as Record<string, unknown>;
    const models = { gatherer: "gpt-4o-mini", pm: "gpt-4o-mini", skynet: "gpt-4o-mini" };
    const services = { retryBaseMs: 1, retryMaxMs: 10 };
    writeFileSync(demo.settings.config!, JSON.stringify({ ...profile, models, services, tracker: { kind: "linear" }, linear: { team: "ENG", apiUrl: linear.url }, gatherer: { retryBaseMs: 1, requestsPerMinute: 100_000 } }));
    env = { ...KEYS, OPENAI_BASE_URL: baseUrl, GITHUB_API_URL: await github.start(), SELFHEAL_LOG_LEVEL: "debug" };
    run = await runCli(["--db", demo.settings.db, "--config", demo.settings.config!, "run", "--week", demo.week, "--yes", "--json"], { env });
  }, 300_000);
  afterAll(async () => {
    await openai.stop();
    await linear.stop();
    await github.stop();
  });

  it("the run used every sink: the three models, Linear, GitHub, reports, tickets, a brief, a PR and the digest", async () => {
    expect(run.code, run.stderr).toBe(0);
    const roles = new Set(openai.requests.map(roleOf));
    expect([...roles].sort()).toEqual(["gatherer", "pm", "skynet"]);
    expect(linear.issues.length, run.stdout.slice(0, 3000)).toBeGreaterThan(0);
    expect(github.pulls, run.stdout.slice(0, 3000)).toHaveLength(1);
    expect(github.violations).toEqual([]);
    const ticket = await withWarehouse(world.demo, async (w) => (await w.listTickets()).find((t) => t.status === "in_review"));
    expect(ticket?.body).toContain("ImportError");
    const reports = await withWarehouse(world.demo, async (w) => (await w.listReports({ week: world.demo.week })).filter((r) => r.sessionId.startsWith("planted-session")));
    expect(reports).toHaveLength(PLANTED_SESSIONS);
    expect(writtenFiles(world.demo.settings.dataDir).some((f) => /brief/i.test(f))).toBe(true);
  });

  it(`no planted string (${Object.keys(PLANTED).length} kinds in ${PLANTED_FIELDS.length} fields) is in a model request, a Linear or GitHub payload, the remote, a log line, a checkpoint, a stored row, a written file or a page`, async () => {
    const byRole = (role: Role) => openai.requests.filter((r) => roleOf(r) === role).map((r) => r.rawBody).join("\n");
    const sinks: Record<string, string> = {
      "gatherer model requests": byRole("gatherer"),
      "PM model requests": byRole("pm"),
      "Skynet model requests": byRole("skynet"),
      "Linear payloads": JSON.stringify(linear.calls),
      "GitHub payloads": JSON.stringify(github.requests.map((r) => ({ ...r, authorization: null }))),
      "PR bodies and titles": JSON.stringify(github.pulls),
      "git remote (branches, commits, diffs)": await remoteText(world.remote),
      stdout: run.stdout,
      "logs (stderr)": run.stderr,
      checkpoints: checkpointText(world.demo.settings.db),
      ...derivedRowsText(world.demo.settings.db),
    };
    for (const file of writtenFiles(world.demo.settings.dataDir)) sinks[file] = readFileSync(file, "utf8");
    expect(Object.keys(sinks).some((k) => k.endsWith(".html")), "a digest was written").toBe(true);
    expect(run.stderr.split("\n").length, "debug logs were on").toBeGreaterThan(20);
    expectNothingOf(SECRETS, sinks);
  });

  it("nor is any in a page of the review app, fetched over HTTP", async () => {
    const { demo } = world;
    const [patterns, attempted] = await withWarehouse(demo, async (w) => {
      const tickets = await w.listTickets();
      const attempts = await Promise.all(tickets.map((t) => w.fixAttempt(t.id)));
      return [await w.listPatterns(demo.week), tickets.filter((_t, i) => attempts[i])] as const;
    });
    let app: ServingApp | null = null;
    try {
      app = await startServe(["--db", demo.settings.db, "--config", demo.settings.config!], ["--port", String(await freePort())]);
      const paths = [`/?week=${demo.week}`, `/patterns?week=${demo.week}`, "/tickets", "/attempts", "/gates", "/sessions/planted-session-000", ...patterns.map((p) => `/patterns/${p.fingerprint}?week=${demo.week}`), ...attempted.map((t) => `/attempts/${t.id}`)];
      const pages = await servedPages(app.url, paths);
      expect(pages["page /sessions/planted-session-000"]).toContain("ImportError");
      expectNothingOf(SECRETS, pages);
    } finally {
      app?.child.kill("SIGTERM");
      await app?.exited;
    }
  }, 120_000);
});

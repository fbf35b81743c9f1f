import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { seedDemoWeek, withWarehouse, type DemoWeek } from "../testing/demoWeek.js";
import { jsonLines } from "../testing/events.js";
import { PLANTED_STRINGS, plantedSessions } from "../testing/plantedSecrets.js";
import { FakeOpenAIServer, type FakeReply, type FakeRequest } from "../testing/fakeOpenAI.js";
import { FakeLinearServer } from "../testing/fakeLinear.js";
import { runCli, type CliResult } from "../testing/cli.js";
import { ingestFile } from "../connectors/ingest.js";
import { REPORT_TOOL } from "../agents/analysts/llm/prompt.js";

const KEYS = { OPENAI_API_KEY: "sk-proj-SINKSopenaiKEY0123456789abcdefXYZ", LINEAR_API_KEY: "lin_api_SINKSlinearKEY0123456789abcdefghijklmn", GITHUB_TOKEN: "ghp_SINKSgithubTOKEN0123456789abcdefghij" };

/** Reports for the gatherer, plain text for the PM and Skynet (their fallbacks keep the run going). */
function answer(req: FakeRequest): FakeReply {
  const tools = JSON.stringify(req.body.tools ?? []);
  if (!tools.includes(REPORT_TOOL)) return { content: "Nothing further." };
  const user = [...(req.body.messages ?? [])].reverse().find((m) => m.role === "user" && String(m.content).includes("<transcript>"));
  const ids = [...String(user?.content ?? "").matchAll(/^(e\d+) /gm)].map((m) => m[1] ?? "");
  const failed = /exception|error/i.test(String(user?.content ?? ""));
  return { toolCalls: [{ name: REPORT_TOOL, args: { userIntent: "Import a file.", userSuccess: failed ? "The import failed with an ImportError." : "Browsed.", improvement: "", department: "product", score: failed ? 2 : 7, outcome: failed ? "failure" : "partial", evidence: ids.slice(0, 2) } }] };
}

/** Every file under the data folder but the warehouse (which keeps the raw events, secrets and all) and the import file. */
function writtenFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (/warehouse\.db/.test(name) || /\.jsonl$/.test(name) || name === "demo-repo" || name === ".git") continue;
    if (statSync(path).isDirectory()) out.push(...writtenFiles(path));
    else out.push(path);
  }
  return out;
}

/** The checkpointer's rows, as text: what a resumed run would read back. */
function checkpointText(db: string): string {
  const conn = new Database(db, { readonly: true });
  try {
    const rows = [...conn.prepare(`SELECT * FROM checkpoints`).all(), ...conn.prepare(`SELECT * FROM writes`).all()] as Record<string, unknown>[];
    return rows.map((r) => Object.values(r).map((v) => (Buffer.isBuffer(v) ? v.toString("utf8") : String(v))).join(" ")).join("\n");
  } finally {
    conn.close();
  }
}

describe("planted secrets and personal data reach no sink of a weekly run with models and Linear", () => {
  let demo: DemoWeek;
  let openai: FakeOpenAIServer;
  let linear: FakeLinearServer;
  let run: CliResult;
  beforeAll(async () => {
    demo = await seedDemoWeek({ sessions: 120, seed: 23 });
    const planted = join(demo.settings.dataDir, "planted.jsonl");
    writeFileSync(planted, jsonLines(plantedSessions(demo.week, 6)));
    await withWarehouse(demo, (w) => ingestFile(w, planted));
    openai = new FakeOpenAIServer(answer);
    linear = new FakeLinearServer(KEYS.LINEAR_API_KEY);
    const baseUrl = await openai.start();
    await linear.start();
    const profile = JSON.parse(readFileSync(demo.settings.config!, "utf8")) as Record<string, unknown>;
    const models = { gatherer: "gpt-4o-mini", pm: "gpt-4o-mini", skynet: "gpt-4o-mini" };
    writeFileSync(demo.settings.config!, JSON.stringify({ ...profile, models, tracker: { kind: "linear" }, linear: { team: "ENG", apiUrl: linear.url }, gatherer: { retryBaseMs: 1, requestsPerMinute: 100_000 } }));
    run = await runCli(["--db", demo.settings.db, "--config", demo.settings.config!, "run", "--week", demo.week, "--yes", "--json"], { env: { ...KEYS, OPENAI_BASE_URL: baseUrl, LOG_LEVEL: "debug" } });
  }, 300_000);
  afterAll(async () => {
    await openai.stop();
    await linear.stop();
  });

  it("the run used the sinks: the gatherer's and the PM's models, Linear, reports, tickets and the digest", async () => {
    expect(run.code, run.stderr).toBe(0);
    const systems = openai.requests.map((r) => String(r.body.messages?.[0]?.content ?? ""));
    expect(systems.some((s) => /session analyst|transcript/i.test(s))).toBe(true);
    expect(systems.some((s) => /code investigator/.test(s))).toBe(true);
    expect(openai.requests.length).toBeGreaterThan(120);
    expect(linear.issues.length, run.stdout.slice(0, 3000)).toBeGreaterThan(0);
    const planted = await withWarehouse(demo, async (w) => (await w.listReports({ week: demo.week })).filter((r) => r.sessionId.startsWith("planted-session")));
    expect(planted).toHaveLength(6);
  });

  it("no planted string is in a model request, a Linear payload, stdout, a log line, a checkpoint or a written file", () => {
    const sinks: Record<string, string> = {
      "model requests": openai.requests.map((r) => r.rawBody).join("\n"),
      "Linear payloads": JSON.stringify(linear.calls),
      stdout: run.stdout,
      "logs (stderr)": run.stderr,
      checkpoints: checkpointText(demo.settings.db),
    };
    for (const file of writtenFiles(demo.settings.dataDir)) sinks[file] = readFileSync(file, "utf8");
    expect(Object.keys(sinks).some((k) => k.endsWith(".html")), "a digest was written").toBe(true);
    for (const [where, text] of Object.entries(sinks)) {
      for (const secret of PLANTED_STRINGS) expect(text.includes(secret), `${secret} in ${where}: …${text.slice(Math.max(0, text.indexOf(secret) - 1500), text.indexOf(secret) + 200)}…`).toBe(false);
      for (const [name, key] of Object.entries(KEYS)) expect(text.includes(key), `${name} in ${where}`).toBe(false);
    }
  });
});

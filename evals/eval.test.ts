import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { FakeOpenAIServer, type FakeRequest } from "../testing/fakeOpenAI.js";
import type { RunResult } from "./harness/result.js";

const RUN = fileURLToPath(new URL("./run.ts", import.meta.url));
const FIXTURES = fileURLToPath(new URL("./fixtures/datasets", import.meta.url));

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run eval -- <args>` in a child process, as CI runs it. */
function runEval(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", RUN, ...args], { env: { ...process.env, LANGSMITH_API_KEY: "", ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

function resultOf(dir: string): RunResult {
  const file = readdirSync(dir).find((f) => f.endsWith(".json"));
  return JSON.parse(readFileSync(join(dir, file!), "utf8")) as RunResult;
}

/** A gatherer model that gets every session wrong: each one a bounce, scored 0, in the last department. */
function brokenAnalyst(req: FakeRequest) {
  const tool = (req.body.tools ?? []) as { function?: { name?: string; parameters?: { properties?: { department?: { enum?: string[] } } } } }[];
  const report = tool.find((t) => t.function?.name === "session_report");
  if (!report) return { content: "nothing to add" };
  const departments = report.function?.parameters?.properties?.department?.enum ?? ["product"];
  const args = { userIntent: "?", userSuccess: "?", improvement: "", department: departments.at(-1)!, score: 0, outcome: "bounce", evidence: ["e1"] };
  return { toolCalls: [{ name: "session_report", args }] };
}

describe("npm run eval on the fixture datasets", () => {
  let broken: FakeOpenAIServer;
  let brokenUrl: string;
  /** Session-report requests the broken analyst's server answered: the model's run and the cascade's. */
  let reportRequests = 0;
  beforeAll(async () => {
    broken = new FakeOpenAIServer((req) => {
      if (((req.body.tools ?? []) as { function?: { name?: string } }[]).some((t) => t.function?.name === "session_report")) reportRequests++;
      return brokenAnalyst(req);
    });
    brokenUrl = await broken.start();
  });
  afterAll(() => broken.stop());

  it("passes with today's rules analyst, prints the table and writes results that the next run compares with", async () => {
    const results = mkdtempSync(join(tmpdir(), "selfheal-eval-results-"));
    const first = await runEval(["--datasets", FIXTURES, "--results", results]);
    expect(first.stderr).not.toMatch(/error/i);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/== tiny-acme: 300 sessions/);
    expect(first.stdout).toMatch(/gatherer\s+outcome accuracy\s+(0\.9[5-9]\d|1)\s+≥ 0\.95\s+ok/);
    expect(first.stdout).toMatch(/pm\s+bug sessions in the bug's best pattern \(mean\)\s+1\s+≥ 1\s+ok/);
    expect(first.stdout).toContain("every metric meets its bar");
    const run = resultOf(results);
    expect(run.label).toBe("heuristic");
    expect(run.datasets[0]).toMatchObject({ dataset: "tiny-acme", analyst: "heuristic", promptHash: null, defects: [] });
    expect(run.datasets[0]!.analystVersion).toMatch(/^heuristic-[0-9a-f]{12}$/);
    // Every pattern keeps all its sessions: the bug with the most sessions is whole in one pattern.
    const biggest = [...run.datasets[0]!.problems].sort((a, b) => b.sessions - a.sessions)[0]!;
    expect(biggest.sessions).toBeGreaterThan(20);
    expect(biggest.best?.sessions).toBe(biggest.sessions);

    const second = await runEval(["--datasets", FIXTURES, "--results", results]);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/compared with \d{4}-\d{2}-\d{2}-heuristic\.json/);
    expect(second.stdout).toMatch(/outcome accuracy\s+(0\.9[5-9]\d|1)\s+≥ 0\.95\s+ok\s+=/);
  });

  it("fails on a deliberately broken analyst, naming each metric under its bar", async () => {
    const results = mkdtempSync(join(tmpdir(), "selfheal-eval-results-"));
    const out = await runEval(["--datasets", FIXTURES, "--results", results, "--model", "broken-analyst", "--requests-per-minute", "100000", "--concurrency", "16"], { OPENAI_BASE_URL: brokenUrl, OPENAI_API_KEY: "test" });
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/gatherer\s+outcome accuracy\s+0\.\d+\s+≥ 0\.95\s+BELOW/);
    expect(out.stdout).toMatch(/tiny-acme: gatherer\.outcomeAccuracy = 0\.\d{3}, below its bar ≥ 0\.95/);
    expect(out.stdout).toMatch(/tiny-acme: gatherer\.scoreMae = \d+\.\d{3}, below its bar ≤ 0\.752/);
    expect(out.stdout).not.toContain("MECHANICS ONLY");
    const run = resultOf(results);
    expect(run.label).toBe("llm-broken-analyst");
    expect(run.datasets[0]!.analyst).toBe("llm");
    expect(run.datasets[0]!.promptHash).toMatch(/^[0-9a-f]{12}$/);
    expect(run.datasets[0]!.usage.gatherer.requests).toBe(300);
    // The cascade ran on its own warehouse: the server saw its requests beside the model run's 300, one per unsure session.
    const cascade = run.datasets[0]!.analysts!.cascade;
    expect(cascade.modelReports).toBeGreaterThan(0);
    expect(cascade.modelReports).toBeLessThan(300);
    expect(reportRequests).toBe(300 + cascade.modelReports);
  });

  it("reports a dataset without a truth entry for every session as a defect, and fails", async () => {
    const datasets = mkdtempSync(join(tmpdir(), "selfheal-eval-datasets-"));
    cpSync(FIXTURES, datasets, { recursive: true });
    const profileFile = join(datasets, "tiny-acme", "profile.json");
    const profile = JSON.parse(readFileSync(profileFile, "utf8")) as { repo: { path: string } };
    profile.repo.path = join(FIXTURES, "tiny-acme", profile.repo.path);
    writeFileSync(profileFile, JSON.stringify(profile));
    // The same product with one truth entry dropped: its session is now unlabelled.
    writeFileSync(
      join(datasets, "tiny-acme", "generate.ts"),
      `import { readFileSync, writeFileSync } from "node:fs";\nimport { join } from "node:path";\nimport { generateDemoWeek } from ${JSON.stringify(join(FIXTURES, "..", "..", "datasets", "demo-acme", "generate.ts"))};\n` +
        `export async function generate(out: string): Promise<void> {\n  await generateDemoWeek(out, { sessions: 300, seed: 7 });\n  const truth = JSON.parse(readFileSync(join(out, "truth.json"), "utf8"));\n  truth.sessions.pop();\n  writeFileSync(join(out, "truth.json"), JSON.stringify(truth));\n}\n`,
    );
    const out = await runEval(["--datasets", datasets, "--results", join(datasets, "results")]);
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/DATASET DEFECT: 1 sessions have no truth entry: \S+/);
    expect(out.stdout).toMatch(/tiny-acme: dataset defect: 1 sessions have no truth entry/);
  });

  it("runs the LLM paths end to end against the local fake server with --model fake, and says it is mechanics only", async () => {
    const results = mkdtempSync(join(tmpdir(), "selfheal-eval-results-"));
    const out = await runEval(["--datasets", FIXTURES, "--results", results, "--model", "fake"]);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^MECHANICS ONLY: every model request was answered by the local fake OpenAI server/);
    expect(out.stdout).toContain("mechanics ran end to end (no threshold checked: the model was a fake)");
    const run = resultOf(results);
    expect(run).toMatchObject({ label: "llm-fake", mechanicsOnly: true, failures: [] });
    const usage = run.datasets[0]!.usage.gatherer;
    expect(usage.requests).toBe(300);
    // The fake counts the prompts it was sent: a real transcript is hundreds of tokens.
    expect(usage.inputTokens / usage.requests).toBeGreaterThan(300);
    // The PM's model calls are counted too (its investigation of each ticketed bug).
    expect(run.datasets[0]!.usage.pm.requests).toBeGreaterThan(0);
    // Rules, model and cascade side by side, labelled as mechanics: the fake judges nothing.
    expect(out.stdout).toMatch(/gatherer \(MECHANICS ONLY: fake model\)\s+rules\s+model\s+cascade/);
    expect(out.stdout).toMatch(/model requests \/ 1,000 sessions\s+0\s+1000\s+\d+(\.\d)?\n/);
    const { rules, model, cascade } = run.datasets[0]!.analysts!;
    expect([rules.modelReports, model.modelReports]).toEqual([0, 300]);
    expect(cascade.modelReports).toBeGreaterThan(0);
    expect(cascade.modelReports).toBeLessThan(300);
    expect(cascade.usage.requests).toBe(cascade.modelReports);
    // The rules' confidence split: the sessions the cascade kept, and those it sent.
    const split = run.datasets[0]!.analysts!.confidence;
    expect([split.kept.sessions, split.sent.sessions]).toEqual([300 - cascade.modelReports, cascade.modelReports]);
    expect(out.stdout).toMatch(/rules' confidence at 0\.7: kept \d+ sessions, rules outcome accuracy/);
    expect(rules.metrics["gatherer.reportCoverage"]).toBe(1);
    expect(cascade.metrics["gatherer.reportCoverage"]).toBe(1);
    const md = readFileSync(join(results, readdirSync(results).find((f) => f.endsWith(".md"))!), "utf8");
    expect(md).toContain("> MECHANICS ONLY");
    expect(md).toContain("| gatherer (MECHANICS ONLY: fake model) | rules | model | cascade |");
  });

  it("refuses bad usage with exit 2: a model with no endpoint, a threshold naming no metric", async () => {
    const noEndpoint = await runEval(["--datasets", FIXTURES, "--model", "gpt-4o-mini"], { OPENAI_BASE_URL: "", OPENAI_API_KEY: "" });
    expect(noEndpoint.code).toBe(2);
    expect(noEndpoint.stderr).toContain("--model gpt-4o-mini needs OPENAI_BASE_URL (any OpenAI-compatible server) or OPENAI_API_KEY");
    const datasets = mkdtempSync(join(tmpdir(), "selfheal-eval-datasets-"));
    writeFileSync(join(datasets, "thresholds.json"), JSON.stringify({ "tiny-acme": { "gatherer.outcomeAcuracy": 0.9 } }));
    const typo = await runEval(["--datasets", datasets]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/thresholds\.json, key "tiny-acme\.gatherer\.outcomeAcuracy": no metric named gatherer\.outcomeAcuracy/);
  });
});

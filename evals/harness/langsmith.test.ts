import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { FakeLangSmithServer } from "../../testing/fakeLangSmith.js";
import { uploadToLangSmith } from "./langsmith.js";
import type { RunResult } from "./result.js";
import { NO_USAGE } from "./usage.js";

const run: RunResult = {
  date: "2026-12-01",
  startedAt: "2026-12-01T10:00:00.000Z",
  commit: "abc1234",
  label: "heuristic",
  model: null,
  mechanicsOnly: false,
  wallMs: 1000,
  failures: [],
  datasets: [
    {
      dataset: "shop",
      description: "a shop",
      analyst: "heuristic",
      analystVersion: "heuristic-000000000000",
      promptHash: null,
      sessions: 10,
      defects: [],
      metrics: { "gatherer.outcomeAccuracy": 0.9, "gatherer.scoreMae": 1.5, "pm.lineHitRate": null },
      figures: { sessions: 10, reports: 10, nps: 20, trueNps: 30, patterns: 2, tickets: 1 },
      problems: [],
      strays: [],
      skynet: [],
      usage: { gatherer: NO_USAGE, pm: NO_USAGE, skynet: NO_USAGE },
      checks: [{ metric: "gatherer.outcomeAccuracy", value: 0.9, threshold: 0.8, ok: true, bar: "≥ 0.8" }],
      durationMs: 500,
    },
  ],
};

describe("LangSmith upload", () => {
  const server = new FakeLangSmithServer("ls-test-key");
  let endpoint: string;
  beforeAll(async () => {
    endpoint = await server.start();
  });
  afterAll(() => server.stop());

  it("sends one run per dataset with its metrics as outputs and each measured metric as feedback, in LangSmith's shapes", async () => {
    const said = await uploadToLangSmith(run, { LANGSMITH_API_KEY: "ls-test-key", LANGSMITH_ENDPOINT: endpoint, LANGSMITH_PROJECT: "evals-test" });
    expect(server.rejected).toEqual([]);
    const calls = server.requests.filter((r) => r.path !== "/info");
    expect(calls.every((r) => r.apiKey === "ls-test-key")).toBe(true);
    const created = calls.find((r) => r.method === "POST" && r.path === "/runs")?.body as Record<string, unknown>;
    expect(created).toMatchObject({ name: "selfheal eval: shop", run_type: "chain", session_name: "evals-test", inputs: { dataset: "shop", analystVersion: "heuristic-000000000000", commit: "abc1234" } });
    const updated = calls.find((r) => r.method === "PATCH");
    expect(updated?.path).toBe(`/runs/${String(created["id"])}`);
    expect(updated?.body).toMatchObject({ outputs: { metrics: { "gatherer.outcomeAccuracy": 0.9 } } });
    const feedback = calls.filter((r) => r.path === "/feedback").map((r) => r.body as Record<string, unknown>);
    expect(feedback.map((f) => [f["key"], f["score"], f["run_id"]])).toEqual([
      ["gatherer.outcomeAccuracy", 0.9, created["id"]],
      ["gatherer.scoreMae", 1.5, created["id"]],
    ]);
    expect(feedback[0]?.["comment"]).toBe("≥ 0.8: ok");
    expect(said).toBe("LangSmith: 1 runs with 2 metric feedbacks uploaded to project evals-test");
  });

  it("fails loudly when LangSmith refuses the key", async () => {
    await expect(uploadToLangSmith(run, { LANGSMITH_API_KEY: "wrong", LANGSMITH_ENDPOINT: endpoint })).rejects.toThrow(/401|Unauthorized|Invalid token/i);
  });
});

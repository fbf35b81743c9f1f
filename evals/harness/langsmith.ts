import { randomUUID } from "node:crypto";
import { Client } from "langsmith";
import type { RunResult } from "./result.js";

/**
 * Uploads an eval run to LangSmith (LANGSMITH_API_KEY; LANGSMITH_ENDPOINT for a self-hosted or other
 * instance; LANGSMITH_PROJECT, default "selfheal-evals"): one run per dataset with its provenance as
 * inputs and its metrics as outputs, and each metric as feedback on it, so LangSmith charts them over time.
 */
export async function uploadToLangSmith(run: RunResult, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const client = new Client({ apiKey: env["LANGSMITH_API_KEY"], apiUrl: env["LANGSMITH_ENDPOINT"], autoBatchTracing: false });
  const project = env["LANGSMITH_PROJECT"] ?? "selfheal-evals";
  let feedback = 0;
  for (const d of run.datasets) {
    const id = randomUUID();
    await client.createRun({
      id,
      name: `selfheal eval: ${d.dataset}`,
      run_type: "chain",
      project_name: project,
      start_time: Date.parse(run.startedAt),
      inputs: { dataset: d.dataset, analyst: d.analyst, analystVersion: d.analystVersion, promptHash: d.promptHash, model: run.model, commit: run.commit, mechanicsOnly: run.mechanicsOnly },
      extra: { metadata: { label: run.label, sessions: d.sessions } },
    });
    await client.updateRun(id, { end_time: Date.parse(run.startedAt) + d.durationMs, outputs: { metrics: d.metrics, checks: d.checks, defects: d.defects, usage: d.usage } });
    for (const [key, score] of Object.entries(d.metrics)) {
      if (score === null) continue;
      const bar = d.checks.find((c) => c.metric === key);
      await client.createFeedback(id, key, { score, comment: bar ? `${bar.bar}: ${bar.ok ? "ok" : "below"}` : undefined, feedbackSourceType: "api" });
      feedback++;
    }
  }
  return `LangSmith: ${run.datasets.length} runs with ${feedback} metric feedbacks uploaded to project ${project}`;
}

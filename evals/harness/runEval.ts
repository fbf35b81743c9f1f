import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { findDatasets } from "./dataset.js";
import { evaluateDataset, type EvalOptions } from "./evaluate.js";
import { previousResults } from "./compare.js";
import { renderMarkdown, renderText } from "./report.js";
import type { DatasetResult, RunResult } from "./result.js";
import { loadThresholds } from "./thresholds.js";

export interface RunEvalOptions {
  datasetsDir: string;
  resultsDir: string;
  /** Only these dataset folder names; all when empty. */
  only: string[];
  model: string | null;
  limits?: EvalOptions["limits"];
  /** The fake OpenAI server answered: report mechanics, check no bar. */
  mechanicsOnly: boolean;
  progress: (line: string) => void;
}

/** The label results are filed and compared under: the analyst, and the model when there is one. */
export function labelFor(model: string | null): string {
  return model ? `llm-${model.replace(/[^A-Za-z0-9._-]+/g, "_")}` : "heuristic";
}

/** The commit the run measured; results written by earlier runs do not make it "+changes". */
function commitOf(dir: string, resultsDir: string): string {
  const run = (args: string[]) => execFileSync("git", ["-C", dir, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  try {
    const head = run(["rev-parse", "--short", "HEAD"]);
    const inside = !relative(run(["rev-parse", "--show-toplevel"]), resultsDir).startsWith("..");
    const dirty = run(["status", "--porcelain", "--", ":/", ...(inside ? [`:(exclude)${resultsDir}`] : [])]) !== "";
    return dirty ? `${head}+changes` : head;
  } catch {
    return "unknown";
  }
}

/**
 * Every dataset through every agent, checked against thresholds.json, compared with the last result
 * of the same label, written to <results>/<date>-<label>.md and .json. The run fails on a metric
 * under its bar, a dataset defect or an error.
 */
export async function runEval(opts: RunEvalOptions): Promise<{ run: RunResult; text: string }> {
  const started = new Date();
  const thresholds = loadThresholds(join(opts.datasetsDir, "thresholds.json"));
  const dirs = findDatasets(opts.datasetsDir).filter((d) => opts.only.length === 0 || opts.only.includes(basename(d)));
  const label = labelFor(opts.model);
  const previous = previousResults(opts.resultsDir, label);
  const datasets: DatasetResult[] = [];
  const failures: string[] = [];
  for (const dir of dirs) {
    const name = basename(dir);
    try {
      const result = await evaluateDataset(dir, { model: opts.model, limits: opts.limits, thresholds: opts.mechanicsOnly ? {} : (thresholds[name] ?? {}), progress: opts.progress });
      datasets.push(result);
      for (const c of result.checks.filter((c) => !c.ok)) failures.push(`${name}: ${c.metric} = ${c.value === null ? "not measured" : c.value.toFixed(3)}, below its bar ${c.bar}`);
      for (const defect of result.defects) failures.push(`${name}: dataset defect: ${defect}`);
    } catch (err) {
      failures.push(`${name}: the eval failed: ${(err as Error).message}`);
    }
  }
  if (dirs.length === 0) failures.push(`no dataset found in ${opts.datasetsDir}`);
  const date = started.toISOString().slice(0, 10);
  const run: RunResult = { date, startedAt: started.toISOString(), commit: commitOf(opts.datasetsDir, opts.resultsDir), label, model: opts.model, mechanicsOnly: opts.mechanicsOnly, datasets, wallMs: Date.now() - started.getTime(), failures };
  mkdirSync(opts.resultsDir, { recursive: true });
  const file = join(opts.resultsDir, `${date}-${label}`);
  writeFileSync(`${file}.json`, `${JSON.stringify(run, null, 2)}\n`);
  writeFileSync(`${file}.md`, renderMarkdown(run, previous));
  return { run, text: `${renderText(run, previous)}\nresults: ${file}.md and .json` };
}

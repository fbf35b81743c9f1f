import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { DatasetResult, RunResult } from "./result.js";

/** The last result of each dataset under the same label (same analyst and model), newest file first. */
export function previousResults(resultsDir: string, label: string): Map<string, { file: string; result: DatasetResult }> {
  const out = new Map<string, { file: string; result: DatasetResult }>();
  if (!existsSync(resultsDir)) return out;
  const files = readdirSync(resultsDir).filter((f) => f.endsWith(`-${label}.json`)).sort().reverse();
  for (const file of files) {
    let run: RunResult;
    try {
      run = JSON.parse(readFileSync(join(resultsDir, file), "utf8")) as RunResult;
    } catch {
      continue;
    }
    for (const d of run.datasets ?? []) if (!out.has(d.dataset)) out.set(d.dataset, { file, result: d });
  }
  return out;
}

/** Current minus previous, per metric both have. */
export function deltas(current: DatasetResult, previous: DatasetResult | undefined): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [key, value] of Object.entries(current.metrics)) {
    const before = previous?.metrics[key];
    out[key] = value === null || before === undefined || before === null ? null : value - before;
  }
  return out;
}

/** What changed in the analyst since the previous result, in words, or null when nothing did. */
export function analystChange(current: DatasetResult, previous: DatasetResult | undefined): string | null {
  if (!previous) return null;
  const changes: string[] = [];
  if (previous.analystVersion !== current.analystVersion) changes.push(`analyst ${previous.analystVersion} -> ${current.analystVersion}`);
  if (previous.promptHash !== current.promptHash) changes.push(`prompt ${previous.promptHash ?? "none"} -> ${current.promptHash ?? "none"}`);
  return changes.length ? changes.join(", ") : null;
}

import type { RunResult } from "./result.js";

/** Placeholder until the LangSmith upload lands. */
export async function uploadToLangSmith(run: RunResult): Promise<string> {
  return `LangSmith: not uploaded (${run.datasets.length} datasets)`;
}

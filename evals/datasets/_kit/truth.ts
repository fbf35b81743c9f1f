// Writing the ground truth every eval dataset has beside its exports (evals/datasets/README.md,
// truth.json). Its types are the harness's schema (evals/harness/truth.ts), the one reader of it.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Cause, Truth, TruthSession } from "../../harness/truth.js";

export type { Cause, Truth, TruthBug, TruthImprovement, TruthNoise, TruthSession } from "../../harness/truth.js";

/** What a careful human reading the session would say about it. */
export type Label = Omit<TruthSession, "anchor">;

export const bug = (id: string): Cause => ({ kind: "bug", id });
export const improvement = (id: string): Cause => ({ kind: "improvement", id });

export function writeTruth(outDir: string, truth: Truth): void {
  writeFileSync(join(outDir, "truth.json"), `${JSON.stringify(truth, null, 2)}\n`);
}

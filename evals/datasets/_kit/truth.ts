// The ground truth every eval dataset writes beside its exports (evals/datasets/README.md, truth.json).
import { writeFileSync } from "node:fs";
import { join } from "node:path";

export type Outcome = "success" | "partial" | "failure" | "bounce" | "wrong_product";

export interface Cause {
  kind: "bug" | "improvement";
  id: string;
}

/** What a careful human reading the session would say about it. */
export interface Label {
  outcome: Outcome;
  /** Implied NPS answer, 0-10. */
  score: number;
  department: string;
  cause: Cause | null;
  noise: string[];
  tags: string[];
}

export interface TruthSession extends Label {
  /** Id of one event of the session (PostHog uuid, Amplitude $insert_id, Segment messageId). */
  anchor: string;
}

export interface TruthBug {
  id: string;
  title: string;
  /** Path inside the dataset's repo/. */
  file: string;
  line: number;
}

export interface TruthImprovement {
  id: string;
  wants: string;
  keywords: string[];
}

export interface TruthNoise {
  id: string;
  description: string;
}

export interface Truth {
  sessions: TruthSession[];
  bugs: TruthBug[];
  improvements: TruthImprovement[];
  noise: TruthNoise[];
}

export const bug = (id: string): Cause => ({ kind: "bug", id });
export const improvement = (id: string): Cause => ({ kind: "improvement", id });

export function writeTruth(outDir: string, truth: Truth): void {
  writeFileSync(join(outDir, "truth.json"), `${JSON.stringify(truth, null, 2)}\n`);
}

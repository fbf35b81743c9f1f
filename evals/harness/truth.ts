import { z } from "zod";
import { Outcome } from "../../state/report.js";

/** The product problem behind a session, by its id in the truth's `bugs` or `improvements`. */
export const Cause = z.strictObject({ kind: z.enum(["bug", "improvement"]), id: z.string().min(1) });
export type Cause = z.infer<typeof Cause>;

/** One session as a careful human labelled it (evals/datasets/README.md says what each label means). */
export const TruthSession = z.strictObject({
  anchor: z.string().min(1).describe("id of one event of the session (uuid, insert_id or messageId)"),
  outcome: Outcome,
  score: z.number().int().min(0).max(10),
  department: z.string().min(1),
  cause: Cause.nullable(),
  noise: z.array(z.string()).default([]),
  tags: z.array(z.string()).default([]),
});
export type TruthSession = z.infer<typeof TruthSession>;

export const TruthBug = z.strictObject({
  id: z.string().min(1),
  title: z.string().min(1),
  file: z.string().min(1).describe("repository-relative path where a fix belongs"),
  line: z.number().int().min(1).describe("the line a fix changes"),
});
export type TruthBug = z.infer<typeof TruthBug>;

export const TruthImprovement = z.strictObject({ id: z.string().min(1), wants: z.string().min(1), keywords: z.array(z.string()).default([]) });
export type TruthImprovement = z.infer<typeof TruthImprovement>;

export const TruthNoise = z.strictObject({ id: z.string().min(1), description: z.string().min(1) });
export type TruthNoise = z.infer<typeof TruthNoise>;

export const Truth = z.strictObject({
  sessions: z.array(TruthSession),
  bugs: z.array(TruthBug).default([]),
  improvements: z.array(TruthImprovement).default([]),
  noise: z.array(TruthNoise).default([]),
});
export type Truth = z.infer<typeof Truth>;

/** Outcomes of people who used the product; the others are acquisition, not satisfaction. */
export const PRODUCT_OUTCOMES: readonly Outcome[] = ["success", "partial", "failure"];

export function isProductUser(outcome: Outcome): boolean {
  return PRODUCT_OUTCOMES.includes(outcome);
}

/**
 * What is wrong with a truth beyond its schema: causes, noise and departments that name nothing.
 * Each problem names the key path it is at.
 */
export function truthProblems(truth: Truth, departments: string[]): string[] {
  const problems: string[] = [];
  const ids = { bug: new Set(truth.bugs.map((b) => b.id)), improvement: new Set(truth.improvements.map((i) => i.id)) };
  const noise = new Set(truth.noise.map((n) => n.id));
  const anchors = new Set<string>();
  truth.sessions.forEach((s, i) => {
    const at = `sessions.${i}`;
    if (anchors.has(s.anchor)) problems.push(`${at}.anchor: "${s.anchor}" is the anchor of an earlier entry too`);
    anchors.add(s.anchor);
    if (s.cause && !ids[s.cause.kind].has(s.cause.id)) problems.push(`${at}.cause: no ${s.cause.kind} "${s.cause.id}" in the truth's ${s.cause.kind}s`);
    for (const n of s.noise) if (!noise.has(n)) problems.push(`${at}.noise: no noise "${n}" in the truth's noise`);
    if (!departments.includes(s.department)) problems.push(`${at}.department: "${s.department}" is not a department of the profile (${departments.join(", ")})`);
  });
  return problems;
}

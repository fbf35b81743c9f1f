import { z } from "zod";
import { Outcome } from "../../../state/report.js";

/** What the model fills in; the rest of a SessionReport is known without it. */
export const ReportDraft = z.strictObject({
  userIntent: z.string().min(1).max(400).describe("what the user came to do, in a sentence"),
  userSuccess: z.string().min(1).max(800).describe("what worked and what did not, in a sentence or two"),
  improvement: z.string().max(500).describe("what the product should change; empty string when nothing"),
  department: z.string().min(1).describe("department that owns the main problem or activity"),
  score: z.number().int().min(0).max(10).describe("implied NPS answer, 0-10"),
  outcome: Outcome.describe("success | partial | failure | bounce | wrong_product"),
  evidence: z.array(z.string()).min(1).max(12).describe("ids of transcript lines that justify the report, e.g. e3"),
});
export type ReportDraft = z.infer<typeof ReportDraft>;

/** The tool the model must call, in OpenAI's function format (any OpenAI-compatible server takes it). */
export function reportTool(name: string, departments: string[]) {
  const schema = z.toJSONSchema(ReportDraft.extend({ department: z.enum(departments as [string, ...string[]]).describe("department that owns the main problem or activity") }));
  // "$schema" is noise to a model, and some OpenAI-compatible servers reject keywords they do not know.
  const { $schema: _dialect, ...parameters } = schema;
  return { type: "function" as const, function: { name, description: "Records the implied-NPS report of the session.", parameters } };
}

export type DraftCheck = { ok: true; draft: ReportDraft; uuids: string[]; invalidEvidenceShare: number } | { ok: false; error: string };

/** Share of cited ids that must exist for a report to keep its valid ones; below it the report is repaired. */
export const MIN_VALID_EVIDENCE = 0.85;

/**
 * Validates the model's arguments: the schema, a known department, and evidence ids that exist in the
 * transcript. A slip (an id or two of many that are not there) keeps the valid ones and records the
 * invalid share; a report citing mostly lines that are not there is rejected (then repaired once).
 */
export function checkDraft(args: unknown, ids: Map<string, string>, departments: string[]): DraftCheck {
  const parsed = ReportDraft.safeParse(args);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    return { ok: false, error: `invalid fields: ${issues.join("; ")}` };
  }
  const draft = parsed.data;
  if (!departments.includes(draft.department)) {
    return { ok: false, error: `department "${draft.department}" is not one of ${departments.join(", ")}` };
  }
  const unknown = draft.evidence.filter((id) => !ids.has(id));
  const invalidEvidenceShare = unknown.length / draft.evidence.length;
  if (1 - invalidEvidenceShare < MIN_VALID_EVIDENCE) {
    return { ok: false, error: `evidence ids not in the transcript (${unknown.length} of ${draft.evidence.length}): ${unknown.slice(0, 5).join(", ")}` };
  }
  const uuids = [...new Set(draft.evidence.map((id) => ids.get(id) ?? ""))].filter(Boolean);
  return { ok: true, draft, uuids, invalidEvidenceShare };
}

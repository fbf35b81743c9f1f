import { createHash } from "node:crypto";
import type { ProductProfile } from "../../../state/profile.js";
import { departmentsOf, PROMPT_ID, REPORT_TOOL, systemPrompt } from "./prompt.js";
import { reportTool } from "./draft.js";

/**
 * The LLM analyst's version: a hash of the prompt (which embeds the profile), the output schema, the
 * model and the settings that change what the model reads. Any change scores every session again.
 */
export function llmVersion(profile: ProductProfile, modelName: string): string {
  const inputs = JSON.stringify([
    PROMPT_ID,
    systemPrompt(profile),
    reportTool(REPORT_TOOL, departmentsOf(profile)),
    modelName,
    profile.gatherer.transcriptTokens,
    profile.redaction.sensitiveProperties,
  ]);
  return `llm-${createHash("sha256").update(inputs).digest("hex").slice(0, 12)}`;
}

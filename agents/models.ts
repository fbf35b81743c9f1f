import { ChatOpenAI } from "@langchain/openai";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { ProductProfile } from "../state/profile.js";

/** The roles that may have a model of their own. */
export type ModelRole = "gatherer" | "pm" | "skynet";

/**
 * The one place models are made, per role. A model handed in by the host wins (tests pass scripted
 * fakes); otherwise the profile's `models.<role>` names one, reached through OPENAI_API_KEY and
 * OPENAI_BASE_URL (any OpenAI-compatible server). No name, or no way to reach it: null, and the
 * role runs its deterministic fallback.
 */
export function modelFor(
  role: ModelRole,
  profile: ProductProfile,
  provided: Partial<Record<ModelRole, BaseChatModel>> = {},
  env: NodeJS.ProcessEnv = process.env,
  /** Callers that retry themselves pass maxRetries 0 (LangChain's own retries would multiply theirs). */
  client: { maxRetries?: number; timeoutMs?: number } = {},
): BaseChatModel | null {
  const given = provided[role];
  if (given) return given;
  const name = profile.models[role];
  const apiKey = env["OPENAI_API_KEY"];
  const baseURL = env["OPENAI_BASE_URL"];
  if (!name || (!apiKey && !baseURL)) return null;
  return new ChatOpenAI({ model: name, apiKey: apiKey ?? "not-needed", configuration: baseURL ? { baseURL } : undefined, maxRetries: client.maxRetries, timeout: client.timeoutMs });
}

/** Why a role has no model, in words for the user. */
export function whyNoModel(role: ModelRole, profile: ProductProfile): string {
  if (!profile.models[role]) return `no model is configured for ${role} (set "models": { "${role}": "<model name>" } in the product profile)`;
  return `the ${role} model "${profile.models[role]}" cannot be reached: set OPENAI_API_KEY or OPENAI_BASE_URL`;
}

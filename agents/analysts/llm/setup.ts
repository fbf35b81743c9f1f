import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { Logger } from "pino";
import type { ProductProfile } from "../../../state/profile.js";
import type { GatherMode } from "../../../state/report.js";
import { UsageError } from "../../../runtime/errors.js";
import { modelConfigured, modelFor, whyNoModel, type ModelRole } from "../../models.js";
import { limiterFor } from "./limiter.js";
import { priceOf } from "./pricing.js";
import { llmVersion } from "./version.js";
import type { LlmAnalyst } from "./analyst.js";

type Provided = Partial<Record<ModelRole, BaseChatModel>>;

/** The gatherer's model and the name its version is keyed by; a clear usage error when there is none. */
export async function gathererModel(profile: ProductProfile, provided: Provided, env: NodeJS.ProcessEnv = process.env): Promise<{ model: BaseChatModel; name: string }> {
  const s = profile.gatherer;
  // LangChain's own retries are off: ours count attempts, honour the queue and log each retry.
  const model = await modelFor("gatherer", profile, provided, env, { maxRetries: 0, timeoutMs: s.timeoutMs });
  if (!model) throw noGathererModel(profile);
  return { model, name: gathererModelName(profile, provided, env) };
}

/** The name the gatherer model's reports are versioned by, without making the model; a usage error when there is none. */
export function gathererModelName(profile: ProductProfile, provided: Provided, env: NodeJS.ProcessEnv = process.env): string {
  if (!modelConfigured("gatherer", profile, provided, env)) throw noGathererModel(profile);
  return profile.models.gatherer ?? provided.gatherer?._llmType() ?? "gatherer";
}

function noGathererModel(profile: ProductProfile): UsageError {
  return new UsageError(`the llm analyst (--analyst llm or cascade, or gatherer.mode) needs a model: ${whyNoModel("gatherer", profile)}`);
}

/**
 * "auto" is the profile's `gatherer.mode`; its own "auto" is the model when the profile names a reachable
 * gatherer model, else the rules.
 */
export function chooseAnalyst(requested: GatherMode | "auto", profile: ProductProfile, provided: Provided, env: NodeJS.ProcessEnv = process.env): GatherMode {
  const wanted = requested === "auto" ? profile.gatherer.mode : requested;
  if (wanted !== "auto") return wanted;
  return modelConfigured("gatherer", profile, provided, env) ? "llm" : "heuristic";
}

/** The analyst version `gather --analyst <analyst>` writes under, without calling any model. */
export function llmVersionFor(profile: ProductProfile, provided: Provided, env: NodeJS.ProcessEnv = process.env): string {
  return llmVersion(profile, gathererModelName(profile, provided, env));
}

/** Everything one batch needs to run the LLM analyst. */
export async function llmAnalystFor(profile: ProductProfile, provided: Provided, log: Logger, concurrency: number | null, env: NodeJS.ProcessEnv = process.env): Promise<LlmAnalyst> {
  const { model, name } = await gathererModel(profile, provided, env);
  const s = profile.gatherer;
  const endpoint = `${env["OPENAI_BASE_URL"] ?? "openai"}|${name}`;
  return {
    model,
    profile,
    version: llmVersion(profile, name),
    queue: limiterFor(endpoint, concurrency ?? s.concurrency, s.requestsPerMinute),
    retry: { maxRetries: s.maxRetries, baseMs: s.retryBaseMs, maxMs: s.retryMaxMs },
    price: priceOf(name, s),
    log,
  };
}

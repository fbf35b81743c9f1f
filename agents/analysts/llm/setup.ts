import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { Logger } from "pino";
import type { ProductProfile } from "../../../state/profile.js";
import type { Analyst } from "../../../state/report.js";
import { UsageError } from "../../../runtime/errors.js";
import { modelFor, whyNoModel, type ModelRole } from "../../models.js";
import { limiterFor } from "./limiter.js";
import { priceOf } from "./pricing.js";
import { llmVersion } from "./version.js";
import type { LlmAnalyst } from "./analyst.js";

type Provided = Partial<Record<ModelRole, BaseChatModel>>;

/** The gatherer's model and the name its version is keyed by; a clear usage error when there is none. */
export function gathererModel(profile: ProductProfile, provided: Provided, env: NodeJS.ProcessEnv = process.env): { model: BaseChatModel; name: string } {
  const s = profile.gatherer;
  // LangChain's own retries are off: ours count attempts, honour the queue and log each retry.
  const model = modelFor("gatherer", profile, provided, env, { maxRetries: 0, timeoutMs: s.timeoutMs });
  if (!model) throw new UsageError(`--analyst llm needs a model: ${whyNoModel("gatherer", profile)}`);
  return { model, name: profile.models.gatherer ?? model._llmType() };
}

/** "auto" is the model when the profile names a reachable gatherer model, else the rules. */
export function chooseAnalyst(requested: Analyst | "auto", profile: ProductProfile, provided: Provided, env: NodeJS.ProcessEnv = process.env): Analyst {
  if (requested !== "auto") return requested;
  return modelFor("gatherer", profile, provided, env) ? "llm" : "heuristic";
}

/** The analyst version `gather --analyst <analyst>` writes under, without calling any model. */
export function llmVersionFor(profile: ProductProfile, provided: Provided, env: NodeJS.ProcessEnv = process.env): string {
  return llmVersion(profile, gathererModel(profile, provided, env).name);
}

/** Everything one batch needs to run the LLM analyst. */
export function llmAnalystFor(profile: ProductProfile, provided: Provided, log: Logger, concurrency: number | null, env: NodeJS.ProcessEnv = process.env): LlmAnalyst {
  const { model, name } = gathererModel(profile, provided, env);
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

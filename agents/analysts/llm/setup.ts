import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { Logger } from "pino";
import type { ProductProfile } from "../../../state/profile.js";
import type { GatherMode } from "../../../state/report.js";
import { UsageError } from "../../../runtime/errors.js";
import { modelConfigured, modelFor, whyNoModel, type ModelRole } from "../../models.js";
import { ServiceGuard } from "../../../runtime/outside/guard.js";
import { limiterFor } from "./limiter.js";
import { priceOf } from "./pricing.js";
import { llmVersion } from "./version.js";
import type { LlmAnalyst } from "./analyst.js";

type Provided = Partial<Record<ModelRole, BaseChatModel>>;

/** The gatherer's model, the name its version is keyed by and its guard; a clear usage error when there is none. */
export async function gathererModel(profile: ProductProfile, provided: Provided, env: NodeJS.ProcessEnv = process.env): Promise<{ model: BaseChatModel; name: string; guard: ServiceGuard }> {
  const name = gathererModelName(profile, provided, env);
  const guard = gathererGuard(endpointOf(name, env), profile);
  const model = await modelFor("gatherer", profile, provided, env, guard);
  if (!model) throw noGathererModel(profile);
  return { model, name, guard };
}

/** One model at one base URL: what the process-wide queue and guard are shared by. */
function endpointOf(name: string, env: NodeJS.ProcessEnv): string {
  return `${env["OPENAI_BASE_URL"] ?? "openai"}|${name}`;
}

const guards = new Map<string, ServiceGuard>();

/**
 * The gatherer model's guard: the request's timeout, the check that a reply is whole JSON, and the
 * circuit breaker of the profile's `services`, with no retries of its own (the analyst retries, each
 * attempt waiting its turn in the queue). Shared by every batch of the process, like the queue: a
 * model that is down is down for all of them, and the circuit stops them all from calling it.
 */
function gathererGuard(endpoint: string, profile: ProductProfile): ServiceGuard {
  const settings = { ...profile.services, maxRetries: 0, timeoutMs: profile.gatherer.timeoutMs };
  const key = `${endpoint}\u0000${settings.timeoutMs}\u0000${settings.circuitFailures}\u0000${settings.circuitCooldownMs}`;
  let guard = guards.get(key);
  if (!guard) {
    guard = new ServiceGuard("the gatherer model", settings);
    guards.set(key, guard);
  }
  return guard;
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
  const { model, name, guard } = await gathererModel(profile, provided, env);
  const s = profile.gatherer;
  const endpoint = endpointOf(name, env);
  return {
    model,
    circuit: guard.breaker,
    profile,
    version: llmVersion(profile, name),
    queue: limiterFor(endpoint, concurrency ?? s.concurrency, s.requestsPerMinute),
    retry: { maxRetries: s.maxRetries, baseMs: s.retryBaseMs, maxMs: s.retryMaxMs },
    price: priceOf(name, s),
    log,
  };
}

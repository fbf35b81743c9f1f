import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { AsyncLocalStorageProviderSingleton } from "@langchain/core/singletons";
import type { ProductProfile } from "../state/profile.js";
import { ServiceGuard } from "../runtime/outside/guard.js";
import { guardedFetch } from "../runtime/outside/guardedFetch.js";

/** The roles that may have a model of their own. */
export type ModelRole = "gatherer" | "pm" | "skynet";

/**
 * The one place models are made, per role. A model handed in by the host wins (tests pass scripted
 * fakes); otherwise the profile's `models.<role>` names one, reached through OPENAI_API_KEY and
 * OPENAI_BASE_URL (any OpenAI-compatible server). No name, or no way to reach it: null, and the
 * role runs its deterministic fallback. The OpenAI client library is loaded only here, when a model
 * is made, so the commands that need none never load it.
 */
export async function modelFor(
  role: ModelRole,
  profile: ProductProfile,
  provided: Partial<Record<ModelRole, BaseChatModel>> = {},
  env: NodeJS.ProcessEnv = process.env,
  /**
   * Every request goes through a services guard: timeouts, retries honouring Retry-After, and a circuit
   * breaker; LangChain's own retries are off so as not to multiply them. By default a guard of the
   * profile's `services` settings; callers that retry themselves hand in their own (the gatherer: no
   * retries in the guard, because its retries wait their turn in its rate limiter).
   */
  guard: ServiceGuard = new ServiceGuard(`the ${role} model`, profile.services),
): Promise<BaseChatModel | null> {
  const given = provided[role];
  if (given) return given;
  const name = profile.models[role];
  const endpoint = openAIEndpoint(env);
  if (!name || !endpoint) return null;
  const { ChatOpenAI } = await import("@langchain/openai");
  return new ChatOpenAI({ model: name, apiKey: endpoint.apiKey, configuration: { ...endpoint.configuration, fetch: guardedFetch(guard) }, maxRetries: 0 });
}

/**
 * The embeddings model the profile names (`models.embeddings`), through the same OPENAI_API_KEY /
 * OPENAI_BASE_URL as the chat models and the profile's `services` guard; null when none is named or
 * there is no way to reach it (the PM then remembers tickets by fingerprint and words alone).
 */
export async function embeddingsFor(profile: ProductProfile, env: NodeJS.ProcessEnv = process.env): Promise<EmbeddingsInterface | null> {
  const name = profile.models.embeddings;
  const endpoint = openAIEndpoint(env);
  if (!name || !endpoint) return null;
  const { OpenAIEmbeddings } = await import("@langchain/openai");
  const fetch = guardedFetch(new ServiceGuard("the embeddings model", profile.services));
  return new OpenAIEmbeddings({ model: name, apiKey: endpoint.apiKey, configuration: { ...endpoint.configuration, fetch }, maxRetries: 0 });
}

/**
 * The OpenAI-compatible endpoint the environment points at: a key (a local server needs none), a base
 * URL, or both; null when it names neither, and no model of any kind can be reached.
 */
function openAIEndpoint(env: NodeJS.ProcessEnv): { apiKey: string; configuration: { baseURL?: string } } | null {
  const apiKey = env["OPENAI_API_KEY"];
  const baseURL = env["OPENAI_BASE_URL"];
  if (!apiKey && !baseURL) return null;
  return { apiKey: apiKey ?? "not-needed", configuration: baseURL ? { baseURL } : {} };
}

/** Whether `modelFor` would make a model for the role, without making one. */
export function modelConfigured(
  role: ModelRole,
  profile: ProductProfile,
  provided: Partial<Record<ModelRole, BaseChatModel>> = {},
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (provided[role]) return true;
  return Boolean(profile.models[role] && openAIEndpoint(env));
}

/** Why a role has no model, in words for the user. */
export function whyNoModel(role: ModelRole, profile: ProductProfile): string {
  if (!profile.models[role]) return `no model is configured for ${role} (set "models": { "${role}": "<model name>" } in the product profile)`;
  return `the ${role} model "${profile.models[role]}" cannot be reached: set OPENAI_API_KEY or OPENAI_BASE_URL`;
}

/**
 * Options for one model request: its own abort signal, tied to the run's. The OpenAI client adds an
 * abort listener to the signal it is handed and never removes it, and every request inside a graph
 * node inherits that node's one signal, so a batch's requests piled listeners onto it
 * (MaxListenersExceededWarning, and memory held until the node ends). A signal per request, which
 * still aborts with the run, is dropped with its listener when the request is done.
 */
export function oneRequest(): { signal?: AbortSignal } {
  const run = (AsyncLocalStorageProviderSingleton.getRunnableConfig() as { signal?: AbortSignal } | undefined)?.signal;
  return run ? { signal: AbortSignal.any([run]) } : {};
}

import { BaseCallbackHandler } from "@langchain/core/callbacks/base";
import type { LLMResult } from "@langchain/core/outputs";
import type { AIMessage } from "@langchain/core/messages";
import type { SessionReport } from "../../state/report.js";
import { costUsd, type Price } from "../../agents/analysts/llm/pricing.js";

/** Tokens, requests and cost of one stage's model calls. */
export interface Usage {
  inputTokens: number;
  outputTokens: number;
  requests: number;
  /** USD at the model's known or configured price; null when the price is unknown. */
  costUsd: number | null;
}

export const NO_USAGE: Usage = { inputTokens: 0, outputTokens: 0, requests: 0, costUsd: 0 };

/** The gatherer's own record: every LLM report carries what it cost. */
export function reportUsage(reports: SessionReport[]): Usage {
  const usage = { ...NO_USAGE };
  for (const r of reports) {
    if (!r.usage) continue;
    usage.inputTokens += r.usage.inputTokens;
    usage.outputTokens += r.usage.outputTokens;
    usage.requests += r.usage.requests;
    usage.costUsd = usage.costUsd === null || r.usage.costUsd === null ? null : usage.costUsd + r.usage.costUsd;
  }
  return usage;
}

/**
 * Counts every model call made under a graph run (LangChain hands the run's callbacks to the models
 * its nodes invoke), for the stages that keep no usage record of their own (PM, Skynet).
 */
export class UsageCounter extends BaseCallbackHandler {
  name = "selfheal-evals-usage";
  inputTokens = 0;
  outputTokens = 0;
  requests = 0;

  override handleLLMEnd(output: LLMResult): void {
    this.requests++;
    const message = (output.generations[0]?.[0] as { message?: AIMessage } | undefined)?.message;
    const meta = message?.usage_metadata;
    const legacy = output.llmOutput?.["tokenUsage"] as { promptTokens?: number; completionTokens?: number } | undefined;
    this.inputTokens += meta?.input_tokens ?? legacy?.promptTokens ?? 0;
    this.outputTokens += meta?.output_tokens ?? legacy?.completionTokens ?? 0;
  }

  usage(price: Price | null): Usage {
    return { inputTokens: this.inputTokens, outputTokens: this.outputTokens, requests: this.requests, costUsd: this.requests ? costUsd(price, this.inputTokens, this.outputTokens) : 0 };
  }
}

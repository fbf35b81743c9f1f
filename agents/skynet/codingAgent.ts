import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { AIMessage, HumanMessage, SystemMessage, ToolMessage, type BaseMessage } from "@langchain/core/messages";
import type { StructuredToolInterface } from "@langchain/core/tools";
import { getEncoding, type Tiktoken } from "js-tiktoken";
import { oneRequest } from "../models.js";
import { scrubSecrets } from "../../runtime/scrubSecrets.js";

export type AgentStop = "done" | "step_budget" | "token_budget" | "violation" | "model_error";

export interface AgentRun {
  stop: AgentStop;
  steps: number;
  tokens: number;
  /** The model's closing summary (its words, not evidence of anything). */
  summary: string;
  detail: string;
}

let encoder: Tiktoken | null = null;

/** Tokens of a call when the server does not report usage (scripted models, some local servers). */
function estimateTokens(messages: BaseMessage[]): number {
  encoder ??= getEncoding("cl100k_base");
  let n = 0;
  for (const m of messages) {
    const text = typeof m.content === "string" ? m.content : JSON.stringify(m.content);
    n += encoder.encode(text).length + 4;
    if (m instanceof AIMessage && m.tool_calls?.length) n += encoder.encode(JSON.stringify(m.tool_calls)).length;
  }
  return n;
}

/**
 * The tool-calling loop: the model calls tools until it answers without one, or a budget runs out,
 * or it tries to leave its sandbox (`violated` says so), which ends the attempt at once.
 */
export async function runCodingAgent(opts: {
  model: BaseChatModel;
  tools: StructuredToolInterface[];
  system: string;
  task: string;
  maxSteps: number;
  maxTokens: number;
  violated: () => string | null;
}): Promise<AgentRun> {
  if (!opts.model.bindTools) return { stop: "model_error", steps: 0, tokens: 0, summary: "", detail: "the skynet model does not support tool calling" };
  const bound = opts.model.bindTools(opts.tools);
  const byName = new Map(opts.tools.map((t) => [t.name, t]));
  const messages: BaseMessage[] = [new SystemMessage(opts.system), new HumanMessage(opts.task)];
  let tokens = 0;
  for (let step = 1; step <= opts.maxSteps; step++) {
    let reply: AIMessage;
    try {
      reply = (await bound.invoke(messages, oneRequest())) as AIMessage;
    } catch (err) {
      return { stop: "model_error", steps: step, tokens, summary: "", detail: scrubSecrets(`the model call failed: ${(err as Error).message}`) };
    }
    tokens += reply.usage_metadata?.total_tokens ?? estimateTokens([...messages, reply]);
    messages.push(reply);
    const calls = reply.tool_calls ?? [];
    if (calls.length === 0) {
      const text = typeof reply.content === "string" ? reply.content : JSON.stringify(reply.content);
      return { stop: "done", steps: step, tokens, summary: text.slice(0, 2000), detail: "the agent finished" };
    }
    if (tokens > opts.maxTokens) return { stop: "token_budget", steps: step, tokens, summary: "", detail: `token budget of ${opts.maxTokens} spent (${tokens})` };
    for (const call of calls) {
      const t = byName.get(call.name);
      let content: string;
      if (!t) content = `ERROR: no tool named ${call.name}`;
      else {
        try {
          const out: unknown = await t.invoke(call.args);
          content = typeof out === "string" ? out : JSON.stringify(out);
        } catch (err) {
          content = `ERROR: bad arguments for ${call.name}: ${(err as Error).message}`;
        }
      }
      messages.push(new ToolMessage({ content, tool_call_id: call.id ?? call.name, name: call.name }));
      const violation = opts.violated();
      if (violation) return { stop: "violation", steps: step, tokens, summary: "", detail: violation };
    }
  }
  return { stop: "step_budget", steps: opts.maxSteps, tokens, summary: "", detail: `step budget of ${opts.maxSteps} model calls spent` };
}

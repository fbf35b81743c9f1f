import { BaseChatModel, type BaseChatModelCallOptions, type BindToolsInput } from "@langchain/core/language_models/chat_models";
import { AIMessageChunk, type BaseMessage } from "@langchain/core/messages";
import type { ChatResult } from "@langchain/core/outputs";
import type { Runnable } from "@langchain/core/runnables";
import type { BaseLanguageModelInput } from "@langchain/core/language_models/base";

/** One reply the script gives: text, tool calls, or an error thrown in place of a reply. */
export type ScriptedReply =
  | string
  | { content?: string; toolCalls?: { name: string; args: Record<string, unknown>; id?: string }[] }
  | Error;

/** What the model was sent on one call. */
export interface RecordedCall {
  messages: BaseMessage[];
  /** Names of the tools bound when it was called. */
  tools: string[];
}

/**
 * The one scripted chat model of the test suite: replays queued replies (including tool calls, which
 * LangChain's FakeListChatModel cannot) and records every call. Structured output goes through the
 * standard tool-calling path of `withStructuredOutput`, which hands back the tool call's arguments
 * unvalidated: the code under test validates them with zod, as it must with any real model. An
 * exhausted script is an error, never a silent pass.
 */
export class ScriptedChatModel extends BaseChatModel {
  readonly calls: RecordedCall[] = [];
  private readonly queue: ScriptedReply[];
  private readonly boundTools: string[];

  constructor(replies: ScriptedReply[], shared?: { calls: RecordedCall[]; queue: ScriptedReply[] }, tools: string[] = []) {
    super({});
    this.queue = shared?.queue ?? [...replies];
    this.calls = shared?.calls ?? [];
    this.boundTools = tools;
  }

  _llmType(): string {
    return "scripted";
  }

  /** Replies not yet given: a test asserts it is empty when the script should be used up. */
  get remaining(): number {
    return this.queue.length;
  }

  /** Queues more replies (for a later stage of the same test). */
  push(...replies: ScriptedReply[]): void {
    this.queue.push(...replies);
  }

  override bindTools(tools: BindToolsInput[]): Runnable<BaseLanguageModelInput, AIMessageChunk, BaseChatModelCallOptions> {
    const names = tools.map(toolName);
    return new ScriptedChatModel([], { calls: this.calls, queue: this.queue }, names) as unknown as Runnable<
      BaseLanguageModelInput,
      AIMessageChunk,
      BaseChatModelCallOptions
    >;
  }

  async _generate(messages: BaseMessage[]): Promise<ChatResult> {
    this.calls.push({ messages, tools: this.boundTools });
    const reply = this.queue.shift();
    if (reply === undefined) throw new Error(`ScriptedChatModel: no reply left for call ${this.calls.length}`);
    if (reply instanceof Error) throw reply;
    // A chunk, not a plain AIMessage: LangChain's structured-output parser insists on one.
    const message =
      typeof reply === "string"
        ? new AIMessageChunk(reply)
        : new AIMessageChunk({
            content: reply.content ?? "",
            tool_calls: (reply.toolCalls ?? []).map((c, i) => ({ name: c.name, args: c.args, id: c.id ?? `call_${this.calls.length}_${i}`, type: "tool_call" as const })),
          });
    return { generations: [{ text: typeof message.content === "string" ? message.content : "", message }] };
  }
}

function toolName(tool: BindToolsInput): string {
  const t = tool as { name?: unknown; function?: { name?: unknown } };
  if (typeof t.name === "string") return t.name;
  if (typeof t.function?.name === "string") return t.function.name;
  return "?";
}

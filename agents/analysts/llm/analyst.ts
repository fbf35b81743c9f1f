import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { HumanMessage, SystemMessage, type AIMessage, type BaseMessage } from "@langchain/core/messages";
import type PQueue from "p-queue";
import type { Logger } from "pino";
import type { ProductProfile } from "../../../state/profile.js";
import type { SessionReport } from "../../../state/report.js";
import type { StoredEvent } from "../../../state/session.js";
import { redactText } from "../redact.js";
import { buildTranscript } from "../transcript.js";
import { checkDraft, reportTool, type DraftCheck } from "./draft.js";
import { disputedByRecord } from "./recordCheck.js";
import { readFacts } from "../sessionFacts.js";
import { computeSignals } from "../../../connectors/sessionize.js";
import { departmentsOf, repairPrompt, REPORT_TOOL, systemPrompt, userPrompt } from "./prompt.js";
import { isRetryable, withRetries, type RetryPolicy } from "../../../runtime/outside/retry.js";
import type { CircuitBreaker } from "../../../runtime/outside/circuit.js";
import { costUsd, type Price } from "./pricing.js";
import { oneRequest } from "../../models.js";
import { scrubSecrets } from "../../../runtime/scrubSecrets.js";

/** Everything the LLM analyst needs besides the session: built once per batch. */
export interface LlmAnalyst {
  model: BaseChatModel;
  profile: ProductProfile;
  version: string;
  /** The endpoint's circuit breaker: while it is open, requests fail at once and are not retried. */
  circuit: CircuitBreaker;
  /** The endpoint's request queue (concurrency and requests-per-minute limits). */
  queue: PQueue;
  retry: RetryPolicy;
  price: Price | null;
  log: Logger;
}

export type LlmResult = { ok: true; report: SessionReport; retries: number } | { ok: false; reason: string; retries: number };

const MAX_ECHO = 1500;

/**
 * One session through the model: its redacted transcript as delimited data, a forced tool call,
 * the arguments validated (schema, department, evidence ids, a score the session's record does not
 * contradict), one re-ask with the validation error,
 * then failure. Transient HTTP errors are retried with backoff; each attempt waits its turn in the queue.
 */
export async function analyzeWithModel(sessionId: string, events: StoredEvent[], a: LlmAnalyst): Promise<LlmResult> {
  const transcript = buildTranscript(events, a.profile, a.profile.gatherer.transcriptTokens);
  const departments = departmentsOf(a.profile);
  if (!a.model.bindTools) return { ok: false, reason: "the gatherer model cannot call tools", retries: 0 };
  const bound = a.model.bindTools([reportTool(REPORT_TOOL, departments)], {
    tool_choice: { type: "function", function: { name: REPORT_TOOL } },
  });
  const messages: BaseMessage[] = [new SystemMessage(systemPrompt(a.profile)), new HumanMessage(userPrompt(transcript.text))];
  // What the record itself shows, which bounds the model's score (text in the session cannot move it).
  const facts = readFacts(computeSignals(sessionId, events), a.profile);
  const lineOf = new Map([...transcript.ids].map(([line, uuid]) => [uuid, line]));
  const usage = { inputTokens: 0, outputTokens: 0, requests: 0 };
  let retries = 0;

  const ask = async (): Promise<AIMessage> => {
    const reply = (await withRetries(
      () => a.queue.add(() => bound.invoke(messages, oneRequest()), { throwOnTimeout: true }),
      a.retry,
      (attempt, err, delayMs) => {
        retries++;
        a.log.info({ sessionId, attempt, delayMs, err: scrubSecrets((err as Error).message) }, "model request failed; retrying");
      },
      // A model taken for down is not asked again by this session: its circuit says when to try.
      (err) => a.circuit.state === "closed" && isRetryable(err),
    )) as AIMessage;
    usage.requests++;
    usage.inputTokens += reply.usage_metadata?.input_tokens ?? 0;
    usage.outputTokens += reply.usage_metadata?.output_tokens ?? 0;
    return reply;
  };

  try {
    let check: DraftCheck = { ok: false, error: "" };
    for (let round = 0; round < 2; round++) {
      const reply = await ask();
      const { args, raw } = argumentsOf(reply);
      check = args === undefined ? { ok: false, error: raw } : checkDraft(args, transcript.ids, departments);
      const disputed = check.ok ? disputedByRecord(check.draft, facts, (uuid) => lineOf.get(uuid)) : null;
      if (disputed) check = { ok: false, error: `it contradicts the session's record: ${disputed}` };
      if (check.ok) break;
      a.log.info({ sessionId, round, error: check.error }, "model report rejected");
      const echo = typeof args === "undefined" ? "" : `Your answer was: ${JSON.stringify(args).slice(0, MAX_ECHO)}\n`;
      messages.push(new HumanMessage(`${echo}${repairPrompt(check.error)}`));
    }
    if (!check.ok) return { ok: false, reason: `invalid report after one repair: ${check.error}`, retries };
    const d = check.draft;
    const report: SessionReport = {
      sessionId,
      userIntent: redactText(d.userIntent),
      userSuccess: redactText(d.userSuccess),
      improvement: redactText(d.improvement),
      department: d.department,
      score: d.score,
      outcome: d.outcome,
      evidence: check.uuids,
      ...(check.invalidEvidenceShare > 0 ? { invalidEvidenceShare: Math.round(check.invalidEvidenceShare * 1000) / 1000 } : {}),
      analyst: "llm",
      analystVersion: a.version,
      usage: { ...usage, costUsd: costUsd(a.price, usage.inputTokens, usage.outputTokens) },
    };
    return { ok: true, report, retries };
  } catch (err) {
    return { ok: false, reason: scrubSecrets(`model request failed: ${(err as Error).message}`), retries };
  }
}

/** The report tool's arguments, or why there are none. Some servers answer in plain JSON content. */
function argumentsOf(reply: AIMessage): { args?: unknown; raw: string } {
  const call = reply.tool_calls?.find((c) => c.name === REPORT_TOOL) ?? reply.tool_calls?.[0];
  if (call) return { args: call.args, raw: "" };
  const invalid = reply.invalid_tool_calls?.[0];
  if (invalid) return { raw: `the ${REPORT_TOOL} arguments were not valid JSON (${invalid.error ?? "parse error"})` };
  const text = typeof reply.content === "string" ? reply.content.trim() : "";
  if (text.startsWith("{")) {
    try {
      return { args: JSON.parse(text) as unknown, raw: "" };
    } catch {
      return { raw: "the answer was not valid JSON" };
    }
  }
  return { raw: `no ${REPORT_TOOL} call in the answer` };
}

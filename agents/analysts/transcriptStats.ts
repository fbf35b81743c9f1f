import type { Warehouse } from "../../warehouse/types.js";
import type { ProductProfile } from "../../state/profile.js";
import { buildTranscript } from "./transcript.js";
import { countTokens } from "./tokens.js";
import { redactText } from "./redact.js";

export interface TranscriptStats {
  sessions: number;
  /** Sessions whose raw events held something redaction removes (tokens in URLs, emails, ...). */
  sessionsWithSecrets: number;
  sampled: number;
  medianTranscriptTokens: number;
  medianNaiveTokens: number;
}

/**
 * What the LLM analyst would be sent for a week, without calling a model: transcript size against a
 * naive JSON dump (on a sample), and how many sessions carried data that redaction keeps from it.
 */
export async function transcriptStats(warehouse: Warehouse, profile: ProductProfile, week: string, sample = 40): Promise<TranscriptStats> {
  const ids = await warehouse.sessionsWithoutReport({ analystVersion: "transcript-stats", week });
  const step = Math.max(1, Math.floor(ids.length / sample));
  const transcript: number[] = [];
  const naive: number[] = [];
  let sessionsWithSecrets = 0;
  for (let i = 0; i < ids.length; i++) {
    const events = await warehouse.sessionEvents(ids[i] ?? "");
    if (events.some((e) => hasSecret(e.properties))) sessionsWithSecrets++;
    if (i % step === 0 && transcript.length < sample) {
      transcript.push(buildTranscript(events, profile, profile.gatherer.transcriptTokens).tokens);
      naive.push(countTokens(JSON.stringify(events)));
    }
  }
  return { sessions: ids.length, sessionsWithSecrets, sampled: transcript.length, medianTranscriptTokens: median(transcript), medianNaiveTokens: median(naive) };
}

function hasSecret(properties: Record<string, unknown>): boolean {
  // Only what a transcript could show: URLs, element texts, messages. One pass over the joined strings.
  const text = Object.values(properties).filter((v): v is string => typeof v === "string" && /[@?=:]|\d{4}/.test(v)).join("\n");
  return text.length > 0 && redactText(text) !== text;
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** The stats in words, for the demo and operators. */
export function describeTranscriptStats(s: TranscriptStats, profile: ProductProfile): string {
  const ratio = s.medianTranscriptTokens ? Math.round(s.medianNaiveTokens / s.medianTranscriptTokens) : 0;
  const how = profile.models.gatherer
    ? `\`selfheal gather --analyst llm\` sends them to ${profile.models.gatherer}`
    : 'set "models": { "gatherer": "<model>" } and OPENAI_BASE_URL (or OPENAI_API_KEY), then `selfheal gather --analyst llm`';
  return (
    `LLM analyst  session transcripts: median ${s.medianTranscriptTokens} tokens against ${s.medianNaiveTokens} as raw JSON (${ratio}x smaller, ${s.sampled} sampled); ` +
    `${s.sessionsWithSecrets} of ${s.sessions} sessions carried tokens, codes or emails that redaction keeps from models, reports, tickets and the digest. ` +
    `To use a model: ${how}.`
  );
}

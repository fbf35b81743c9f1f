import { createHash } from "node:crypto";
import type { StoredEvent } from "../state/session.js";
import type { UnlinkedPolicy } from "./sessions/policy.js";
import { parsePostHogEvent } from "./posthog/event.js";
import { parseAmplitudeEvent } from "./amplitude/event.js";
import { parseSegmentEvent } from "./segment/event.js";

export const INGEST_FORMATS = ["posthog", "amplitude", "segment"] as const;
export type IngestFormat = (typeof INGEST_FORMATS)[number];

/** The inactivity rule for sources without sessions. */
export const INACTIVITY_GAP_MS = 30 * 60 * 1000;

export interface SourceFormat {
  name: IngestFormat;
  /** The keys that identify it, for messages. */
  signature: string;
  recognizes(record: Record<string, unknown>): boolean;
  /** Throws RecordError for a bad record; `text` is the JSON the record was parsed from, if known. */
  parse(record: unknown, text?: string): StoredEvent;
  unlinked: UnlinkedPolicy;
}

/** Deterministic: the same user and first event give the same id, so re-imports agree. */
export function inferredSessionId(distinctId: string, first: { uuid: string; timestamp: string }): string {
  const digest = createHash("sha256").update(`${distinctId}\u0000${first.timestamp}\u0000${first.uuid}`).digest("hex");
  return `inferred:${digest.slice(0, 24)}`;
}

export const FORMATS: Record<IngestFormat, SourceFormat> = {
  posthog: {
    name: "posthog",
    signature: "uuid, event, distinct_id, timestamp",
    recognizes: (r) => "uuid" in r && "event" in r && ("distinct_id" in r || "properties" in r),
    parse: parsePostHogEvent,
    unlinked: { kind: "attachOrInfer", gapMs: INACTIVITY_GAP_MS, sessionIdOf: inferredSessionId },
  },
  amplitude: {
    name: "amplitude",
    signature: "event_type, event_time, $insert_id, user_id/device_id",
    recognizes: (r) => "event_type" in r && ("event_time" in r || "$insert_id" in r),
    parse: parseAmplitudeEvent,
    unlinked: { kind: "attachOrInfer", gapMs: INACTIVITY_GAP_MS, sessionIdOf: inferredSessionId },
  },
  segment: {
    name: "segment",
    signature: "type, messageId, userId/anonymousId, timestamp",
    recognizes: (r) => "type" in r && ("messageId" in r || "anonymousId" in r || "userId" in r),
    parse: parseSegmentEvent,
    unlinked: { kind: "infer", gapMs: INACTIVITY_GAP_MS, sessionIdOf: inferredSessionId },
  },
};

export function isIngestFormat(name: string): name is IngestFormat {
  return (INGEST_FORMATS as readonly string[]).includes(name);
}

/** The first source whose keys a record carries, or null. */
export function detectFormat(record: Record<string, unknown>): SourceFormat | null {
  return INGEST_FORMATS.map((name) => FORMATS[name]).find((f) => f.recognizes(record)) ?? null;
}

import type { ProductProfile } from "../../state/profile.js";
import type { SessionException, SessionSignals } from "../../state/session.js";
import { framesOfStackText } from "../../connectors/exceptions.js";
import { NoiseRules, type NoiseReason } from "./noise.js";

/**
 * A product event named like an error or a failure: `error`, `js_error`, `Exception Thrown`, `ApiError`,
 * `payment_failed`, `upload_rejected`, `Export Failure`. A refusal by someone (`invite_declined`) is not one.
 */
const ERROR_WORD = /(^|[^a-z])(error|exception|fail|failed|failure|rejected|refused)s?([^a-z]|$)/i;
const ERROR_SUFFIX = /[a-z](Error|Exception|Failed|Failure|Rejected|Refused)s?\b/;
const isErrorNamed = (name: string): boolean => ERROR_WORD.test(name) || ERROR_SUFFIX.test(name);
const MESSAGE_KEYS = ["message", "error", "error_message", "errorMessage", "reason", "description", "status", "code", "status_code", "error_code", "errorCode"];
const TYPE_KEYS = ["type", "error_type", "errorType", "name", "error_name"];
const STACK_KEYS = ["stack", "stacktrace", "stack_trace"];

/** An error that is not the product's, with why: it says how a report describes it. */
export type NoiseError = SessionException & { noise: NonNullable<NoiseReason> };

/** A session's errors, sorted into the product's failures and noise. */
export interface SessionProblems {
  /** The product's failures: exceptions and failure events, in time order. */
  product: SessionException[];
  /** Errors that are not the product's: counted and shown, never ticketed, never lowering the score. */
  noise: NoiseError[];
}

/**
 * Reads a session's failures: `$exception` events, plus product events the profile declares as
 * failures (`failureEvents`) or that are named like errors — Amplitude's and Segment's way of recording
 * them — as exceptions with the event name as type and the property that holds their message or status.
 */
export function problemsOf(signals: SessionSignals, profile: ProductProfile, rules = new NoiseRules(profile)): SessionProblems {
  const declared = new Map(profile.failureEvents.map((f) => [f.event, f.messageProperty]));
  const success = new Set(profile.successEvents);
  const all: SessionException[] = [...signals.exceptions];
  for (const e of signals.customEvents) {
    if (success.has(e.name) || (!declared.has(e.name) && !isErrorNamed(e.name))) continue;
    const props = e.props ?? {};
    const messageKey = declared.get(e.name);
    const message = text(messageKey ? props[messageKey] : undefined) ?? first(props, MESSAGE_KEYS) ?? "";
    const stack = first(props, STACK_KEYS);
    all.push({
      eventId: e.eventId,
      type: first(props, TYPE_KEYS) ?? e.name,
      message,
      frames: stack ? framesOfStackText(stack) : [],
      route: e.route ?? signals.exitRoute,
      at: e.at,
    });
  }
  all.sort((a, b) => a.at.localeCompare(b.at));
  const product: SessionException[] = [];
  const noise: NoiseError[] = [];
  for (const ex of all) {
    const reason = rules.reasonOf(ex, signals.host);
    if (reason) noise.push({ ...ex, noise: reason });
    else product.push(ex);
  }
  return { product, noise };
}

function first(props: Record<string, string | number | boolean>, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = text(props[key]);
    if (value) return value;
  }
  return null;
}

function text(value: string | number | boolean | undefined): string | null {
  if (typeof value === "string") return value.trim() || null;
  if (typeof value === "number") return String(value);
  return null;
}

/** An exception thrown in the product's own code, or a declared failure event (no frames): unambiguous. */
export function isUnambiguous(problem: SessionException): boolean {
  return problem.frames.length === 0 || problem.frames.some((frame) => frame.inApp);
}

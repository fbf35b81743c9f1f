// Shapes of the simulated PostHog export.
import type { BugName } from "./stacks.js";

export type ScenarioName =
  | "happy_engaged"
  | "happy_quick"
  | "bug_hubspot_scope"
  | "bug_tool_timeout"
  | "bug_workflow_schema"
  | "bug_csv_bom"
  | "bug_rare_timezone"
  | "missing_schedule"
  | "confusing_publish"
  | "bounce_wrong_product"
  | "bounce";

/** One event as PostHog exports it (batch export / events table row). */
export interface PostHogEvent {
  uuid: string;
  event: string;
  distinct_id: string;
  /** ISO 8601, UTC. */
  timestamp: string;
  properties: Record<string, unknown>;
  person_properties: Record<string, string>;
}

export interface SimulatedSession {
  sessionId: string;
  distinctId: string;
  scenario: ScenarioName;
  events: PostHogEvent[];
}

export interface SimulateOptions {
  sessions: number;
  seed: number;
  /** Monday 00:00 UTC of the simulated week. */
  weekStart: Date;
  /** Bugs whose fix has shipped: the sessions that would hit one succeed at what they came for instead. */
  fixed?: readonly BugName[];
}

/** A frame of `$exception_list[].stacktrace.frames`, listed outermost first. */
export interface StackFrame {
  filename: string;
  function: string;
  lineno: number;
  colno: number;
  in_app: boolean;
  platform: string;
}

export interface ExceptionEntry {
  type: string;
  value: string;
  mechanism: { handled: boolean; type: string };
  stacktrace: { type: "resolved"; frames: StackFrame[] };
}

import type { StackFrame } from "../state/session.js";
import { isObject } from "./record.js";

export interface ParsedException {
  type: string;
  message: string;
  /** Innermost (throwing) frame first. */
  frames: StackFrame[];
}

/**
 * Reads the exceptions of a PostHog `$exception` event: `$exception_list` (type, value, stacktrace.frames
 * listed outermost-first, as Sentry and PostHog order them), or the older `$exception_type` /
 * `$exception_message` pair.
 */
export function exceptionsOf(properties: Record<string, unknown>): ParsedException[] {
  const list = properties["$exception_list"];
  if (Array.isArray(list) && list.length > 0) {
    return list.filter(isObject).map((entry) => ({
      type: str(entry["type"]) ?? "Error",
      message: str(entry["value"]) ?? "",
      frames: framesOf(entry["stacktrace"]),
    }));
  }
  const type = str(properties["$exception_type"]);
  const message = str(properties["$exception_message"]);
  if (type || message) return [{ type: type ?? "Error", message: message ?? "", frames: [] }];
  return [];
}

function framesOf(stacktrace: unknown): StackFrame[] {
  if (!isObject(stacktrace) || !Array.isArray(stacktrace["frames"])) return [];
  const frames = stacktrace["frames"].filter(isObject).map((f): StackFrame => {
    const file = str(f["filename"]) ?? str(f["abs_path"]) ?? str(f["source"]) ?? "?";
    return {
      file,
      function: str(f["function"]) ?? "?",
      line: typeof f["lineno"] === "number" ? f["lineno"] : null,
      inApp: typeof f["in_app"] === "boolean" ? f["in_app"] : isLikelyInApp(file),
    };
  });
  return frames.reverse();
}

function isLikelyInApp(file: string): boolean {
  return !/node_modules|^node:|<anonymous>|^native$/.test(file);
}

function str(value: unknown): string | null {
  return typeof value === "string" && value.length > 0 ? value : null;
}

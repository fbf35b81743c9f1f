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
  return stacktrace["frames"].filter(isObject).map(frameOf).reverse();
}

/**
 * One frame, raw (`filename`, `function`, `lineno`, `colno`, as the SDK sends it) or resolved by PostHog's
 * symbolication (`source`, `resolved_name`, `line`, `column`): the resolved fields win where both are there,
 * since they name the original source.
 */
function frameOf(f: Record<string, unknown>): StackFrame {
  const resolved = f["resolved"] !== false;
  const file = (resolved ? str(f["source"]) : null) ?? str(f["filename"]) ?? str(f["abs_path"]) ?? str(f["source"]) ?? "?";
  const fn = (resolved ? str(f["resolved_name"]) : null) ?? str(f["function"]) ?? str(f["mangled_name"]) ?? "?";
  const line = int(resolved ? f["line"] : undefined) ?? int(f["lineno"]) ?? int(f["line"]);
  const column = int(resolved ? f["column"] : undefined) ?? int(f["colno"]) ?? int(f["column"]);
  return { file, function: fn, line, column, inApp: inAppOf(file, f["in_app"]) };
}

/** A browser extension's code is never the product's, whatever the SDK guessed. */
const EXTENSION_URL = /^(chrome|moz|safari|safari-web|ms-browser|edge)-extension:\/\//i;

function inAppOf(file: string, given: unknown): boolean {
  if (EXTENSION_URL.test(file)) return false;
  if (typeof given === "boolean") return given;
  return !/node_modules|^node:|<anonymous>|^native$/.test(file);
}

const V8_FRAME = /^\s*at (?:(.+?) \()?(.+?):(\d+):(\d+)\)?\s*$/;
const GECKO_FRAME = /^\s*(.*?)@(.+?):(\d+):(\d+)\s*$/;

/**
 * Frames from a stack trace as text (`error.stack` in V8's "at fn (file:1:2)" or Firefox/Safari's
 * "fn@file:1:2" form), innermost first: what a custom error event of Segment or Amplitude carries.
 */
export function framesOfStackText(stack: string): StackFrame[] {
  const frames: StackFrame[] = [];
  for (const line of stack.split("\n")) {
    const match = V8_FRAME.exec(line) ?? GECKO_FRAME.exec(line);
    if (!match) continue;
    const [, fn, file = "?", lineNo, column] = match;
    frames.push({ file, function: fn || "?", line: Number(lineNo), column: Number(column), inApp: inAppOf(file, undefined) });
  }
  return frames;
}

function int(value: unknown): number | null {
  return typeof value === "number" && Number.isInteger(value) ? value : null;
}

function str(value: unknown): string | null {
  return typeof value === "string" && value.length > 0 ? value : null;
}

// `$exception_list` entries as PostHog stores them: frames raw as the SDK sent them (source files from a
// server SDK, or minified bundle positions from the browser), or resolved by PostHog through the uploaded
// source map (`source`/`resolved_name`/`line`/`column`). Frames are listed outermost first, as PostHog does.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { locate, type FrameSpec } from "../../../demo/simulator/app-source.js";
import type { Bundle } from "./bundle.js";

export type { FrameSpec };

export interface Located {
  file: string;
  fn: string;
  line: number;
  column: number;
}

export type Frame = Record<string, unknown>;

export interface ExceptionEntry {
  type: string;
  value: string;
  mechanism: { type: string; handled: boolean; synthetic: boolean };
  stacktrace: { type: "raw" | "resolved"; frames: Frame[] };
}

/** Finds each frame's line and column in the product's repo/ (the first line with `at` after `fn`'s declaration). */
export function locateAll(repoDir: string, specs: FrameSpec[]): Located[] {
  return specs.map((spec) => {
    const found = locate(spec, repoDir);
    return { file: found.file, fn: found.fn, line: found.lineno, column: found.colno };
  });
}

/** The first line of a repo file that contains `marker` (a top-level constant, say), as { file, line }. */
export function lineContaining(repoDir: string, file: string, marker: string): { file: string; line: number } {
  const index = readFileSync(join(repoDir, file), "utf8").split("\n").findIndex((l) => l.includes(marker));
  if (index === -1) throw new Error(`${file}: no line contains ${JSON.stringify(marker)}`);
  return { file, line: index + 1 };
}

/** A server SDK's frame (posthog-node): the deployed path of the source file, unminified. */
export function serverFrame(at: Located, deployRoot: string): Frame {
  return { platform: "node:javascript", filename: `${deployRoot}/${at.file}`, function: at.fn, lineno: at.line, colno: at.column, in_app: true };
}

/** A frame outside the product's code (a runtime or library frame). */
export function foreignFrame(filename: string, fn: string, lineno?: number, colno?: number): Frame {
  return { platform: "web:javascript", filename, function: fn, ...(lineno === undefined ? {} : { lineno, colno }), in_app: false };
}

/** The browser SDK's raw frame of a minified bundle: the bundle's URL and its line and column. */
export function minifiedFrame(bundle: Bundle, at: Located, bundleUrl: string): Frame {
  const pos = bundle.generated(at.file, at.line, at.column);
  return { platform: "web:javascript", filename: bundleUrl, function: bundle.mangledName(pos), lineno: pos.line, colno: pos.column, in_app: true };
}

/** The same frame after PostHog resolved it through the uploaded source map. */
export function resolvedFrame(bundle: Bundle, at: Located, bundleUrl: string): Frame {
  const pos = bundle.generated(at.file, at.line, at.column);
  const original = bundle.original(pos);
  if (!original) throw new Error(`${at.file}:${at.line} does not resolve back through ${bundle.file}`);
  const mangled = bundle.mangledName(pos);
  return {
    raw_id: rawId(bundleUrl, pos.line, pos.column, mangled),
    mangled_name: mangled,
    line: original.line,
    column: original.column,
    source: bundle.sourceName(original.file),
    in_app: true,
    resolved_name: at.fn,
    lang: "javascript",
    resolved: true,
    resolve_failure: null,
  };
}

/** A resolved-format frame PostHog could not symbolicate (no map uploaded for it): still minified. */
export function unresolvedFrame(url: string, fn: string, line: number, column: number, inApp: boolean): Frame {
  return {
    raw_id: rawId(url, line, column, fn),
    mangled_name: fn,
    line,
    column,
    source: url,
    in_app: inApp,
    resolved_name: null,
    lang: "javascript",
    resolved: false,
    resolve_failure: "No sourcemap found for source url",
  };
}

export function exceptionEntry(type: string, value: string, frames: Frame[], opts: { resolved: boolean; mechanism?: string; handled?: boolean }): ExceptionEntry {
  return {
    type,
    value,
    mechanism: { type: opts.mechanism ?? "onerror", handled: opts.handled ?? false, synthetic: false },
    stacktrace: { type: opts.resolved ? "resolved" : "raw", frames },
  };
}

/** The properties PostHog's error tracking adds to a processed `$exception` event. */
export function processedProperties(entries: ExceptionEntry[]): Record<string, unknown> {
  const frames = entries.flatMap((e) => e.stacktrace.frames);
  const fingerprint = createHash("sha256").update(JSON.stringify(entries.map((e) => [e.type, frames.map((f) => f["resolved_name"] ?? f["function"])]))).digest("hex");
  return {
    $exception_fingerprint: fingerprint,
    $exception_issue_id: `0193${fingerprint.slice(0, 4)}-${fingerprint.slice(4, 8)}-7${fingerprint.slice(8, 11)}-8${fingerprint.slice(11, 14)}-${fingerprint.slice(14, 26)}`,
    $exception_types: entries.map((e) => e.type),
    $exception_values: entries.map((e) => e.value),
    $exception_sources: [...new Set(frames.map((f) => f["source"] ?? f["filename"]).filter((s) => typeof s === "string"))],
    $exception_functions: [...new Set(frames.map((f) => f["resolved_name"] ?? f["function"]).filter((s) => typeof s === "string"))],
  };
}

function rawId(url: string, line: number, column: number, fn: string): string {
  return createHash("sha256").update(`${url}:${line}:${column}:${fn}`).digest("hex").slice(0, 64);
}

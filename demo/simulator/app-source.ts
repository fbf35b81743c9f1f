// Reads the demo app's source to find where each bug throws and where its callers
// call, so simulated stack frames carry real line numbers even after the app changes.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packagePath } from "../../runtime/packagePath.js";

/** A frame to locate: the function `fn` (V8 name) in `file`, at the first line after its declaration containing `at`. */
export interface FrameSpec {
  file: string;
  fn: string;
  at: string;
}

export interface LocatedFrame extends FrameSpec {
  lineno: number;
  colno: number;
}

/** demo/app, shipped with selfheal. */
export function appDir(): string {
  return packagePath("demo", "app");
}

const sources = new Map<string, string[]>();

function linesOf(root: string, file: string): string[] {
  const path = join(root, file);
  let lines = sources.get(path);
  if (!lines) {
    lines = readFileSync(path, "utf8").split("\n");
    sources.set(path, lines);
  }
  return lines;
}

/** Short name of a V8 frame name: "HubSpotClient.request" -> "request". */
export function shortName(fn: string): string {
  return fn.slice(fn.lastIndexOf(".") + 1);
}

/** Matches `function name(`, `async name(` and `private async name<T>(` declarations. */
export function declarationPattern(name: string): RegExp {
  return new RegExp(`(\\bfunction\\s+${name}\\s*[(<])|(^\\s*(?:(?:private|public|protected|static|async)\\s+)*${name}\\s*[(<])`);
}

/** Finds `spec` in the source tree at `root` (the demo app by default; the eval datasets pass their repo/). */
export function locate(spec: FrameSpec, root = appDir()): LocatedFrame {
  const lines = linesOf(root, spec.file);
  const declared = lines.findIndex((line) => declarationPattern(shortName(spec.fn)).test(line));
  if (declared === -1) throw new Error(`${spec.file}: no declaration of ${spec.fn}`);
  for (let i = declared; i < lines.length; i += 1) {
    const column = (lines[i] ?? "").indexOf(spec.at);
    if (column !== -1) return { ...spec, lineno: i + 1, colno: column + 1 };
  }
  throw new Error(`${spec.file}: "${spec.at}" not found after ${spec.fn} (line ${declared + 1})`);
}

// Reads the demo app's source to find where each bug throws and where its callers
// call, so simulated stack frames carry real line numbers even after the app changes.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

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

/** demo/app, found beside this folder, or under the working directory when run from a build. */
export function appDir(): string {
  const beside = fileURLToPath(new URL("../app/", import.meta.url));
  if (existsSync(join(beside, "package.json"))) return beside;
  const fromCwd = join(process.cwd(), "demo", "app");
  if (existsSync(join(fromCwd, "package.json"))) return fromCwd;
  throw new Error(`demo app source not found (looked in ${beside} and ${fromCwd})`);
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

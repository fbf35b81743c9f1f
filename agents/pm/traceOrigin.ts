import { dirname, join, normalize } from "node:path";
import type { CodeLocation } from "../../state/pattern.js";
import type { CodeBackend } from "../../tools/codebase/backend.js";
import { isBuildOutput, isTestFile } from "../../tools/codebase/fileKinds.js";
import {
  assignment,
  codeOf,
  enclosingGuard,
  functionDefinition,
  identifiersOf,
  identifierWords,
  importedFrom,
  isCommentLine,
  isModuleLevel,
  literalsOf,
  returnLine,
  statementAt,
} from "./codeLines.js";

/** Local assignments followed back from a failing line before the trail is called cold. */
const MAX_HOPS = 3;
/** Where a failing line's values come from, at most this many per line. */
const MAX_ORIGINS = 3;
/** An API path a client calls and a handler elsewhere in the repository names: `/v1/watch/token`. */
const API_PATH = /^\/[\w.-]+(\/[\w.:{}-]+)+$/;

/** Words every error message has: a constant named by one of them is not named by the failure. */
const GENERIC_WORDS = new Set(
  "error errors fail failed failure exception message invalid missing unknown cannot read reading properties property undefined null object value values type request response status code with from that this".split(" "),
);

/** What the trace knows of the failure: functions already on its stack, and the words of its message. */
export interface FailureContext {
  /** Functions of the failure's own frames: where it is raised, not where its cause is. */
  frameFunctions: ReadonlySet<string>;
  /** Lower-case words and values of the raw message (numbers included): a constant it names is suspect. */
  messageWords: ReadonlySet<string>;
}

/**
 * The lines a failing line's values come from: the failure happens at `path:line` (a throw, a failure
 * event, a call on the stack), and its fix is often where the value it trips on is made. Followed back:
 * the line's values and the condition that guards it, through local assignments (up to three), to the
 * functions that compute them (their `return` line, in this file or one it imports) and the file's
 * constants they read; a request to an API path crosses to the handler that names the same path.
 */
export async function traceOrigins(repo: CodeBackend, at: CodeLocation, context: FailureContext): Promise<CodeLocation[]> {
  const reader = new FileReader(repo);
  const lines = await reader.lines(at.path);
  if (!lines || at.line === null || at.line < 1 || at.line > lines.length) return [];
  const found: CodeLocation[] = [];
  const add = (loc: CodeLocation): void => {
    if (found.length < MAX_ORIGINS && !(loc.path === at.path && loc.line === at.line) && !found.some((f) => f.path === loc.path && f.line === loc.line)) found.push(loc);
  };
  await follow(reader, at.path, lines, at.line - 1, context, add, { crossed: false });
  for (const loc of namedConstants(lines, at.path, context)) add(loc);
  return found;
}

interface Trail {
  /** Whether the trace already crossed from a client to a handler: once is enough. */
  crossed: boolean;
}

async function follow(reader: FileReader, path: string, lines: string[], at: number, context: FailureContext, add: (loc: CodeLocation) => void, trail: Trail): Promise<void> {
  const guard = enclosingGuard(lines, at);
  const failing = codeOf(lines[at]!);
  // A one-line `if (cond) fail()`: the condition is the guard; what the failing call is handed are values.
  const inline = /^\s*(\}\s*)?(else\s+)?if\s*\(/.test(failing) ? conditionOf(failing) : null;
  const values = identifiersOf(inline ? failing.slice(failing.indexOf(inline) + inline.length) : withoutDeclaration(failing)).filter((i) => !i.called);
  const guarded = [...(inline ? identifiersOf(inline) : []), ...(guard >= 0 ? identifiersOf(codeOf(lines[guard]!)) : [])];
  const queue: { name: string; hops: number; from: number }[] = [...guarded, ...values].map((i) => ({ name: i.name, hops: 0, from: at }));
  const seen = new Set<string>();
  while (queue.length) {
    const { name, hops, from } = queue.shift()!;
    if (seen.has(name) || context.frameFunctions.has(name)) continue;
    seen.add(name);
    const fn = functionDefinition(lines, name);
    if (fn >= 0) {
      if (!containsLine(lines, fn, at)) add({ path, line: returnLine(lines, fn) + 1 });
      continue;
    }
    const assigned = assignment(lines, name, from);
    if (assigned >= 0) {
      if (isModuleLevel(lines, assigned)) {
        add({ path, line: assigned + 1 });
        continue;
      }
      if (hops >= MAX_HOPS) continue;
      const statement = statementAt(lines, assigned);
      const rhs = statement.slice(statement.indexOf("=") + 1);
      for (const id of identifiersOf(rhs)) queue.push({ name: id.name, hops: hops + 1, from: assigned });
      if (!trail.crossed) await crossToHandler(reader, path, lines.slice(assigned, assigned + 8).join("\n"), context, add, trail);
      continue;
    }
    const source = importedFrom(lines, name);
    if (source) await imported(reader, path, source, name, add);
  }
}

/** A request to an API path: the handler that names the same path is where the failure's other half is. */
async function crossToHandler(reader: FileReader, path: string, text: string, context: FailureContext, add: (loc: CodeLocation) => void, trail: Trail): Promise<void> {
  const paths = literalsOf(text).map((l) => l.split(/[?#]/)[0]!.replace(/\/$/, ""));
  for (const literal of paths.filter((l) => API_PATH.test(l))) {
    for (const hit of await reader.repo.grep(literal, { limit: 20 })) {
      if (hit.path === path || isBuildOutput(hit.path) || isTestFile(hit.path)) continue;
      const lines = await reader.lines(hit.path);
      if (!lines || isCommentLine(lines[hit.line - 1] ?? "")) continue;
      trail.crossed = true;
      add({ path: hit.path, line: hit.line });
      await follow(reader, hit.path, lines, hit.line - 1, context, add, trail);
      return;
    }
  }
}

/** A function or constant imported from another file of the repository: where it computes its value. */
async function imported(reader: FileReader, path: string, source: string, name: string, add: (loc: CodeLocation) => void): Promise<void> {
  const file = await reader.resolve(path, source);
  const lines = file ? await reader.lines(file) : null;
  if (!file || !lines) return;
  const fn = functionDefinition(lines, name);
  if (fn >= 0) return add({ path: file, line: returnLine(lines, fn) + 1 });
  const assigned = assignment(lines, name, lines.length);
  if (assigned >= 0 && isModuleLevel(lines, assigned)) add({ path: file, line: assigned + 1 });
}

/**
 * The file's constants the message names: "missing scope x" in a file whose `REQUIRED_SCOPES` lists
 * them. A word of the file's own name (hubspot in hubspot.ts) tells nothing apart and does not count.
 */
function namedConstants(lines: string[], path: string, context: FailureContext): CodeLocation[] {
  const fileWords = new Set(identifierWords(path.split("/").at(-1)?.replace(/\.\w+$/, "") ?? ""));
  const out: CodeLocation[] = [];
  lines.forEach((line, i) => {
    const m = /^(export\s+)?(const|let|var)\s+([A-Za-z_$][\w$]*)\s*(:[^=]+)?=/.exec(line) ?? /^([A-Z][A-Z0-9_]+)\s*=/.exec(line);
    const name = m?.[3] ?? m?.[1];
    if (!name || functionDefinition([line], name) >= 0) return;
    const words = identifierWords(name).filter((w) => !fileWords.has(w) && !GENERIC_WORDS.has(w) && w.length >= 4);
    const named = (w: string): boolean => [w, w.replace(/s$/, ""), w.replace(/es$/, "")].some((form) => context.messageWords.has(form));
    if (words.some(named)) out.push({ path, line: i + 1 });
  });
  return out;
}

function conditionOf(code: string): string {
  const start = code.indexOf("(");
  let depth = 0;
  for (let i = start; i < code.length; i++) {
    depth += code[i] === "(" ? 1 : code[i] === ")" ? -1 : 0;
    if (depth === 0) return code.slice(start, i + 1);
  }
  return code.slice(start);
}

/** `const x = f(a)` reads a, not x. */
function withoutDeclaration(code: string): string {
  return code.replace(/^\s*(export\s+)?(const|let|var)\s+[^=]+=(?!=)/, "").replace(/^\s*[\w$.]+\s*=(?!=)/, "");
}

/** Whether the function defined at `definition` spans `line`: the failing line's own function is no origin. */
function containsLine(lines: string[], definition: number, line: number): boolean {
  return returnLine(lines, definition) >= line && definition <= line;
}

/** The repository's files as lines, each read once per trace. */
class FileReader {
  private readonly cache = new Map<string, string[] | null>();
  constructor(readonly repo: CodeBackend) {}

  async lines(path: string): Promise<string[] | null> {
    if (!this.cache.has(path)) {
      try {
        this.cache.set(path, (await this.repo.readRange(path, 1, Number.MAX_SAFE_INTEGER)).lines);
      } catch {
        this.cache.set(path, null);
      }
    }
    return this.cache.get(path) ?? null;
  }

  /** A relative import's file: `./a.js` may be `a.ts` (TypeScript's ESM imports), `./a` may be `a/index.ts`. */
  async resolve(from: string, source: string): Promise<string | null> {
    const python = /^\.+\w/.test(source) && !source.includes("/");
    const spec = python ? source.replace(/^(\.+)/, (dots) => (dots.length === 1 ? "./" : "../".repeat(dots.length - 1))).replace(/(?<=\w)\./g, "/") : source;
    if (!spec.startsWith(".")) return null;
    const base = normalize(join(dirname(from), spec));
    const stem = base.replace(/\.[cm]?[jt]sx?$/, "");
    const files = new Set(await this.repo.listFiles());
    const candidates = [base, ...["ts", "tsx", "js", "jsx", "mjs", "py"].flatMap((ext) => [`${stem}.${ext}`, `${stem}/index.${ext}`, `${stem}/__init__.${ext}`])];
    return candidates.find((c) => files.has(c)) ?? null;
  }
}

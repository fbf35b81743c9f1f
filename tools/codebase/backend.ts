/** One line a code search found. Paths are repository-relative. */
export interface GrepHit {
  path: string;
  line: number;
  text: string;
}

/** A range of a file's lines, 1-based and inclusive. */
export interface FileRange {
  path: string;
  start: number;
  end: number;
  /** Lines in the file. */
  total: number;
  lines: string[];
}

/**
 * Where the PM reads the product's code: a local clone (git grep, fast, the default) or GitHub (code
 * search and contents, for repositories not cloned). Errors are thrown here; the LangChain tools turn
 * them into results a model can read.
 */
export interface CodeBackend {
  readonly name: "local" | "github";
  listFiles(opts?: { under?: string }): Promise<string[]>;
  /** Text (fixed string) or regex search, at most `limit` hits. */
  grep(pattern: string, opts?: { regex?: boolean; limit?: number }): Promise<GrepHit[]>;
  readRange(path: string, start: number, end: number): Promise<FileRange>;
  /** The repository file a stack frame's file name refers to, or null. */
  resolveFrameFile(tail: string): Promise<string | null>;
}

/** The shortest repository path ending with a frame's tail, or with its stem (bundlers rename .ts to .js). */
export function matchFrameFile(files: string[], tail: string): string | null {
  const candidates = files.filter((f) => f === tail || f.endsWith(`/${tail}`));
  if (candidates.length) return candidates.sort((a, b) => a.length - b.length)[0] ?? null;
  const stem = tail.replace(/\.[cm]?[jt]sx?$/, "");
  const byStem = files.filter((f) => f.replace(/\.[cm]?[jt]sx?$/, "").endsWith(stem));
  return byStem.sort((a, b) => a.length - b.length)[0] ?? null;
}

/** Cuts a file's text to a 1-based inclusive range, clamped to the file. */
export function sliceLines(path: string, text: string, start: number, end: number): FileRange {
  const all = text.split("\n");
  const from = Math.max(1, Math.floor(start));
  const to = Math.min(all.length, Math.max(from, Math.floor(end)));
  return { path, start: from, end: to, total: all.length, lines: all.slice(from - 1, to) };
}

import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { git } from "./git.js";
import { matchFrameFile, sliceLines, type CodeBackend, type FileRange, type GrepHit } from "./backend.js";

export type { GrepHit } from "./backend.js";

/**
 * Code search in a local clone with `git grep` (always there with git; no binary to download).
 * Paths are repository-relative; only tracked files are listed, searched or read, so a path cannot
 * climb out of the repository.
 */
export class LocalRepo implements CodeBackend {
  readonly name = "local" as const;
  private files: string[] | null = null;

  constructor(readonly root: string) {}

  async listFiles(opts: { under?: string } = {}): Promise<string[]> {
    this.files ??= (await git(this.root, ["ls-files"])).split("\n").filter(Boolean);
    const under = opts.under?.replace(/^\.?\/+/, "").replace(/\/+$/, "");
    return under ? this.files.filter((f) => f.startsWith(`${under}/`)) : this.files;
  }

  /** Fixed-string search (or extended regex with `regex: true`), case-sensitive, at most `limit` hits. */
  async grep(pattern: string, opts: { regex?: boolean; limit?: number } = {}): Promise<GrepHit[]> {
    const mode = opts.regex ? "-E" : "-F";
    // exit code 1 means "no match", not an error
    const out = await git(this.root, ["grep", "-n", "-I", mode, "-e", pattern], { allowExitCodes: [1] });
    const hits: GrepHit[] = [];
    for (const row of out.split("\n")) {
      const match = /^(.*?):(\d+):(.*)$/.exec(row);
      if (match?.[1] && match[2]) hits.push({ path: match[1], line: Number(match[2]), text: (match[3] ?? "").trim() });
      if (hits.length >= (opts.limit ?? 50)) break;
    }
    return hits;
  }

  async readRange(path: string, start: number, end: number): Promise<FileRange> {
    const clean = path.replace(/^\.?\/+/, "");
    if (!(await this.listFiles()).includes(clean)) throw new Error(`no tracked file ${path} in the repository`);
    return sliceLines(clean, await readFile(join(this.root, clean), "utf8"), start, end);
  }

  async resolveFrameFile(tail: string): Promise<string | null> {
    return matchFrameFile(await this.listFiles(), tail);
  }
}

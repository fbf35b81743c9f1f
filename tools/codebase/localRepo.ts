import { git } from "./git.js";

export interface GrepHit {
  path: string;
  line: number;
  text: string;
}

/**
 * Code search in a local clone with `git grep` (always there with git; no binary to download).
 * Paths are repository-relative.
 */
export class LocalRepo {
  private files: string[] | null = null;

  constructor(readonly root: string) {}

  async listFiles(): Promise<string[]> {
    this.files ??= (await git(this.root, ["ls-files"])).split("\n").filter(Boolean);
    return this.files;
  }

  /** Fixed-string search (or regex with `regex: true`), case-sensitive, at most `limit` hits. */
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

  /** The repository file a stack frame's file name refers to: the shortest path ending with its tail. */
  async resolveFrameFile(tail: string): Promise<string | null> {
    const files = await this.listFiles();
    const candidates = files.filter((f) => f === tail || f.endsWith(`/${tail}`));
    if (candidates.length) return candidates.sort((a, b) => a.length - b.length)[0] ?? null;
    // Bundlers rename extensions (.ts -> .js): match on the stem.
    const stem = tail.replace(/\.[cm]?[jt]sx?$/, "");
    const byStem = files.filter((f) => f.replace(/\.[cm]?[jt]sx?$/, "").endsWith(stem));
    return byStem.sort((a, b) => a.length - b.length)[0] ?? null;
  }
}

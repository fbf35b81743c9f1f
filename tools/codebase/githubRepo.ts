import type { Octokit } from "@octokit/rest";
import { matchFrameFile, sliceLines, type CodeBackend, type FileRange, type GrepHit } from "./backend.js";

/** Files whose contents are fetched to turn code-search results into lines. */
const FILES_PER_SEARCH = 5;

/**
 * Code search in a GitHub repository that is not cloned: GitHub's code search finds the files, their
 * contents (fetched once each) give the lines. GitHub's code search takes no regex: a regex search
 * looks for its longest literal run and filters the lines with the regex itself.
 */
export class GitHubRepo implements CodeBackend {
  readonly name = "github" as const;
  private files: string[] | null = null;
  private readonly contents = new Map<string, string>();

  constructor(
    private readonly octokit: Octokit,
    private readonly repo: { owner: string; repo: string; ref: string },
  ) {}

  async listFiles(opts: { under?: string } = {}): Promise<string[]> {
    if (!this.files) {
      const { data } = await this.octokit.rest.git.getTree({ owner: this.repo.owner, repo: this.repo.repo, tree_sha: this.repo.ref, recursive: "true" });
      this.files = data.tree.filter((e) => e.type === "blob" && typeof e.path === "string").map((e) => e.path as string);
    }
    const under = opts.under?.replace(/^\.?\/+/, "").replace(/\/+$/, "");
    return under ? this.files.filter((f) => f.startsWith(`${under}/`)) : this.files;
  }

  async grep(pattern: string, opts: { regex?: boolean; limit?: number } = {}): Promise<GrepHit[]> {
    const term = opts.regex ? longestLiteral(pattern) : pattern;
    if (!term || term.trim().length < 3) throw new Error(`GitHub code search needs a literal of 3 or more characters; "${pattern}" has none`);
    const matches: (line: string) => boolean = opts.regex ? regexMatcher(pattern) : (line) => line.includes(pattern);
    const q = `"${term.replace(/"/g, " ").trim()}" repo:${this.repo.owner}/${this.repo.repo}`;
    const { data } = await this.octokit.rest.search.code({ q, per_page: FILES_PER_SEARCH });
    const limit = opts.limit ?? 50;
    const hits: GrepHit[] = [];
    for (const item of data.items.slice(0, FILES_PER_SEARCH)) {
      const lines = (await this.content(item.path)).split("\n");
      lines.forEach((text, i) => {
        if (hits.length < limit && matches(text)) hits.push({ path: item.path, line: i + 1, text: text.trim() });
      });
    }
    return hits;
  }

  async readRange(path: string, start: number, end: number): Promise<FileRange> {
    const clean = path.replace(/^\.?\/+/, "");
    return sliceLines(clean, await this.content(clean), start, end);
  }

  async resolveFrameFile(tail: string): Promise<string | null> {
    return matchFrameFile(await this.listFiles(), tail);
  }

  private async content(path: string): Promise<string> {
    const cached = this.contents.get(path);
    if (cached !== undefined) return cached;
    const { data } = await this.octokit.rest.repos.getContent({ owner: this.repo.owner, repo: this.repo.repo, path, ref: this.repo.ref });
    if (Array.isArray(data) || data.type !== "file" || !("content" in data)) throw new Error(`${path} is not a file in ${this.repo.owner}/${this.repo.repo}`);
    const text = Buffer.from(data.content, data.encoding === "base64" ? "base64" : "utf8").toString("utf8");
    this.contents.set(path, text);
    return text;
  }
}

/** The longest run of a regex that matches itself literally ("timed out after \\d+" -> "timed out after "). */
export function longestLiteral(regex: string): string {
  const runs = regex.split(/\\[dDwWsSbB]|[.*+?^${}()|[\]\\]/);
  return runs.sort((a, b) => b.length - a.length)[0] ?? "";
}

function regexMatcher(pattern: string): (line: string) => boolean {
  const re = new RegExp(pattern);
  return (line) => re.test(line);
}

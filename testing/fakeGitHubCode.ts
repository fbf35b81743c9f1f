import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the fake received. */
export interface CodeRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  authorization: string | null;
}

/**
 * A local stand-in for the parts of GitHub's REST API the PM's code search reads: the recursive tree,
 * code search and file contents of one repository, served from an in-memory map of files. It checks
 * what GitHub would reject (no token, a search without the repo qualifier, an unknown ref) and answers
 * those with GitHub's status codes; every request is kept in `requests`. Test double only.
 */
export class FakeGitHubCodeServer {
  readonly requests: CodeRequest[] = [];
  private server: Server | null = null;
  url = "";

  constructor(private readonly opts: { owner: string; repo: string; ref: string; token: string; files: Map<string, string> }) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const { status, json } = this.handle(req);
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(json));
    });
    await new Promise<void>((done) => this.server!.listen(0, "127.0.0.1", done));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((done) => (this.server ? this.server.close(() => done()) : done()));
  }

  private handle(req: IncomingMessage): { status: number; json: unknown } {
    const url = new URL(req.url ?? "/", "http://x");
    const query = Object.fromEntries(url.searchParams.entries());
    const authorization = req.headers.authorization ?? null;
    this.requests.push({ method: req.method ?? "", path: decodeURIComponent(url.pathname), query, authorization });
    if (authorization !== `token ${this.opts.token}` && authorization !== `Bearer ${this.opts.token}`) {
      return { status: 401, json: { message: "Requires authentication" } };
    }
    const { owner, repo, ref, files } = this.opts;
    const base = `/repos/${owner}/${repo}`;
    const path = decodeURIComponent(url.pathname);
    if (path === `${base}/git/trees/${ref}` && query["recursive"]) {
      return { status: 200, json: { sha: "t0", truncated: false, tree: [...files.keys()].map((p) => ({ path: p, type: "blob", mode: "100644", sha: "b", url: "" })) } };
    }
    if (path === "/search/code") {
      const q = query["q"] ?? "";
      if (!q.includes(`repo:${owner}/${repo}`)) return { status: 422, json: { message: "Validation Failed: the search must name the repository" } };
      const term = /"([^"]+)"/.exec(q)?.[1];
      if (!term) return { status: 422, json: { message: "Validation Failed: no search term" } };
      const perPage = Number(query["per_page"] ?? 30);
      const items = [...files.entries()].filter(([, text]) => text.includes(term)).slice(0, perPage);
      return {
        status: 200,
        json: {
          total_count: items.length,
          incomplete_results: false,
          items: items.map(([p]) => ({ name: p.split("/").at(-1), path: p, sha: "b", url: "", git_url: "", html_url: "", score: 1, repository: { full_name: `${owner}/${repo}` } })),
        },
      };
    }
    if (path.startsWith(`${base}/contents/`)) {
      if (query["ref"] !== ref) return { status: 404, json: { message: `No commit found for the ref ${query["ref"] ?? ""}` } };
      const file = path.slice(`${base}/contents/`.length);
      const text = files.get(file);
      if (text === undefined) return { status: 404, json: { message: "Not Found" } };
      return { status: 200, json: { type: "file", encoding: "base64", path: file, name: file.split("/").at(-1), sha: "b", size: text.length, content: Buffer.from(text).toString("base64") } };
    }
    return { status: 404, json: { message: "Not Found" } };
  }
}

import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { FaultPlan } from "./faultPlan.js";

/** One request the fake received, with the check it failed if any. */
export interface RecordedGitHubRequest {
  method: string;
  path: string;
  authorization: string | null;
  body: unknown;
}

/**
 * A local stand-in for GitHub's REST API, enough for Skynet's PRs: lists, creates and updates pull
 * requests of one repository. It checks what the real API would reject and what Skynet must never do: a missing
 * token, a PR from or into the default branch, a head branch not yet pushed (via `branchExists`).
 * A request breaking a rule gets a 422 and is kept in `violations`. Test double, not used in production.
 */
export class FakeGitHubServer {
  readonly requests: RecordedGitHubRequest[] = [];
  readonly violations: string[] = [];
  readonly pulls: { number: number; head: string; base: string; title: string; body: string; html_url: string; merged_at: string | null }[] = [];
  /** Faults to answer a share of requests with (429s, 5xx, timeouts, cut and invalid bodies, dropped connections). */
  faults: FaultPlan | null = null;
  private server: Server | null = null;

  constructor(
    private readonly opts: { owner: string; repo: string; token: string; defaultBranch: string; branchExists: (branch: string) => Promise<boolean> },
  ) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const handled = () => this.handle(req).then(({ status, json }) => ({ status, body: JSON.stringify(json) }));
      if (this.faults) return void this.faults.serve(req, res, handled);
      void handled().then(({ status, body }) => res.writeHead(status, { "content-type": "application/json" }).end(body));
    });
    await new Promise<void>((done) => this.server!.listen(0, "127.0.0.1", done));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((done) => (this.server ? this.server.close(() => done()) : done()));
  }

  /** A person merges a pull request on GitHub. */
  merge(number: number, at: Date): void {
    const pr = this.pulls.find((p) => p.number === number);
    if (!pr) throw new Error(`no pull request #${number}`);
    pr.merged_at = at.toISOString();
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; json: unknown }> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const body: unknown = text ? JSON.parse(text) : null;
    const url = new URL(req.url ?? "/", "http://x");
    const recorded = { method: req.method ?? "", path: url.pathname + url.search, authorization: req.headers.authorization ?? null, body };
    this.requests.push(recorded);
    const reject = (why: string) => {
      this.violations.push(why);
      return { status: 422, json: { message: why } };
    };
    // Like many services, the fake echoes what it refused: a client must never print it back.
    if (recorded.authorization !== `token ${this.opts.token}`) return { status: 401, json: { message: `Bad credentials: ${recorded.authorization ?? "none"}` } };
    const base = `/repos/${this.opts.owner}/${this.opts.repo}/pulls`;
    if (req.method === "GET" && url.pathname === base) {
      const head = url.searchParams.get("head")?.split(":")[1];
      return { status: 200, json: this.pulls.filter((p) => !head || p.head === head) };
    }
    if (req.method === "POST" && url.pathname === base) {
      const b = (body ?? {}) as { head?: string; base?: string; title?: string; body?: string };
      if (!b.head || !b.base || !b.title) return reject("head, base and title are required");
      if (b.head === this.opts.defaultBranch) return reject("a PR from the default branch");
      if (b.base !== this.opts.defaultBranch) return reject(`a PR into ${b.base}, not the default branch`);
      if (!(await this.opts.branchExists(b.head))) return reject(`head branch ${b.head} was not pushed before the PR was opened`);
      const number = this.pulls.length + 1;
      const pr = { number, head: b.head, base: b.base, title: b.title, body: b.body ?? "", html_url: `https://github.example/${this.opts.owner}/${this.opts.repo}/pull/${number}`, merged_at: null };
      this.pulls.push(pr);
      return { status: 201, json: pr };
    }
    if (/\/merge$/.test(url.pathname)) return reject("Skynet tried to merge a PR");
    const one = new RegExp(`^${base}/(\\d+)$`).exec(url.pathname);
    if (req.method === "GET" && one) {
      const pr = this.pulls.find((p) => p.number === Number(one[1]));
      return pr ? { status: 200, json: pr } : { status: 404, json: { message: "Not Found" } };
    }
    if (req.method === "PATCH" && one) {
      const pr = this.pulls.find((p) => p.number === Number(one[1]));
      if (!pr) return { status: 404, json: { message: "Not Found" } };
      const b = (body ?? {}) as { title?: string; body?: string; base?: string; state?: string };
      if (b.base && b.base !== this.opts.defaultBranch) return reject(`retargeting PR #${pr.number} to ${b.base}`);
      if (b.title) pr.title = b.title;
      if (b.body !== undefined) pr.body = b.body;
      return { status: 200, json: pr };
    }
    return { status: 404, json: { message: "Not Found" } };
  }
}

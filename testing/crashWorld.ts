import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { seedDemoWeek, withWarehouse, type DemoWeek } from "./demoWeek.js";
import { FakeLinearServer } from "./fakeLinear.js";
import { FakeOpenAIServer } from "./fakeOpenAI.js";
import { FakeGitHubServer } from "./fakeGitHub.js";
import { addBareOrigin } from "./skynetWorld.js";
import { everyRoleReply, roleOf, type ModelRole } from "./everyRoleReplies.js";
import { runCli, type CliResult } from "./cli.js";
import { git } from "../tools/codebase/git.js";

const KEYS = { LINEAR_API_KEY: "lin_api_crash", OPENAI_API_KEY: "sk-crash", GITHUB_TOKEN: "ghp_crash" };

/** What the test process sees of the outside services so far: requests per model role, Linear calls, GitHub requests. */
export interface ServiceCounts {
  models: Record<ModelRole, number>;
  linear: number;
  github: number;
}

/**
 * A demo week (not yet imported) whose weekly run uses every outside service, each a local fake: the
 * gatherer and Skynet models (answers read off each request, so a resumed run is asked and answers as
 * a run never killed), Linear as the tracker, and GitHub with a bare repository as the remote Skynet
 * pushes to.
 */
export class CrashWorld {
  private readonly modelCalls: Record<ModelRole, number> = { gatherer: 0, skynet: 0, pm: 0 };
  readonly openai = new FakeOpenAIServer((req) => {
    this.modelCalls[roleOf(req)]++;
    return everyRoleReply(req);
  });
  readonly linear = new FakeLinearServer(KEYS.LINEAR_API_KEY);
  github: FakeGitHubServer | null = null;
  private env: NodeJS.ProcessEnv = {};

  private constructor(
    readonly demo: DemoWeek,
    readonly remote: string,
  ) {}

  static async create(opts: { sessions: number; seed: number; skynetTickets: number }): Promise<CrashWorld> {
    const demo = await seedDemoWeek({ sessions: opts.sessions, seed: opts.seed, ingest: false });
    const world = new CrashWorld(demo, await addBareOrigin(join(demo.settings.dataDir, "demo-repo")));
    const remote = world.remote;
    world.github = new FakeGitHubServer({
      owner: "acme",
      repo: "acme-app",
      token: KEYS.GITHUB_TOKEN,
      defaultBranch: "main",
      branchExists: async (b) => (await git(remote, ["branch", "--list", b])).trim().length > 0,
    });
    world.env = { ...KEYS, OPENAI_BASE_URL: await world.openai.start(), GITHUB_API_URL: await world.github.start() };
    await world.linear.start();
    const file = demo.settings.config!;
    const profile = JSON.parse(readFileSync(file, "utf8")) as { repo: Record<string, unknown>; skynet?: Record<string, unknown> };
    writeFileSync(
      file,
      JSON.stringify({
        ...profile,
        repo: { ...profile.repo, github: "acme/acme-app" },
        models: { gatherer: "gpt-4o-mini", skynet: "gpt-4o-mini" },
        gatherer: { retryBaseMs: 1, requestsPerMinute: 100_000 },
        skynet: { ...profile.skynet, maxTicketsPerRun: opts.skynetTickets },
        tracker: { kind: "linear" },
        linear: { team: "ENG", apiUrl: world.linear.url },
      }),
    );
    return world;
  }

  counts(): ServiceCounts {
    return { models: { ...this.modelCalls }, linear: this.linear.calls.length, github: this.github?.requests.length ?? 0 };
  }

  /** `selfheal <args>` on this world's warehouse and profile, SIGKILLed the moment `killWhen` says so. */
  cli(args: string[], killWhen?: (stderrSoFar: string) => boolean): Promise<CliResult> {
    return runCli(["--db", this.demo.settings.db, "--config", this.demo.settings.config!, ...args], { env: this.env, ...(killWhen ? { killWhen } : {}) });
  }

  ingest(killWhen?: (stderrSoFar: string) => boolean): Promise<CliResult> {
    return this.cli(["ingest", join(this.demo.settings.dataDir, "events.jsonl"), "--json"], killWhen);
  }

  weekly(killWhen?: (stderrSoFar: string) => boolean): Promise<CliResult> {
    return this.cli(["run", "--week", this.demo.week, "--yes", "--json"], killWhen);
  }

  /** Everything the week leaves behind, in the warehouse, the tracker and on the remote, as sorted lines. */
  async outcome() {
    const week = this.demo.week;
    const stored = await withWarehouse(this.demo, async (h) => {
      const tickets = await h.listTickets();
      const fingerprintOf = new Map(tickets.map((t) => [t.id, t.fingerprint]));
      return {
        events: await h.countEvents(),
        sessions: await h.countSessions(week),
        reports: (await h.listReports({ week })).map((r) => [r.sessionId, r.analystVersion, r.score, r.userIntent, r.department, r.evidence.join(",")].join("|")).sort(),
        patterns: (await h.listPatterns(week)).map((p) => [p.fingerprint, p.kind, p.sessions, p.decision, p.priority].join("|")).sort(),
        tickets: tickets.map((t) => [t.id, t.fingerprint, t.title, t.priority, t.status, t.sessions, t.url].join("|")).sort(),
        fixAttempts: (await h.listFixAttempts()).map((a) => [fingerprintOf.get(a.ticketId), a.status, a.branch, a.prUrl, a.testsBefore, a.testsAfter].join("|")).sort(),
      };
    });
    const linearIssues = this.linear.issues.map((i) => {
      const comments = this.linear.comments.filter((c) => c.issueId === i.id).map((c) => c.body);
      return [i.identifier, /selfheal-pattern:(\S+)/.exec(i.description)?.[1], i.title, i.priority, i.stateId, ...comments].join("|");
    });
    const branches = (await git(this.remote, ["for-each-ref", "--format=%(refname:short)", "refs/heads"])).split("\n").filter(Boolean);
    // A branch is the same fix when its tree and its count of commits past main are (commit ids carry times).
    const remote = await Promise.all(branches.map(async (b) => [b, (await git(this.remote, ["rev-parse", `${b}^{tree}`])).trim(), (await git(this.remote, ["rev-list", "--count", `main..${b}`])).trim()].join("|")));
    const pulls = (this.github?.pulls ?? []).map((p) => [p.number, p.head, p.base, p.title, p.body].join("|"));
    return { ...stored, linearIssues: linearIssues.sort(), remote: remote.sort(), pulls: pulls.sort() };
  }

  async stop(): Promise<void> {
    await Promise.all([this.openai.stop(), this.linear.stop(), this.github?.stop()]);
  }
}

import { describe, it, expect, beforeEach, afterEach } from "vitest";
import { FakeGitHubServer } from "../../testing/fakeGitHub.js";
import { FaultPlan } from "../../testing/faultPlan.js";
import { ServiceSettings } from "../../state/profileSections/services.js";
import { retryPolicyOf } from "../../runtime/outside/guard.js";
import { CircuitOpenError } from "../../runtime/outside/circuit.js";
import { openPullRequest } from "../vcs/pullRequest.js";
import { githubAccess, githubClient } from "./client.js";

const TOKEN = "ghp_faults";
const FAST = ServiceSettings.parse({ maxRetries: 6, retryBaseMs: 1, retryMaxMs: 20, timeoutMs: 300, circuitFailures: 8 });

describe("GitHub behind its guard, with a fault plan on the fake", () => {
  let fake: FakeGitHubServer;
  let url: string;
  beforeEach(async () => {
    fake = new FakeGitHubServer({ owner: "acme", repo: "app", token: TOKEN, defaultBranch: "main", branchExists: async () => true });
    url = await fake.start();
  });
  afterEach(async () => fake.stop());
  const client = (s: ServiceSettings) => githubClient(githubAccess({ GITHUB_TOKEN: TOKEN, GITHUB_API_URL: url }), s);
  const spec = (n: number) => ({ owner: "acme", repo: "app", branch: `selfheal/eng-${n}`, base: "main", title: `Fix ${n}`, body: `body ${n}` });

  it("at 20% faults opens one PR per ticket, a lost reply to a create never making a twin", async () => {
    fake.faults = new FaultPlan({ share: 0.2, seed: 4242, timeoutHangMs: 1_000 });
    const octokit = await client(FAST);
    for (let n = 0; n < 15; n++) await openPullRequest(octokit, spec(n), retryPolicyOf(FAST));
    for (let n = 0; n < 15; n++) expect((await openPullRequest(octokit, spec(n), retryPolicyOf(FAST))).created).toBe(false);
    expect(fake.pulls.map((p) => p.head).sort()).toEqual(Array.from({ length: 15 }, (_, n) => `selfheal/eng-${n}`).sort());
    expect(fake.violations).toEqual([]);
    const seen = Object.fromEntries(fake.faults.injected);
    expect(Object.keys(seen).length, JSON.stringify(seen)).toBeGreaterThanOrEqual(6);
    const lostReplies = (seen["timeout"] ?? 0) + (seen["truncated"] ?? 0) + (seen["drop"] ?? 0);
    expect(lostReplies, JSON.stringify(seen)).toBeGreaterThanOrEqual(3);
  }, 120_000);

  it("waits what Retry-After says before trying again, and backs off briefly without it", async () => {
    const octokit = await client(ServiceSettings.parse({ maxRetries: 2, retryBaseMs: 10, retryMaxMs: 5_000, circuitFailures: 50 }));
    const times: number[] = [];
    fake.faults = new FaultPlan({ share: 1, seed: 9, kinds: [{ kind: "status", status: 429, retryAfterSeconds: 1 }] });
    const started = Date.now();
    const list = () => octokit.rest.pulls.list({ owner: "acme", repo: "app" }).finally(() => times.push(Date.now() - started));
    await list().catch(() => {});
    expect(fake.faults.total).toBe(3);
    expect(times[0]).toBeGreaterThanOrEqual(2_000); // two waits of Retry-After: 1 s
    fake.faults = new FaultPlan({ share: 1, seed: 9, kinds: [{ kind: "status", status: 503 }] });
    const again = Date.now();
    await octokit.rest.pulls.list({ owner: "acme", repo: "app" }).catch(() => {});
    expect(fake.faults.total).toBe(3);
    expect(Date.now() - again).toBeLessThan(1_000); // 10 ms, then 20 ms, with jitter
  }, 60_000);

  it("stops calling GitHub once it is down: the circuit opens and later requests are not sent", async () => {
    const octokit = await client(ServiceSettings.parse({ maxRetries: 5, retryBaseMs: 1, retryMaxMs: 5, circuitFailures: 4, circuitCooldownMs: 300 }));
    fake.faults = new FaultPlan({ share: 0, seed: 1 });
    fake.faults.down = true;
    await expect(openPullRequest(octokit, spec(1), retryPolicyOf(FAST))).rejects.toBeInstanceOf(CircuitOpenError);
    for (let n = 0; n < 5; n++) await expect(octokit.rest.pulls.list({ owner: "acme", repo: "app" })).rejects.toBeInstanceOf(CircuitOpenError);
    expect(fake.requests).toHaveLength(0); // refused ones are not handled
    expect(fake.faults.total).toBe(4);
    // back up: after the cooldown one request tries it, and its success closes the circuit
    fake.faults.down = false;
    await new Promise((r) => setTimeout(r, 350));
    expect((await openPullRequest(octokit, spec(1), retryPolicyOf(FAST))).created).toBe(true);
    expect(fake.pulls).toHaveLength(1);
  }, 60_000);
});

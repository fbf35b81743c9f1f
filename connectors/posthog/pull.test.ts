import { afterEach, describe, expect, it } from "vitest";
import { join } from "node:path";
import { pullPostHog } from "./pull.js";
import { postHogSettings, type PostHogApiSettings } from "./settings.js";
import { ServiceSettings } from "../../state/profileSections/services.js";
import { ProductProfile } from "../../state/profile.js";
import { FakePostHogServer, fakeEvents, type FakePostHogEvent } from "../../testing/fakePostHog.js";
import { tempDir, writeFile } from "../../testing/events.js";
import { runCli } from "../../testing/cli.js";
import { withWarehouseAt as withWarehouse } from "../../testing/warehouses.js";

const servers: FakePostHogServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function fake(events: FakePostHogEvent[]): Promise<{ server: FakePostHogServer; host: string }> {
  const server = new FakePostHogServer({ projectId: "4242", apiKey: "phx_secret" });
  servers.push(server);
  server.add(events);
  return { server, host: await server.start() };
}


const settings = (host: string, over: Partial<PostHogApiSettings> = {}): PostHogApiSettings => ({
  host,
  projectId: "4242",
  apiKey: "phx_secret",
  pageSize: 4,
  services: ServiceSettings.parse({ maxRetries: 3, retryBaseMs: 100, timeoutMs: 5_000 }),
  ...over,
});

/** The keyset literal a request resumed from, or null for the first page. */
const resumedFrom = (query: string | null): string | null => /uuid > toUUID\('([^']+)'\)/.exec(query ?? "")?.[1] ?? null;

describe("pullPostHog against a fake query API", () => {
  it("pages by (timestamp, uuid), retries a 429 (Retry-After) and a 503 (backoff), stores the watermark", async () => {
    // Ten events; e-003 and e-004 share a millisecond and differ in microseconds, across a page boundary.
    const events = [...fakeEvents("a", 3), ...fakeEvents("b", 2, { start: 3, micros: "000100" }), ...fakeEvents("c", 5, { start: 5, session: "ps2" })];
    events[4] = { ...events[4]!, timestamp: events[3]!.timestamp.replace("000100", "000900") };
    const { server, host } = await fake(events);
    server.failures.push({ status: 429, retryAfter: "1" }, { status: 503 });
    const lines: string[] = [];
    const db = join(tempDir(), "w.db");
    const result = await withWarehouse(db, (w) => pullPostHog(w, settings(host), { onPage: (line) => lines.push(line) }));
    // Retry-After: 1 s; then backoff of 100 ms * 2^1, jittered into [100, 200] ms
    expect(lines.filter((l) => l.includes("retry"))).toEqual([expect.stringMatching(/^page 1: 429 .*, retry 1 in 1\.0 s$/), expect.stringMatching(/^page 1: 503 .*, retry 2 in 0\.[12] s$/)]);
    expect(result).toMatchObject({ events: 10, duplicates: 0, sessionless: 0, malformed: 0 });
    expect(server.requests.every((r) => r.authorization === "Bearer phx_secret" && r.path === "/api/projects/4242/query/")).toBe(true);
    expect(server.requests.every((r) => (r.body as { query: { kind: string } }).query.kind === "HogQLQuery")).toBe(true);
    // 2 failed attempts, then pages of 4, 4 and 2 rows; each page resumes after the last row of the one before.
    expect(server.requests.map((r) => resumedFrom(r.query))).toEqual([null, null, null, "b-000", "c-002"]);
    await withWarehouse(db, async (w) => {
      expect(await w.countEvents()).toBe(10);
      expect((await w.sessionSignals(["ps1", "ps2"])).map((s) => s.eventCount)).toEqual([5, 5]);
      expect(JSON.parse((await w.watermark(`posthog-api:${host}/4242`)) ?? "null")).toEqual({ timestamp: "2026-01-05 10:00:09.000000", uuid: "c-004" });
    });

    // Nothing new: one request from the watermark, nothing stored. Then two new events: only they come.
    const idle = await withWarehouse(db, (w) => pullPostHog(w, settings(host)));
    expect(idle).toMatchObject({ events: 0, duplicates: 0 });
    expect(resumedFrom(server.requests.at(-1)?.query ?? null)).toBe("c-004");
    server.add(fakeEvents("d", 2, { start: 20, session: "ps2" }));
    const more = await withWarehouse(db, (w) => pullPostHog(w, settings(host)));
    expect(more).toMatchObject({ events: 2, duplicates: 0, sessions: 1 });
    expect(await withWarehouse(db, (w) => w.sessionSignals(["ps2"]))).toMatchObject([{ eventCount: 7 }]);
  });

  it("a refused key is a settings error (exit 2) and stores nothing", async () => {
    const { host } = await fake(fakeEvents("a", 3));
    const db = join(tempDir(), "w.db");
    await withWarehouse(db, async (w) => {
      await expect(pullPostHog(w, settings(host, { apiKey: "wrong" }))).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/refused the API key \(401 Invalid personal API key\.\)/) });
      expect(await w.countEvents()).toBe(0);
      expect(await w.watermark(`posthog-api:${host}/4242`)).toBeNull();
    });
  });

  it("gives up after maxRetries on a persistent 5xx, keeping what was committed before", async () => {
    const { server, host } = await fake(fakeEvents("a", 6));
    const db = join(tempDir(), "w.db");
    await withWarehouse(db, async (w) => {
      expect(await pullPostHog(w, settings(host))).toMatchObject({ events: 6 });
      const mark = await w.watermark(`posthog-api:${host}/4242`);
      server.add(fakeEvents("z", 1, { start: 100 }));
      server.failures.push({ status: 500 }, { status: 500 }, { status: 500 });
      await expect(pullPostHog(w, settings(host, { services: ServiceSettings.parse({ maxRetries: 2, retryBaseMs: 1 }) }))).rejects.toThrow(
        /^PostHog request failed after 3 attempt\(s\): 500 injected failure/,
      );
      expect(await w.countEvents()).toBe(6);
      expect(await w.watermark(`posthog-api:${host}/4242`)).toBe(mark);
    });
  });
});

describe("settings", () => {
  it("takes host, project and key from the profile, the environment overriding each", () => {
    const profile = ProductProfile.parse({ product: { name: "A", description: "d" }, departments: {}, successEvents: [], posthog: { projectId: 7, apiKey: "from-file" } });
    expect(postHogSettings(profile, {})).toMatchObject({ host: "https://us.posthog.com", projectId: "7", apiKey: "from-file", pageSize: 10_000, services: { maxRetries: 6, timeoutMs: 60_000 } });
    expect(postHogSettings(profile, { POSTHOG_HOST: "https://eu.posthog.com/", POSTHOG_PROJECT_ID: "9", POSTHOG_API_KEY: "env" })).toMatchObject({
      host: "https://eu.posthog.com",
      projectId: "9",
      apiKey: "env",
    });
    const bare = ProductProfile.parse({ product: { name: "A", description: "d" }, departments: {}, successEvents: [] });
    expect(() => postHogSettings(bare, { POSTHOG_PROJECT_ID: "9" })).toThrow(/POSTHOG_API_KEY/);
  });
});

describe("selfheal ingest --posthog-api (CLI)", () => {
  it("without a project id or key exits 2 saying which setting to give", async () => {
    const dir = tempDir();
    const run = await runCli(["--db", join(dir, "w.db"), "ingest", "--posthog-api", "--json"], {
      env: { POSTHOG_HOST: "", POSTHOG_PROJECT_ID: "", POSTHOG_API_KEY: "", SELFHEAL_CONFIG: "" },
      cwd: dir,
    });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("no PostHog project id: set posthog.projectId in the config or POSTHOG_PROJECT_ID");
  });

  it("resumes after a SIGKILL between pages with no duplicate and no gap", async () => {
    const { server, host } = await fake(fakeEvents("k", 9));
    server.stallAt = 3; // page 3 hangs: pages 1 and 2 are committed, then the process dies
    const dir = tempDir();
    const db = join(dir, "w.db");
    const config = writeFile(dir, "selfheal.config.json", JSON.stringify({ product: { name: "A", description: "d" }, departments: {}, successEvents: [], posthog: { pageSize: 3 } }));
    const env = { POSTHOG_HOST: host, POSTHOG_PROJECT_ID: "4242", POSTHOG_API_KEY: "phx_secret" };
    const args = ["--db", db, "--config", config, "ingest", "--posthog-api", "--json"];
    const killed = await runCli(args, { env, killWhen: () => server.requests.length >= 3 });
    expect(killed.signal, killed.stderr).toBe("SIGKILL");
    expect(killed.stderr).toContain("page 2 committed");
    expect(await withWarehouse(db, (w) => w.countEvents())).toBe(6);

    server.stallAt = null;
    const resumed = await runCli(args, { env });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(JSON.parse(resumed.stdout)).toMatchObject({ events: 3, duplicates: 0, malformed: 0 });
    expect(resumedFrom(server.requests[3]?.query ?? null)).toBe("k-005");
    await withWarehouse(db, async (w) => {
      expect(await w.countEvents()).toBe(9);
      expect((await w.sessionSignals(["ps1"]))[0]).toMatchObject({ eventCount: 9, lastEventId: "k-008" });
    });
  });
});

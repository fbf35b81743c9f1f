/**
 * The review app's page latency over HTTP on a gathered, triaged demo week (a ticket gate waiting),
 * beside two baselines measured in the same run: a refused request (the server and the client, no
 * page), and the week's digest collected and rendered in process (what `selfheal digest` computes).
 * Prints the median and the slowest of a few requests per page; asserts nothing.
 * Usage: npx tsx bench/servePages.ts [<sessions, default 2000>] (also part of npm run bench)
 */
import { rmSync } from "node:fs";
import { seedDemoWeek } from "../testing/demoWeek.js";
import { runGatherer } from "../graphs/host/direct.js";
import { THREADS } from "../graphs/host/threads.js";
import { leaveGates } from "../graphs/host/gates.js";
import { openWarehouse } from "../warehouse/index.js";
import { loadProfile } from "../state/loadProfile.js";
import { collectDigest } from "../agents/review/digestData.js";
import { renderDigestHtml } from "../agents/review/renderDigest.js";
import { reviewApp } from "../cli/serve/app.js";
import { newAccessToken } from "../cli/serve/access.js";
import { listen } from "../cli/serve/listen.js";
import { reportStreamOf } from "../cli/serve/context.js";

const RUNS = 7;

async function measure(label: string, fn: () => Promise<unknown>): Promise<void> {
  await fn(); // warm: the first request loads modules the others reuse
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  console.log(`  ${label.padEnd(44)} median ${ms[Math.floor(RUNS / 2)]!.toFixed(1).padStart(7)} ms   slowest ${ms.at(-1)!.toFixed(1).padStart(7)} ms`);
}

export async function servePagesBench(sessions = 2000): Promise<void> {
  const demo = await seedDemoWeek({ sessions, seed: 1 });
  await runGatherer(demo.settings, { week: demo.week, limit: null, concurrency: null });
  await THREADS.triage.run(demo.settings, demo.week, { answer: leaveGates });
  const warehouse = openWarehouse(demo.settings.db);
  const ctx = { settings: demo.settings, warehouse, loaded: loadProfile(demo.settings.config) };
  const token = newAccessToken();
  const server = await listen(reviewApp(ctx, token), "127.0.0.1", 0);
  const headers = { cookie: `selfheal_token=${token}` };
  const get = async (path: string, opts: RequestInit = { headers }) => {
    const response = await fetch(`${server.origin}${path}`, opts);
    await response.text();
    if (response.status !== 200 && opts.headers) throw new Error(`${path}: ${response.status}`);
  };
  try {
    const [pattern] = await warehouse.listPatterns(demo.week);
    const session = pattern?.sessionIds[0] ?? "";
    console.log(`review app pages, ${sessions} sessions in ${demo.week} (${RUNS} requests each, after one warm-up)`);
    // In process first: an idle keep-alive connection closed by the server while it ran would reset the next request.
    await measure("baseline: digest collected + rendered in process", async () => renderDigestHtml(await collectDigest(warehouse, demo.week, { reportsOf: (w) => reportStreamOf(ctx, w) }), { name: "Acme" }));
    await measure("baseline: refused request (401, no page)", () => get("/", {}));
    await measure("week", () => get(`/?week=${demo.week}`));
    await measure("patterns", () => get(`/patterns?week=${demo.week}`));
    await measure(`pattern (${pattern?.sessions ?? 0} sessions)`, () => get(`/patterns/${encodeURIComponent(pattern?.fingerprint ?? "")}?week=${demo.week}`));
    await measure("session (report + transcript)", () => get(`/sessions/${encodeURIComponent(session)}`));
    await measure("tickets", () => get("/tickets"));
    await measure("Skynet's attempts", () => get("/attempts"));
    await measure("gates (one waiting)", () => get("/gates"));
  } finally {
    await server.close();
    await warehouse.close();
    rmSync(demo.settings.dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await servePagesBench(Number(process.argv[2] ?? 2000));

import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { seedDemoWeek } from "../testing/demoWeek.js";
import { FakeLinearServer } from "../testing/fakeLinear.js";
import { runCli } from "../testing/cli.js";
import { addWeek, gather, ticketOfBug, triageAccepted } from "../testing/verifyWeeks.js";
import { weekRange } from "../runtime/week.js";
import type { VerifySummary } from "../graphs/verify/state.js";

const KEY = "lin_api_verify";
const [W0, W1, W2] = ["2026-W36", "2026-W37", "2026-W38"] as const;

/** `selfheal verify` as a child process on a Linear profile: fixes ship when their issues are completed. */
describe("selfheal verify with tracker.kind linear", () => {
  let fake: FakeLinearServer;
  const saved = process.env["LINEAR_API_KEY"];
  beforeAll(async () => {
    fake = new FakeLinearServer(KEY);
    await fake.start();
    process.env["LINEAR_API_KEY"] = KEY;
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env["LINEAR_API_KEY"];
    else process.env["LINEAR_API_KEY"] = saved;
    await fake.stop();
  });

  it("calls the fix that held healed and reopens the issue of the one that did not, with the evidence", { timeout: 300_000 }, async () => {
    const demo = await seedDemoWeek({ sessions: 1200, seed: 9, week: W0 });
    const profile = JSON.parse(readFileSync(demo.settings.config!, "utf8")) as Record<string, unknown>;
    writeFileSync(demo.settings.config!, JSON.stringify({ ...profile, tracker: { kind: "linear" }, linear: { team: "ENG", apiUrl: fake.url } }));
    await gather(demo, W0);
    await triageAccepted(demo, W0);
    const hubspot = await ticketOfBug(demo, W0, "hubspot_scope");
    const csv = await ticketOfBug(demo, W0, "csv_bom");
    // A person closes both issues in Linear as W1 starts; only the hubspot fix really works.
    fake.setState(hubspot.id, "completed", weekRange(W1).start);
    fake.setState(csv.id, "completed", weekRange(W1).start);
    await addWeek(demo, W1, 61, ["hubspot_scope"]);
    await addWeek(demo, W2, 62, ["hubspot_scope"]);

    const args = ["--db", demo.settings.db, "--config", demo.settings.config!];
    const out = await runCli([...args, "verify", "--week", W2, "--json"], { env: { LINEAR_API_KEY: KEY } });
    expect(out.stderr).not.toMatch(/Error/);
    expect(out.code).toBe(0);
    const json = JSON.parse(out.stdout) as VerifySummary;
    expect(json.asOf).toBe(weekRange(W2).end.toISOString());
    const healed = json.fixes.find((f) => f.ticket === hubspot.id)!;
    expect(healed).toMatchObject({ verdict: "healed", shippedBy: "tracker_done", shippedAt: weekRange(W1).start.toISOString(), reopened: false });
    expect(healed.after!.sessions).toBe(0);
    const failed = json.fixes.find((f) => f.ticket === csv.id)!;
    expect(failed).toMatchObject({ verdict: "not_healed", reopened: true });
    expect(fake.issues.find((i) => i.identifier === csv.id)?.stateId).toBe("st-todo");
    expect(fake.issues.find((i) => i.identifier === hubspot.id)?.stateId).toBe("st-done");
    const comments = fake.comments.filter((c) => c.issueId === fake.issues.find((i) => i.identifier === csv.id)?.id);
    expect(comments).toEqual([{ issueId: expect.any(String), body: expect.stringContaining("did not hold") }]);
    expect(comments[0]!.body).toContain(`(ticket marked done: ${csv.url})`);
    expect(fake.rejected).toEqual([]);

    const bad = await runCli([...args, "verify", "--week", "2026-48"], { env: { LINEAR_API_KEY: KEY } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--week must be an ISO week");
  });
});

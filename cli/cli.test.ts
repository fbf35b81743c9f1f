import { describe, it, expect, beforeAll } from "vitest";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../testing/cli.js";
import { seedDemoWeek, withWarehouse, type DemoWeek } from "../testing/demoWeek.js";

describe("selfheal demo", () => {
  const dir = mkdtempSync(join(tmpdir(), "selfheal-demo-"));
  const db = join(dir, "warehouse.db");
  let first: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    first = await runCli(["--db", db, "demo", "--week", "2026-W47"]);
  });

  it("runs the whole loop offline and prints what a new user needs to see", () => {
    expect(first.code, first.stderr).toBe(0);
    const out = first.stdout;
    expect(out).toMatch(/scored 2000 sessions/);
    expect(out).toContain("score distribution of 2000 sessions");
    expect(out).toMatch(/\d+ patterns in 2026-W47: \d+ ticketed, \d+ flagged/);
    expect(out).toMatch(/SH-[A-Z]{4}-1 \(open\)/);
    expect(out).toContain("src/integrations/hubspot.ts:");
    expect(out).toMatch(/SH-[A-Z]{4}-\d+ +needs_model/);
    expect(out).toContain("the demo answers it itself");
    const digest = /Digest +(\S+\.html)/.exec(out)?.[1];
    expect(digest && existsSync(digest)).toBe(true);
    expect(readFileSync(digest!, "utf8")).toContain("2026-W47");
  });

  it("a second run re-scores no session and files no ticket", async () => {
    const again = await runCli(["--db", db, "demo", "--week", "2026-W47", "--json"]);
    expect(again.code, again.stderr).toBe(0);
    const result = JSON.parse(again.stdout) as {
      ingest: { events: number; duplicates: number };
      gather: { scored: number; skipped: number };
      triage: { gate: string; filed: unknown[] };
      fix: { attempts: unknown[] };
    };
    expect(result.ingest.events).toBe(0);
    expect(result.ingest.duplicates).toBeGreaterThan(40_000);
    expect(result.gather).toMatchObject({ scored: 0, skipped: 2000 });
    expect(result.triage).toMatchObject({ gate: "nothing_to_file", filed: [] });
    expect(result.fix.attempts).toEqual([]);
  });
});

describe("the command-line contract", () => {
  let demo: DemoWeek;
  let base: string[];
  beforeAll(async () => {
    demo = await seedDemoWeek({ sessions: 500, seed: 41 });
    base = ["--db", demo.settings.db, "--config", demo.settings.config!];
  });

  it("gather and reports --json follow the contract", async () => {
    const gather = await runCli([...base, "gather", "--json", "--limit", "200"]);
    expect(gather.code, gather.stderr).toBe(0);
    expect(JSON.parse(gather.stdout)).toMatchObject({ scored: 200, skipped: 0, failed: 0, analyst: "heuristic", analystVersion: expect.stringMatching(/^heuristic-/) });
    const reports = await runCli([...base, "reports", "--json"]);
    const rows = JSON.parse(reports.stdout) as Record<string, unknown>[];
    expect(rows).toHaveLength(200);
    for (const key of ["sessionId", "userIntent", "userSuccess", "improvement", "department", "score", "analyst", "evidence"]) {
      expect(rows[0]).toHaveProperty(key);
    }
  });

  it("run without --yes stops at the ticket gate and says how to resume; --yes files the tickets", async () => {
    const waiting = await runCli([...base, "run", "--week", demo.week]);
    expect(waiting.code, waiting.stderr).toBe(0);
    expect(waiting.stdout).toContain("Waiting at a human gate: file_tickets");
    expect(waiting.stdout).toMatch(new RegExp(`npx selfheal --db \\S+ --config \\S+ run --week ${demo.week} --yes`));
    expect(await withWarehouse(demo, (w) => w.listTickets())).toHaveLength(0);

    const approved = await runCli([...base, "run", "--week", demo.week, "--yes", "--json"]);
    expect(approved.code, approved.stderr).toBe(0);
    const tickets = await withWarehouse(demo, (w) => w.listTickets());
    expect(tickets.length).toBeGreaterThan(0);
    expect(JSON.parse(approved.stdout)).toMatchObject({ status: "done", triage: { gate: "accepted" } });
    const runs = await withWarehouse(demo, (w) => w.listRuns());
    expect(runs.filter((r) => r.kind === "weekly").map((r) => [r.week, r.status]).sort()).toEqual([
      [demo.week, "interrupted"],
      [demo.week, "succeeded"],
    ]);
  });

  it("triage, fix and digest --json follow the contract", async () => {
    const triage = await runCli([...base, "triage", "--week", demo.week, "--json"]);
    expect(triage.code, triage.stderr).toBe(0);
    const t = JSON.parse(triage.stdout) as { patterns: Record<string, unknown>[] };
    expect(t.patterns.length).toBeGreaterThan(0);
    for (const key of ["fingerprint", "title", "kind", "sessions", "decision", "priority", "sessionIds", "codeLocations", "ticket"]) {
      expect(t.patterns[0]).toHaveProperty(key);
    }
    const sampled = await runCli([...base, "triage", "--week", demo.week, "--json", "--sample", "2"]);
    expect(sampled.code, sampled.stderr).toBe(0);
    const big = (JSON.parse(sampled.stdout) as { patterns: { sessions: number; sessionIds: string[]; sessionIdsSampled: boolean }[] }).patterns.find((p) => p.sessions > 2);
    expect(big?.sessionIds).toHaveLength(2);
    expect(big?.sessionIdsSampled).toBe(true);
    const fix = await runCli([...base, "fix", "--json"]);
    expect(fix.code, fix.stderr).toBe(0);
    expect(JSON.parse(fix.stdout)).toHaveProperty("attempts");

    const outFile = join(demo.settings.dataDir, "my-digest.html");
    const digest = await runCli([...base, "digest", "--week", demo.week, "--out", outFile, "--json"]);
    expect(digest.code, digest.stderr).toBe(0);
    expect(JSON.parse(digest.stdout)).toMatchObject({ path: outFile });
    expect(readFileSync(outFile, "utf8")).toContain("</html>");
    // A file named .md gets Markdown, not HTML under a Markdown name.
    const mdFile = join(demo.settings.dataDir, "review.md");
    const md = await runCli([...base, "digest", "--week", demo.week, "--out", mdFile, "--json"]);
    expect(md.code, md.stderr).toBe(0);
    expect(readFileSync(mdFile, "utf8")).toMatch(/^# .*weekly review/);
    expect(readFileSync(mdFile, "utf8")).not.toContain("<html");
  });

  it("bad usage exits 2 with a message that says what is wrong", async () => {
    const analyst = await runCli([...base, "gather", "--analyst", "oracle"]);
    expect(analyst.code).toBe(2);
    expect(analyst.stderr).toContain("--analyst");
    const week = await runCli([...base, "run", "--week", "2026-W99"]);
    expect(week.code).toBe(2);
    expect(week.stderr).toContain("2026-W99");
    const unknown = await runCli([...base, "frobnicate"]);
    expect(unknown.code).toBe(2);
    const limit = await runCli([...base, "gather", "--limit", "0"]);
    expect(limit.code).toBe(2);
  });
});

describe("--db", () => {
  it("refuses a database URL of an engine it has not, instead of taking it for a file path", async () => {
    const out = await runCli(["--db", "mysql://127.0.0.1:3306/test", "reports", "--json"]);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain("a SQLite file path or a postgres:// URL");
  });
});

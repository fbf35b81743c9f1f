/**
 * After `selfheal demo`, the commands a new user tries next work on the demo with no flags: they find
 * the demo's warehouse and its profile (left beside the warehouse) from the working folder alone.
 */
import { describe, it, expect, beforeAll } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "../testing/cli.js";
import { tempDir } from "../testing/events.js";

describe("the demo, then every command with no flags", () => {
  const cwd = tempDir();
  const env = { SELFHEAL_DB: "", SELFHEAL_CONFIG: "", OPENAI_API_KEY: "", OPENAI_BASE_URL: "" };
  const selfheal = (...args: string[]) => runCli(args, { cwd, env });

  beforeAll(async () => {
    const demo = await selfheal("demo", "--sessions", "300", "--week", "2026-W30");
    expect(demo.code, demo.stderr).toBe(0);
  });

  it("reports lists every demo session's report", async () => {
    const reports = await selfheal("reports", "--json");
    expect(reports.code, reports.stderr).toBe(0);
    expect(JSON.parse(reports.stdout)).toHaveLength(300);
    const human = await selfheal("reports");
    expect(human.stdout).toContain("300 reports.");
  });

  it("triage shows the demo week's patterns and their tickets, with nothing left to file", async () => {
    const triage = await selfheal("triage", "--json");
    expect(triage.code, triage.stderr).toBe(0);
    const result = JSON.parse(triage.stdout) as { week: string; patterns: { ticket: { id: string } | null }[]; gate: unknown };
    expect(result.week).toBe("2026-W30");
    expect(result.patterns.some((p) => p.ticket?.id.startsWith("SH-"))).toBe(true);
    expect(result.gate).toBeNull();
  });

  it("digest writes the demo week's page, and in Markdown prints it", async () => {
    const html = await selfheal("digest", "--json");
    expect(html.code, html.stderr).toBe(0);
    const { path } = JSON.parse(html.stdout) as { path: string };
    expect(path).toBe(join(cwd, ".selfheal", "digests", "2026-W30.html"));
    expect(readFileSync(path, "utf8")).toContain("Acme");
    const md = await selfheal("digest", "--format", "md");
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout.split("\n")[0]).toBe("# Acme: weekly review 2026-W30");
    expect(md.stdout).toContain("**Implied NPS");
    expect(existsSync(join(cwd, ".selfheal", "digests", "2026-W30.md"))).toBe(true);
  });

  it("review answers that no gate is waiting (the demo answered its own)", async () => {
    const review = await selfheal("review", "--json");
    expect(review.code, review.stderr).toBe(0);
    expect(JSON.parse(review.stdout)).toEqual({ pending: [] });
  });
});

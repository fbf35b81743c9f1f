/**
 * `selfheal demo --weeks 4`: simulated weeks in which fixes ship, and a digest that says whether they
 * worked: healed fixes, one too early to tell, and one that did not hold, its ticket reopened.
 */
import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "../testing/cli.js";
import { tempDir } from "../testing/events.js";
import type { VerifySummary } from "../graphs/verify/state.js";

describe("selfheal demo --weeks 4", () => {
  it("ends with a digest that shows healed, not-healed and inconclusive fixes and a reopened ticket", { timeout: 600_000 }, async () => {
    const cwd = tempDir();
    const env = { SELFHEAL_DB: "", SELFHEAL_CONFIG: "", OPENAI_API_KEY: "", OPENAI_BASE_URL: "" };
    const demo = await runCli(["demo", "--weeks", "4", "--sessions", "1000", "--week", "2026-W30", "--json"], { cwd, env });
    expect(demo.code, demo.stderr).toBe(0);
    const result = JSON.parse(demo.stdout) as { weeks: string[]; verify: VerifySummary; digest: { path: string } };
    expect(result.weeks).toEqual(["2026-W27", "2026-W28", "2026-W29", "2026-W30"]);
    const verdicts = result.verify.fixes.map((f) => f.verdict).sort();
    expect(verdicts).toContain("healed");
    expect(verdicts).toContain("not_healed");
    expect(verdicts).toContain("inconclusive");
    const relapsed = result.verify.fixes.find((f) => f.verdict === "not_healed")!;
    expect(relapsed).toMatchObject({ recurred: true, reopened: true, shippedBy: "branch_merged" });
    for (const f of result.verify.fixes.filter((x) => x.verdict === "healed")) expect(f.after!.sessions).toBe(0);
    expect(demo.stderr).toContain("REFERENCE fix");

    const page = readFileSync(result.digest.path, "utf8");
    expect(result.digest.path).toBe(join(cwd, ".selfheal", "digests", "2026-W30.html"));
    expect(page).toContain("<h2>Did last week's fixes work?</h2>");
    expect(page).toContain("Not healed</span>");
    expect(page).toContain("<strong>ticket reopened</strong>");
    expect(page).toContain("⚑ marks the weeks where fixes shipped.");

    const tickets = await runCli(["triage", "--json"], { cwd, env });
    const reopened = (JSON.parse(tickets.stdout) as { patterns: { ticket: { id: string; status: string } | null }[] }).patterns.find((p) => p.ticket?.id === relapsed.ticket);
    expect(reopened?.ticket?.status).toBe("open");
  });
});

import { describe, it, expect } from "vitest";
import { collectDigest } from "./digestData.js";
import { renderDigestMarkdown } from "./renderMarkdown.js";
import { renderDigestHtml } from "./renderDigest.js";
import { seedDigestWeek, SCRIPT, VERSION, WEEK } from "../../testing/digestWeek.js";
import { freshWarehouses } from "../../testing/warehouses.js";
import { newTicket } from "../../testing/records.js";
import { weekRange } from "../../runtime/week.js";
import type { FixVerdict } from "../../state/verdict.js";
import type { Warehouse } from "../../warehouse/types.js";

const fresh = freshWarehouses();
const SHIPPED = "2026-02-02T00:00:00.000Z"; // Monday of 2026-W06, the week before WEEK

function figures(sessions: number, perThousand: number, nps: number) {
  return { from: "2026-01-26T00:00:00.000Z", to: SHIPPED, productSessions: 1000, sessions, perThousand, flowSessions: 300, nps };
}

async function seedVerdicts(warehouse: Warehouse): Promise<void> {
  const healed = await warehouse.insertTicket(newTicket("exc-healed", { title: "CsvImportError in parseCsv" }));
  const back = await warehouse.insertTicket(newTicket("exc-back", { title: `Checkout fails ${SCRIPT} **now** @channel` }));
  const base = { shippedAt: SHIPPED, shippedBy: "branch_merged" as const, shippedRef: "selfheal/x", department: "data", pHigher: 1, worse: false, checkedAt: new Date().toISOString(), asOf: weekRange(WEEK).end.toISOString() };
  const verdicts: FixVerdict[] = [
    { ...base, ticketId: healed.id, ticketUrl: healed.url, title: healed.title, fingerprint: healed.fingerprint, verdict: "healed", reason: "the pattern fell", before: figures(72, 72, -20), after: figures(0, 0, 35), pLower: 1e-9, npsChange: { change: 55, low: 41, high: 69, confidence: 0.95 }, recurred: false, reopened: false },
    { ...base, ticketId: back.id, ticketUrl: back.url, title: back.title, fingerprint: back.fingerprint, verdict: "not_healed", reason: `came back ${SCRIPT}`, before: figures(60, 60, -10), after: figures(58, 58, -12), pLower: 0.4, npsChange: { change: -2, low: -15, high: 11, confidence: 0.95 }, worse: false, recurred: true, reopened: true },
  ];
  await warehouse.saveVerdicts(verdicts);
}

describe("the digest's \"did last week's fixes work?\"", () => {
  it("shows each fix checked this week with its verdict and before/after figures, not-healed first, and marks the week it shipped", async () => {
    const warehouse = fresh();
    await seedDigestWeek(warehouse);
    await seedVerdicts(warehouse);
    const data = await collectDigest(warehouse, WEEK, { analystVersion: VERSION });
    expect(data.fixVerdicts.map((v) => v.verdict)).toEqual(["not_healed", "healed"]);
    expect(data.weeklyTrend.find((p) => p.key === "2026-W06")?.fixesShipped).toBe(2);
    expect(data.weeklyTrend.find((p) => p.key === WEEK)?.fixesShipped).toBe(0);

    const html = renderDigestHtml(data, { name: "Acme" });
    expect(html).toContain("<h2>Did last week's fixes work?</h2>");
    expect(html).toContain("Healed</span>");
    expect(html).toContain("Not healed</span>");
    expect(html).toContain("72 of 1,000 sessions (72‰) · flow NPS -20");
    expect(html).toContain("+55 (95% CI +41 to +69)");
    expect(html).toContain("<strong>came back</strong>");
    expect(html).toContain("<strong>ticket reopened</strong>");
    expect(html).toContain("⚑ marks the weeks where fixes shipped.");
    expect(html).not.toContain(SCRIPT);

    const md = renderDigestMarkdown(data, { name: "Acme" });
    expect(md).toContain("## Did last week's fixes work?");
    expect(md).toMatch(/\*\*Not healed\*\* \(came back, ticket reopened\) · Checkout fails \\<script\\>alert\(1\)\\<\/script\\> \\\*\\\*now\\\*\\\* \\@channel/);
    expect(md).toContain("before: 72 of 1,000 sessions (72‰) · flow NPS -20 · after: 0 of 1,000 sessions (0‰) · flow NPS +35 · flow NPS change +55 (95% CI +41 to +69)");
    expect(md).toContain("W06 ⚑");
    expect(md).not.toMatch(/(?<!\\)</);
  });

  it("says so when no shipped fix was checked", async () => {
    const warehouse = fresh();
    await seedDigestWeek(warehouse);
    const data = await collectDigest(warehouse, WEEK, { analystVersion: VERSION });
    expect(data.fixVerdicts).toEqual([]);
    expect(renderDigestHtml(data, { name: "Acme" })).toContain("No shipped fix was checked this week.");
    expect(renderDigestMarkdown(data, { name: "Acme" })).toContain("No shipped fix was checked this week.");
  });
});

import { describe, it, expect, beforeEach, afterEach } from "vitest";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importEvents } from "../../connectors/importer.js";
import { openWarehouse, type Warehouse } from "../../warehouse/index.js";
import { collectDigest } from "./digestData.js";
import { renderDigestHtml } from "./renderDigest.js";
import { writeDigest } from "./writeDigest.js";
import { escapeHtml } from "./html.js";
import { pageview, PREVIOUS, report, seedDigestWeek, VERSION, WEEK } from "../../testing/digestWeek.js";

let dir: string;
let warehouse: Warehouse;
const seed = () => seedDigestWeek(warehouse);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "selfheal-"));
  warehouse = openWarehouse(join(dir, "warehouse.db"));
});

afterEach(async () => {
  await warehouse.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Checks that the page is one document whose tags all open and close in order, and that no '<' is left loose. */
function assertOneHtmlDocument(html: string): void {
  expect(html.startsWith("<!DOCTYPE html>\n<html")).toBe(true);
  expect(html.trimEnd().endsWith("</html>")).toBe(true);
  expect(html.match(/<html[\s>]/g)).toHaveLength(1);
  expect(html.match(/<\/html>/g)).toHaveLength(1);
  expect(html.match(/<body[\s>]/g)).toHaveLength(1);
  const withoutStyle = html.replace(/<style>[\s\S]*?<\/style>/, "<style></style>").replace(/^<!DOCTYPE html>/, "");
  const VOID = new Set(["meta", "br", "link", "img", "hr", "input"]);
  const stack: string[] = [];
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)([^<>]*?)(\/?)>/g;
  for (const m of withoutStyle.matchAll(tag)) {
    const [, closing, name = "", , selfClosing] = m;
    if (closing) expect(stack.pop(), `closing </${name}>`).toBe(name);
    else if (!selfClosing && !VOID.has(name)) stack.push(name);
  }
  expect(stack).toEqual([]);
  expect(withoutStyle.replace(tag, "")).not.toContain("<");
}

describe("collectDigest", () => {
  it("computes the week's numbers from the warehouse", async () => {
    await seed();
    const data = await collectDigest(warehouse, WEEK, { analystVersion: VERSION });
    expect(data.sessions).toBe(5);
    expect(data.impliedNps).toBe(40);
    expect(data.meanScore).toBe(7.8);
    expect(data.distribution[9]).toBe(2);
    expect(data.outcomes.failure).toBe(1);
    expect(data.departments.find((d) => d.department === "checkout")).toMatchObject({ sessions: 4, meanScore: 7.5 });
    expect(data.firstDay).toBe("2026-02-09");
    expect(data.lastDay).toBe("2026-02-15");
  });

  it("puts the previous week's value in the trend and shows weeks without reports as gaps", async () => {
    await seed();
    const data = await collectDigest(warehouse, WEEK, { analystVersion: VERSION });
    expect(data.weeklyTrend).toHaveLength(7);
    expect(data.weeklyTrend.at(-1)).toMatchObject({ key: WEEK, nps: 40, sessions: 5 });
    expect(data.weeklyTrend.at(-2)).toMatchObject({ key: PREVIOUS, nps: 50, sessions: 4 });
    expect(data.weeklyTrend.at(-3)).toMatchObject({ key: "2026-W05", nps: null, sessions: 0 });
    expect(data.previousWeek).toEqual({ week: PREVIOUS, sessions: 4, impliedNps: 50 });
    expect(data.npsChange).toBe(-10);
  });

  it("splits the week by day of the session's start", async () => {
    await seed();
    const data = await collectDigest(warehouse, WEEK, { analystVersion: VERSION, weeksOfTrend: 2 });
    expect(data.weeklyTrend.map((p) => p.key)).toEqual(["2026-W05", PREVIOUS, WEEK]);
    expect(data.dailyTrend.map((p) => p.sessions)).toEqual([3, 0, 2, 0, 0, 0, 0]);
    expect(data.dailyTrend[0]?.nps).toBe(100); // 10, 9, 9
    expect(data.dailyTrend[1]?.nps).toBeNull();
    expect(data.dailyTrend[2]?.nps).toBe(-50); // 8, 3
  });

  it("joins patterns and fix attempts to their tickets", async () => {
    await seed();
    const data = await collectDigest(warehouse, WEEK, { analystVersion: VERSION });
    expect(data.patterns.map((p) => [p.title.slice(0, 14), p.ticketId])).toEqual([["Cart total cra", "SH-1"], ["Search is slow", null]]);
    expect(data.tickets.map((t) => t.id)).toEqual(["SH-1", "SH-2"]);
    expect(data.fixAttempts.find((a) => a.ticketId === "SH-1")).toMatchObject({ status: "needs_model", ticketTitle: "Cart total crashes on coupon", prUrl: null });
  });

  it("stays small for a large week: a few examples, not every report", async () => {
    const ids = Array.from({ length: 1200 }, (_, i) => `s${String(i).padStart(5, "0")}`);
    await importEvents(warehouse, ids.map((id, i) => pageview(id, `2026-02-1${i % 5}T12:00:00.000Z`)));
    await warehouse.saveReports(ids.map((id, i) => report(id, i % 11, { userSuccess: "x".repeat(2000) })));
    const data = await collectDigest(warehouse, WEEK, {});
    expect(data.sessions).toBe(1200);
    expect(data.lowest).toHaveLength(5);
    expect(data.lowest.every((r) => r.score === 0)).toBe(true);
    expect(data.lowest.every((r) => r.userSuccess.length <= 600)).toBe(true);
    expect(data.dailyTrend.reduce((n, p) => n + p.sessions, 0)).toBe(1200);
    expect(JSON.stringify(data).length).toBeLessThan(20_000);
  });
});

describe("implied NPS over the product's users", () => {
  it("leaves bounces and wrong-product visitors out of the NPS and reports them beside it, with noise apart", async () => {
    const ids = ["u1", "u2", "u3", "b1", "b2", "w1"];
    await importEvents(warehouse, ids.map((id, i) => pageview(id, `2026-02-10T0${i}:00:00.000Z`)));
    await warehouse.saveReports([
      report("u1", 9, { noise: ["Error: ResizeObserver loop limit exceeded"] }),
      report("u2", 10, { noise: ["Error: ResizeObserver loop limit exceeded"] }),
      report("u3", 3),
      report("b1", 4, { outcome: "bounce" }),
      report("b2", 4, { outcome: "bounce" }),
      report("w1", 5, { outcome: "wrong_product" }),
    ]);
    const d = await collectDigest(warehouse, WEEK, { analystVersion: VERSION });
    // Over u1..u3 only: 2 promoters, 1 detractor of 3 -> +33. Over all six it would be 2 - 4 of 6 -> -33.
    expect(d).toMatchObject({ sessions: 6, productSessions: 3, impliedNps: 33, acquisition: { bounces: 2, wrongProduct: 1 } });
    expect(d.weeklyTrend.at(-1)).toMatchObject({ sessions: 3, nps: 33 });
    expect(d.noise).toEqual([{ signal: "Error: ResizeObserver loop limit exceeded", sessions: 2 }]);
    const html = renderDigestHtml(d, { name: "Quillboard" });
    expect(html).toContain("Acquisition");
    expect(html).toContain("visitors who wanted another product");
    expect(html).toContain("never ticketed");
  });
});

describe("renderDigestHtml", () => {
  it("shows what the team reads on Monday", async () => {
    await seed();
    const html = renderDigestHtml(await collectDigest(warehouse, WEEK, { analystVersion: VERSION }), { name: "Acme <Shop>" });
    expect(html).toContain(WEEK);
    expect(html).toContain("Monday 9 Feb 2026");
    expect(html).toContain(">40<"); // the implied NPS
    expect(html).toContain(">-10<"); // change vs the previous week
    expect(html).toContain("W06: NPS 50");
    expect(html).toContain("Cart total crashes on coupon");
    expect(html).toContain(escapeHtml(`Search is slow "><img src=x onerror=alert(2)>`));
    expect(html).toContain("Flagged, not ticketed");
    expect(html).toContain("src/cart.ts:42");
    expect(html).toContain("Urgent");
    expect(html).toContain("SH-1");
    expect(html).toContain("SH-2");
    expect(html).toContain("Needs a model");
    expect(html).toContain("none is configured, or the one configured did not answer");
    expect(html).toContain("no PR");
    expect(html).toContain(`href="https://github.com/acme/app/pull/7"`);
    expect(html).toContain("Acme &lt;Shop&gt;");
    expect(html).toContain("<svg");
  });

  it("escapes untrusted session text: a planted script is inert", async () => {
    await seed();
    const html = renderDigestHtml(await collectDigest(warehouse, WEEK, { analystVersion: VERSION }), { name: "Acme" });
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html.toLowerCase()).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>total</b>");
    expect(html).toContain("Fix the &lt;b&gt;total&lt;/b&gt; &amp; tax");
    assertOneHtmlDocument(html);
  });

  it("renders an empty week gracefully", async () => {
    const data = await collectDigest(warehouse, WEEK, {});
    expect(data.sessions).toBe(0);
    expect(data.impliedNps).toBeNull();
    expect(data.meanScore).toBeNull();
    expect(data.weeklyTrend.every((p) => p.nps === null)).toBe(true);
    const html = renderDigestHtml(data, { name: "Acme" });
    expect(html).toContain("No sessions were scored this week");
    expect(html).not.toContain("NaN");
    assertOneHtmlDocument(html);
  });
});

describe("writeDigest", () => {
  it("writes a complete page atomically into a new folder and returns a small summary", async () => {
    await seed();
    const outFile = join(dir, "digests", "nested", `${WEEK}.html`);
    const { path, summary } = await writeDigest(warehouse, { week: WEEK, outFile, productName: "Acme", analystVersion: VERSION });
    expect(path).toBe(outFile);
    expect(summary).toEqual({ week: WEEK, sessions: 5, impliedNps: 40, meanScore: 7.8, patterns: 2, tickets: 2, fixAttempts: 2 });
    const html = readFileSync(path, "utf8");
    assertOneHtmlDocument(html);
    expect(readdirSync(join(dir, "digests", "nested"))).toEqual([`${WEEK}.html`]);

    // Rewriting replaces the page whole.
    await writeDigest(warehouse, { week: WEEK, outFile, productName: "Acme Two" });
    expect(readFileSync(path, "utf8")).toContain("Acme Two");
    expect(readdirSync(join(dir, "digests", "nested"))).toEqual([`${WEEK}.html`]);
  });

  it("rejects a week that is not an ISO week and writes nothing", async () => {
    const outFile = join(dir, "out", "bad.html");
    await expect(writeDigest(warehouse, { week: "2026-W99", outFile, productName: "Acme" })).rejects.toThrow(/ISO week/);
    expect(() => readdirSync(join(dir, "out"))).toThrow();
  });
});

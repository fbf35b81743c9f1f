import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { collectDigest } from "./digestData.js";
import { renderDigestMarkdown, text } from "./renderMarkdown.js";
import { writeDigest } from "./writeDigest.js";
import { seedDigestWeek, VERSION, WEEK } from "../../testing/digestWeek.js";
import { freshWarehouses } from "../../testing/warehouses.js";
import { tempDir } from "../../testing/events.js";

const fresh = freshWarehouses();

describe("the digest in Markdown, for chat", () => {
  it("says what the HTML page says: the week, its implied NPS and change, departments, patterns, tickets and fixes", async () => {
    const warehouse = fresh();
    await seedDigestWeek(warehouse);
    const md = renderDigestMarkdown(await collectDigest(warehouse, WEEK, { analystVersion: VERSION }), { name: "Acme" });
    expect(md.split("\n")[0]).toBe(`# Acme: weekly review ${WEEK}`);
    expect(md).toContain("Monday 9 Feb 2026 – Sunday 15 Feb 2026");
    expect(md).toContain("**Implied NPS +40** over 5 sessions of people who used the product (-10 against 2026-W06) · 5 sessions scored · mean score 7.8/10");
    expect(md).toContain("| checkout | 4 | 7.5 |");
    expect(md).toMatch(/1\. \*\*Cart total crashes on coupon\*\*\n {3}bug · Urgent · 4 sessions · checkout · `SH-1`\n {3}`src\/cart\.ts:42`, `src\/coupon\.ts`/);
    expect(md).toContain("## Flagged, not ticketed");
    expect(md).toContain("- SH-2 Old login bug · in review · Medium");
    expect(md).toContain("- `SH-1` **Needs a model** · branch `skynet/SH-1`");
    expect(md).toContain("[acme/app#7](https://github.com/acme/app/pull/7)");
    expect(md).toContain("tests before: 1 failed · after: 12 passed");
    expect(md).toContain("**3/10**");
  });

  it("says what the page says beside the NPS: acquisition kept out of it, and the noise counted but never ticketed", async () => {
    const warehouse = fresh();
    await seedDigestWeek(warehouse);
    const data = await collectDigest(warehouse, WEEK, { analystVersion: VERSION });
    const md = renderDigestMarkdown({ ...data, acquisition: { bounces: 3, wrongProduct: 2 }, noise: [{ signal: "ResizeObserver loop | <n> times", sessions: 7 }] }, { name: "Acme" });
    expect(md).toContain("Acquisition, not in the NPS: 3 quick bounces, 2 visitors who wanted another product");
    expect(md).toMatch(/## Noise\n\n.*never ticketed.*\n\n\| Error \| Sessions \|\n\| --- \| ---: \|\n\| ResizeObserver loop \\\| \\<n\\> times \| 7 \|/);
    expect(renderDigestMarkdown(data, { name: "Acme" })).not.toContain("## Noise");
  });

  it("escapes session text: no HTML, no formatting, no link and no mention comes from the data", async () => {
    const warehouse = fresh();
    await seedDigestWeek(warehouse);
    const md = renderDigestMarkdown(await collectDigest(warehouse, WEEK, { analystVersion: VERSION }), { name: "Acme" });
    expect(md).not.toContain("<script>");
    expect(md).toContain("\\<script\\>alert(1)\\</script\\>");
    expect(md).toContain("\\<img src=x onerror=alert(2)\\>");
    expect(md).not.toMatch(/(?<!\\)</); // not one "<" that a renderer could take for a tag
    expect(text("**bold** [x](javascript:alert(1)) @channel `code` a|b\n# heading")).toBe(
      "\\*\\*bold\\*\\* \\[x\\](javascript:alert(1)) \\@channel \\`code\\` a\\|b # heading",
    );
  });

  it("renders an empty week without NaN, and writeDigest writes it as a .md file", async () => {
    const warehouse = fresh();
    const dir = tempDir();
    const md = renderDigestMarkdown(await collectDigest(warehouse, WEEK, {}), { name: "Acme" });
    expect(md).toContain("_No sessions were scored this week._");
    expect(md).not.toContain("NaN");
    await seedDigestWeek(warehouse);
    const outFile = join(dir, "digests", `${WEEK}.md`);
    const written = await writeDigest(warehouse, { week: WEEK, outFile, productName: "Acme", analystVersion: VERSION, format: "md" });
    expect(written.path).toBe(outFile);
    expect(readFileSync(outFile, "utf8")).toContain("**Implied NPS +40**");
  });
});

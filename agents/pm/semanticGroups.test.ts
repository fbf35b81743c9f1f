import { describe, it, expect } from "vitest";
import { notebookProfile } from "../../testing/profiles.js";
import { clusterTexts, textSimilarity, SAME_TOPIC } from "./semanticGroups.js";
import { groupFailures } from "./groupFailures.js";
import { normalizeMessage } from "./normalize.js";
import type { SessionReport } from "../../state/report.js";

function counts(...texts: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of texts) m.set(normalizeMessage(t), (m.get(normalizeMessage(t)) ?? 0) + 1);
  return m;
}

function report(sessionId: string, improvement: string, outcome: SessionReport["outcome"] = "failure"): SessionReport {
  return { sessionId, userIntent: "use the product", userSuccess: "", improvement, department: "product", score: 3, outcome, evidence: [], analyst: "llm", analystVersion: "v" };
}

describe("semantic grouping of improvements", () => {
  it("puts paraphrases of one need together and keeps different needs apart", () => {
    const clusters = clusterTexts(
      counts(
        "Searched help for recurring invoices",
        "Wanted invoices to repeat monthly",
        "Looked for a way to schedule invoices every week",
        "The Publish button in the editor does nothing",
        "Clicked Publish on the workflow editor and nothing happened",
        "Wanted to export reports as PDF",
      ),
    );
    const together = (a: string, b: string) => clusters.some((c) => c.members.includes(normalizeMessage(a)) && c.members.includes(normalizeMessage(b)));
    expect(together("Searched help for recurring invoices", "Wanted invoices to repeat monthly")).toBe(true);
    expect(together("Searched help for recurring invoices", "Looked for a way to schedule invoices every week")).toBe(true);
    expect(together("The Publish button in the editor does nothing", "Clicked Publish on the workflow editor and nothing happened")).toBe(true);
    expect(together("Searched help for recurring invoices", "The Publish button in the editor does nothing")).toBe(false);
    expect(together("Wanted to export reports as PDF", "Wanted invoices to repeat monthly")).toBe(false);
    expect(clusters).toHaveLength(3);
  });

  it("joins a text to the cluster of its nearest member, not only of its leader", () => {
    const texts = new Map<string, number>([
      ["Wanted invoices to repeat every month on the first", 3],
      ["Wanted to repeat an invoice for a retainer client", 2],
      ["Invoice a retainer client", 1],
      ["Export reports as PDF", 2],
    ]);
    const clusters = clusterTexts(texts);
    expect(clusters.find((c) => c.members.includes("Invoice a retainer client"))?.members).toHaveLength(3);
    expect(clusters).toHaveLength(2);
  });

  it("is deterministic whatever the input order", () => {
    const texts = ["Wanted invoices to repeat monthly", "Searched help for recurring invoices", "Export to PDF is missing", "No way to export a PDF"];
    const a = clusterTexts(counts(...texts));
    const b = clusterTexts(counts(...[...texts].reverse()));
    expect(a).toEqual(b);
  });

  it("does not merge texts that share only filler (back-and-forth between unrelated pages)", () => {
    const pairs = [["/app/tools", "/app/import"], ["/app/workflows", "/help"], ["/app/integrations", "/settings/billing"], ["/app/runs", "/reports"]];
    const texts = pairs.map(([a, b]) => `Users go back and forth between ${a} and ${b}: simplify that flow.`);
    expect(clusterTexts(counts(...texts, ...texts))).toHaveLength(pairs.length);
  });

  it("leaves wandering without advice out of every pattern", () => {
    const wandering = Array.from({ length: 30 }, (_, i) => report(`w${i}`, "", "partial"));
    expect(groupFailures(wandering, new Map(), notebookProfile())).toEqual([]);
  });

  it("scores a rewording above the threshold and an unrelated text below it", () => {
    expect(textSimilarity("Users search help and leave: add recurring invoices", "wanted invoices to repeat monthly")).toBeGreaterThanOrEqual(SAME_TOPIC);
    expect(textSimilarity("wanted invoices to repeat monthly", "CSV import rejects files saved by Excel")).toBeLessThan(SAME_TOPIC);
  });

  it("groups improvement reports into one pattern per need, with a stable fingerprint, and ignores successes", () => {
    const reports = [
      report("s1", 'Users click "Publish" on /app/workflows/w_81/edit again and again and nothing happens.'),
      report("s2", 'Users click "Publish" on /app/workflows/w_99/edit again and again and nothing happens.', "partial"),
      report("s3", "Searched help for recurring invoices"),
      report("s4", "Wanted invoices to repeat monthly"),
      report("s5", "Wanted invoices to repeat monthly", "success"),
      report("s6", ""),
    ];
    const groups = groupFailures(reports, new Map(), notebookProfile());
    expect(groups.every((g) => g.kind === "improvement")).toBe(true);
    expect(groups.map((g) => [...g.sessionIds].sort().join(",")).sort()).toEqual(["s1,s2", "s3,s4"]);
    const again = groupFailures([...reports].reverse(), new Map(), notebookProfile());
    expect(again.map((g) => g.fingerprint).sort()).toEqual(groups.map((g) => g.fingerprint).sort());
    expect(groups.every((g) => g.fingerprint.startsWith("imp-"))).toBe(true);
  });
});

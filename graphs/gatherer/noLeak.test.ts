import { describe, it, expect } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Command, INTERRUPT, isInterrupted, MemorySaver } from "@langchain/langgraph";
import { buildGathererGraph } from "./index.js";
import { buildPmGraph } from "../pm/index.js";
import { reviewGraph } from "../review/index.js";
import { seedDemoWeek, withWarehouse } from "../../testing/demoWeek.js";
import { jsonLines } from "../../testing/events.js";
import { PLANTED_STRINGS, plantedSessions } from "../../testing/plantedSecrets.js";
import { ingestFile } from "../../connectors/ingest.js";

describe("redaction from the warehouse to reports, patterns, tickets and the digest", () => {
  it("lets no planted email, card number, key, code, phone or IP through the heuristic loop", async () => {
    const demo = await seedDemoWeek({ sessions: 200, seed: 21 });
    const planted = join(demo.settings.dataDir, "planted.jsonl");
    writeFileSync(planted, jsonLines(plantedSessions(demo.week, 6)));
    await withWarehouse(demo, (w) => ingestFile(w, planted));

    await buildGathererGraph().compile().invoke({ week: demo.week }, { configurable: demo.configurable });
    const pm = buildPmGraph().compile({ checkpointer: new MemorySaver() });
    const config = { configurable: { ...demo.configurable, thread_id: "no-leak" } };
    const gated = await pm.invoke({ week: demo.week }, config);
    expect(isInterrupted(gated)).toBe(true);
    const gate = JSON.stringify(isInterrupted(gated) ? gated[INTERRUPT] : null);
    await pm.invoke(new Command({ resume: [{ type: "accept" }] }), config);
    const digest = await reviewGraph.invoke({ week: demo.week }, { configurable: demo.configurable });
    const html = readFileSync(digest.digest?.path ?? "", "utf8");

    const stored = await withWarehouse(demo, async (w) => ({
      reports: await w.listReports({ week: demo.week }),
      patterns: await w.listPatterns(demo.week),
      tickets: await w.listTickets(),
    }));
    // The planted sessions were analysed, grouped and ticketed: the check below has something to look at.
    const plantedReports = stored.reports.filter((r) => r.sessionId.startsWith("planted-session"));
    expect(plantedReports).toHaveLength(6);
    expect(plantedReports[0]?.userSuccess).toContain("ImportError");
    const pattern = stored.patterns.find((p) => p.title.startsWith("ImportError"));
    expect(pattern?.sessions).toBe(6);
    expect(stored.tickets.some((t) => t.fingerprint === pattern?.fingerprint)).toBe(true);
    expect(html).toContain("ImportError");

    const outputs = { reports: JSON.stringify(stored.reports), patterns: JSON.stringify(stored.patterns), tickets: JSON.stringify(stored.tickets), gate, html };
    for (const [where, text] of Object.entries(outputs)) {
      for (const secret of PLANTED_STRINGS) expect(text.includes(secret), `${secret} in ${where}`).toBe(false);
      // The simulator's own plants: magic-link tokens, sign-up emails, OAuth codes.
      expect(/sk_live_[A-Za-z0-9]/.test(text), `a live key in ${where}`).toBe(false);
      expect(/[\w.+-]+@example\.com/.test(text), `an email in ${where}`).toBe(false);
    }
  });
});

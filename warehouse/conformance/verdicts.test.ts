import { expect, it } from "vitest";
import type { FixVerdict } from "../../state/verdict.js";
import { newTicket } from "../../testing/records.js";
import { describeEachEngine } from "./engines.js";

const window = { from: "2026-01-01T00:00:00.000Z", to: "2026-01-08T00:00:00.000Z", productSessions: 100, sessions: 9, perThousand: 90, flowSessions: 40, nps: -10 };

function verdict(ticketId: string, asOf: string, over: Partial<FixVerdict> = {}): FixVerdict {
  return {
    ticketId, ticketUrl: `local:${ticketId}`, title: "Export fails", fingerprint: "fp", department: "growth",
    shippedAt: "2026-01-08T00:00:00.000Z", shippedBy: "tracker_done", shippedRef: ticketId, verdict: "inconclusive",
    reason: "too early", before: window, after: null, pLower: null, pHigher: null, npsChange: null,
    worse: false, recurred: false, reopened: false, checkedAt: asOf, asOf, ...over,
  };
}

describeEachEngine("verdicts", ({ fresh }) => {
  it("upserts by (ticket, data end), lists oldest first, filters by ticket, data end and before; refuses an unknown ticket whole", async () => {
    const w = await fresh();
    const a = (await w.insertTicket(newTicket("fp-a"))).id;
    const b = (await w.insertTicket(newTicket("fp-b"))).id;
    await w.saveVerdicts([verdict(a, "2026-01-15T00:00:00.000Z"), verdict(b, "2026-01-15T00:00:00.000Z")]);
    await w.saveVerdicts([verdict(a, "2026-01-15T00:00:00.000Z", { verdict: "healed" }), verdict(a, "2026-01-22T00:00:00.000Z", { verdict: "not_healed" })]);

    expect((await w.listVerdicts()).map((v) => [v.ticketId, v.asOf.slice(0, 10), v.verdict])).toEqual(
      [[a, "2026-01-15", "healed"], [b, "2026-01-15", "inconclusive"], [a, "2026-01-22", "not_healed"]], // a's id sorts before b's
    );
    expect((await w.listVerdicts({ ticketId: a })).map((v) => v.verdict)).toEqual(["healed", "not_healed"]);
    expect((await w.listVerdicts({ asOf: "2026-01-22T00:00:00.000Z" })).map((v) => v.ticketId)).toEqual([a]);
    expect(await w.listVerdicts({ before: "2026-01-15T00:00:00.000Z" })).toEqual([]);

    await expect(w.saveVerdicts([verdict(b, "2026-01-29T00:00:00.000Z"), verdict("SH-NONE-9", "2026-01-29T00:00:00.000Z")])).rejects.toThrow();
    expect(await w.listVerdicts({ asOf: "2026-01-29T00:00:00.000Z" })).toEqual([]);
  });
});

import { describe, it, expect } from "vitest";
import { weekRange } from "../../runtime/week.js";
import { seedDemoWeek, withWarehouse } from "../../testing/demoWeek.js";
import { addWeek, gather, shipFix, ticketOfBug, triageAccepted, verify } from "../../testing/verifyWeeks.js";
import type { VerifyLine } from "./state.js";

const [W0, W1, W2, W3] = ["2026-W40", "2026-W41", "2026-W42", "2026-W43"] as const;
const byTicket = (fixes: VerifyLine[], id: string) => fixes.find((f) => f.ticket === id);

describe("verify on simulated weeks, local tracker, fixes shipped by merging their branch", () => {
  it("too early, then healed / not healed (reopened), then a recurrence that reopens its ticket; idempotent", { timeout: 300_000 }, async () => {
    const demo = await seedDemoWeek({ sessions: 1200, seed: 5, week: W0 });
    await gather(demo, W0);
    await triageAccepted(demo, W0);
    const hubspot = await ticketOfBug(demo, W0, "hubspot_scope");
    const csv = await ticketOfBug(demo, W0, "csv_bom");
    const timeout = await ticketOfBug(demo, W0, "tool_timeout");
    const shipped = weekRange(W1).start;
    for (const [ticket, bug] of [[hubspot, "hubspot_scope"], [csv, "csv_bom"], [timeout, "tool_timeout"]] as const) await shipFix(demo, ticket, bug, shipped);

    // The hubspot and csv fixes work; the timeout "fix" does not: its sessions go on failing.
    await addWeek(demo, W1, 51, ["hubspot_scope", "csv_bom"]);
    const early = await verify(demo, W1);
    expect(early.fixes.map((f) => f.verdict)).toEqual(["inconclusive", "inconclusive", "inconclusive"]);
    expect(early.fixes[0]!.reason).toMatch(/^too early/);
    expect(byTicket(early.fixes, hubspot.id)).toMatchObject({ shippedAt: shipped.toISOString(), shippedBy: "branch_merged" });

    await addWeek(demo, W2, 52, ["hubspot_scope", "csv_bom"]);
    const second = await verify(demo, W2);
    const healed = byTicket(second.fixes, hubspot.id)!;
    expect(healed).toMatchObject({ verdict: "healed", reopened: false, department: "sales" });
    expect(healed.before.sessions).toBeGreaterThan(50);
    expect(healed.after!.sessions).toBe(0);
    expect(healed.npsChange!.low).toBeGreaterThan(0);
    expect(byTicket(second.fixes, csv.id)).toMatchObject({ verdict: "healed" });
    expect(byTicket(second.fixes, timeout.id)).toMatchObject({ verdict: "not_healed", reopened: true, recurred: false });
    const reopened = await withWarehouse(demo, (w) => w.ticket(timeout.id));
    expect(reopened!.status).toBe("open");
    expect(reopened!.body).toContain("Reopened by selfheal verify: the fix shipped");

    // The csv fix does not hold: the bug is back in the last week.
    await addWeek(demo, W3, 53, ["hubspot_scope"]);
    const third = await verify(demo, W3);
    expect(byTicket(third.fixes, hubspot.id)).toMatchObject({ verdict: "healed" });
    expect(byTicket(third.fixes, csv.id)).toMatchObject({ verdict: "not_healed", recurred: true, reopened: true });
    // A reopened fix is checked again only when it ships anew.
    expect(byTicket(third.fixes, timeout.id)).toBeUndefined();
    const csvTicket = await withWarehouse(demo, (w) => w.ticket(csv.id));
    expect(csvTicket!.body).toContain("came back after it was healed");

    const again = await verify(demo, W3);
    expect(again.fixes.map((f) => [f.ticket, f.verdict, f.reopened])).toEqual(third.fixes.map((f) => [f.ticket, f.verdict, f.reopened]));
    const csvAgain = await withWarehouse(demo, (w) => w.ticket(csv.id));
    expect(csvAgain!.body.split("Reopened by selfheal verify").length).toBe(2);
    const stored = await withWarehouse(demo, (w) => w.listVerdicts({ ticketId: csv.id }));
    expect(stored.map((v) => v.verdict)).toEqual(["inconclusive", "healed", "not_healed"]);
  });
});

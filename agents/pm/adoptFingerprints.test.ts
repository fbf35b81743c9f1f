import { describe, it, expect } from "vitest";
import { adoptFingerprints } from "./adoptFingerprints.js";
import type { FailurePattern } from "../../state/pattern.js";
import type { Ticket } from "../../state/ticket.js";

function pattern(fingerprint: string, title: string, kind: FailurePattern["kind"] = "improvement"): FailurePattern {
  return { fingerprint, week: "2026-W48", title, kind, signal: title, department: "product", sessions: 40, sessionIds: [], intents: [], averageScore: 3, codeLocations: [], decision: "ticket", priority: 2, route: title };
}
function ticket(fingerprint: string, title: string, kind: Ticket["kind"] = "improvement"): Ticket {
  return { id: `SH-${fingerprint}`, url: "", fingerprint, title, body: "", kind, priority: 2, labels: [], status: "open", sessions: 30, codeLocations: [], createdAt: "", updatedAt: "" };
}

describe("a recurring improvement keeps its ticket when its wording drifts", () => {
  it("takes over the fingerprint of the similar unclaimed improvement ticket", () => {
    const out = adoptFingerprints(
      [pattern("imp-new", "Wanted invoices to repeat monthly"), pattern("imp-other", "Export to PDF is missing")],
      [ticket("imp-old", "Users search help for recurring invoices"), ticket("imp-pdf", "Add a print view")],
    );
    expect(out.map((p) => p.fingerprint)).toEqual(["imp-old", "imp-other"]);
  });

  it("leaves bugs, patterns with a ticket of their own, and tickets claimed this week alone", () => {
    const tickets = [ticket("imp-old", "Wanted invoices to repeat monthly"), ticket("exc-1", "Wanted invoices to repeat monthly", "bug")];
    expect(adoptFingerprints([pattern("exc-2", "Wanted invoices to repeat monthly", "bug")], tickets)[0]!.fingerprint).toBe("exc-2");
    const both = adoptFingerprints([pattern("imp-old", "Wanted invoices to repeat monthly"), pattern("imp-new", "Invoices should repeat every month")], tickets);
    expect(both.map((p) => p.fingerprint)).toEqual(["imp-old", "imp-new"]);
    // Two drifting patterns never take the same ticket.
    const two = adoptFingerprints([pattern("imp-a", "Invoices should repeat monthly"), pattern("imp-b", "Recurring invoices every month please")], [ticket("imp-old", "Wanted invoices to repeat monthly")]);
    expect(two.filter((p) => p.fingerprint === "imp-old")).toHaveLength(1);
  });
});

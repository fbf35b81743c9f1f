import { describe, it, expect } from "vitest";
import { readGateAnswer } from "./nodes/gateAnswers.js";
import type { GatedProposal } from "./state.js";
import { InputError } from "../../runtime/errors.js";

function proposal(n: number, kind: "bug" | "improvement" = "bug"): GatedProposal {
  return { fingerprint: `fp-${n}`, title: `Ticket ${n}`, body: "b", kind, priority: 2, labels: [kind, "product", ...(kind === "bug" ? ["skynet"] : [])], sessions: 10 * n, codeLocations: [], action: "created" };
}
const three = [proposal(1), proposal(2), proposal(3, "improvement")];

describe("ticket gate answers", () => {
  it("reads one response per ticket, in the gate's order", () => {
    const out = readGateAnswer(
      [
        { type: "accept", args: null },
        { type: "ignore", args: null },
        { type: "edit", args: { action: "file_ticket", args: { title: "  Sharper title ", priority: 1, kind: "bug" } } },
      ],
      three,
    );
    expect(out.gateAnswer).toBe("edited");
    expect(out.approved.map((p) => p.fingerprint)).toEqual(["fp-1", "fp-3"]);
    expect(out.approved[1]).toMatchObject({ title: "Sharper title", priority: 1, kind: "bug", labels: ["bug", "product"] });
  });

  it("calls an all-accept array accepted and an all-ignore array ignored", () => {
    expect(readGateAnswer(three.map(() => ({ type: "accept" })), three)).toMatchObject({ gateAnswer: "accepted", approved: three });
    expect(readGateAnswer(three.map(() => ({ type: "ignore" })), three)).toEqual({ gateAnswer: "ignored", approved: [] });
  });

  it("refuses a per-ticket answer that does not match the list, saying what it expected", () => {
    expect(() => readGateAnswer([{ type: "accept" }, { type: "accept" }], three)).toThrow(InputError);
    expect(() => readGateAnswer([{ type: "accept" }, { type: "accept" }], three)).toThrow(/lists 3 tickets but got 2 responses/);
  });

  it("keeps the whole-list answers: accept, ignore, an edit listing the tickets, and garbage as ignore", () => {
    expect(readGateAnswer([{ type: "accept" }], three)).toMatchObject({ gateAnswer: "accepted", approved: three });
    expect(readGateAnswer({ type: "ignore" }, three)).toEqual({ gateAnswer: "ignored", approved: [] });
    const edit = readGateAnswer({ type: "edit", args: { action: "file_tickets", args: { tickets: [{ fingerprint: "fp-2", priority: 9, kind: "improvement" }] } } }, three);
    expect(edit.approved).toHaveLength(1);
    expect(edit.approved[0]).toMatchObject({ fingerprint: "fp-2", priority: 2, kind: "improvement", labels: ["improvement", "product"] });
    expect(readGateAnswer("yes please", three)).toEqual({ gateAnswer: "ignored", approved: [] });
  });

  it("reads a one-ticket gate's edit either way", () => {
    const [one] = three;
    expect(readGateAnswer({ type: "edit", args: { action: "file_ticket", args: { title: "New" } } }, [one!]).approved[0]?.title).toBe("New");
    expect(readGateAnswer({ type: "edit", args: { action: "file_tickets", args: { tickets: [{ fingerprint: "fp-1", title: "Other" }] } } }, [one!]).approved[0]?.title).toBe("Other");
  });
});

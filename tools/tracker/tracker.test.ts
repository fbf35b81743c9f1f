import { describe, it, expect, beforeEach, afterEach } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LinearClient } from "@linear/sdk";
import { openWarehouse, type Warehouse } from "../../warehouse/index.js";
import { FakeLinearServer } from "../../testing/fakeLinear.js";
import { ProductProfile } from "../../state/profile.js";
import { UsageError } from "../../runtime/errors.js";
import { LocalTracker } from "./local.js";
import { LinearTracker } from "./linear.js";
import { trackerFor } from "./index.js";
import type { TicketProposal } from "./types.js";

const KEY = "lin_api_test_key";

function proposal(week: string, sessions: number, priority: number): TicketProposal {
  return {
    fingerprint: "exc-0123456789abcdef",
    title: "CsvImportError: Missing required column <quoted> in requireColumn (src/import/csv.ts)",
    body: `**${sessions} sessions** in ${week}. Example sessions: s-${week}-1, s-${week}-2`,
    kind: "bug",
    priority,
    labels: ["bug", "import", "skynet"],
    sessions,
    codeLocations: [{ path: "src/import/csv.ts", line: 69 }],
    week,
  };
}

function tempWarehouse(): Warehouse {
  return openWarehouse(join(mkdtempSync(join(tmpdir(), "selfheal-tracker-")), "warehouse.db"));
}

describe("Linear tracker through @linear/sdk against a schema-checking fake", () => {
  let fake: FakeLinearServer;
  let warehouse: Warehouse;
  let tracker: LinearTracker;

  beforeEach(async () => {
    fake = new FakeLinearServer(KEY);
    const apiUrl = await fake.start();
    warehouse = tempWarehouse();
    tracker = new LinearTracker(warehouse, new LinearClient({ apiKey: KEY, apiUrl }), { team: "ENG", patternUrl: "https://selfheal.acme.dev/patterns/{week}/{fingerprint}" });
  });
  afterEach(async () => {
    await warehouse.close();
    await fake.stop();
  });

  it("moves an issue to review with a comment linking the pull request when Skynet opens one", async () => {
    const { ticket } = await tracker.file(proposal("2026-W47", 119, 2));
    const reviewed = await tracker.markInReview(ticket, "https://github.com/acme/app/pull/7");
    expect(fake.rejected).toEqual([]);
    expect(fake.issues[0]?.stateId).toBe("st-review");
    expect(fake.comments.map((c) => c.body)).toEqual(["Pull request for review, opened by selfheal's Skynet: https://github.com/acme/app/pull/7"]);
    expect(reviewed).toMatchObject({ id: ticket.id, status: "in_review" });
    expect(reviewed.body).toContain("Pull request: https://github.com/acme/app/pull/7");
    // twice is harmless: the link is not repeated in the stored body
    const again = await tracker.markInReview(reviewed, "https://github.com/acme/app/pull/7");
    expect(again.body.split("Pull request: ").length).toBe(2);
  });

  it("comments the pull request once when a run killed after the comment, before its checkpoint, marks the ticket again on resume", async () => {
    const { ticket } = await tracker.file(proposal("2026-W47", 119, 2));
    await tracker.markInReview(ticket, "https://github.com/acme/app/pull/7");
    // resumed from the checkpoint before the call: the same ticket as it was then
    await tracker.markInReview(ticket, "https://github.com/acme/app/pull/7");
    expect(fake.rejected).toEqual([]);
    expect(fake.comments.map((c) => c.body)).toEqual(["Pull request for review, opened by selfheal's Skynet: https://github.com/acme/app/pull/7"]);
  });

  it("comments a reopening once when a run killed after the comment, before its checkpoint, reopens the ticket again on resume", async () => {
    const { ticket } = await tracker.file(proposal("2026-W47", 119, 2));
    const note = "Not healed: the pattern is back in 2026-W49 in 31 sessions.";
    await tracker.reopen(ticket, note);
    await tracker.reopen(ticket, note); // resumed from the checkpoint before the call
    expect(fake.rejected).toEqual([]);
    expect(fake.comments.map((c) => c.body)).toEqual([note]);
  });

  it("files a new issue on the team with priority, labels (found or created) and a link back to the pattern", async () => {
    expect(await tracker.plan(proposal("2026-W47", 119, 2))).toBe("created");
    const { ticket, action } = await tracker.file(proposal("2026-W47", 119, 2));
    expect(action).toBe("created");
    expect(fake.rejected).toEqual([]);
    const [create] = fake.callsTo("issueCreate");
    const input = create!.args["input"] as Record<string, unknown>;
    expect(input).toMatchObject({ teamId: fake.team.id, title: proposal("2026-W47", 1, 1).title, priority: 2 });
    expect(input["description"]).toContain("https://selfheal.acme.dev/patterns/2026-W47/exc-0123456789abcdef");
    // "bug" matches the workspace label "Bug"; the others are created on the team, once each.
    expect(fake.callsTo("issueLabelCreate").map((c) => (c.args["input"] as { name: string; teamId: string }))).toEqual([
      { name: "import", teamId: fake.team.id },
      { name: "skynet", teamId: fake.team.id },
    ]);
    expect(fake.issues[0]!.labelIds).toEqual(["lbl-ws-bug", ...fake.labels.slice(1).map((l) => l.id)]);
    expect(ticket).toMatchObject({ id: "ENG-1", url: "https://linear.app/acme/issue/ENG-1", status: "open", priority: 2, sessions: 119 });
    expect(await warehouse.ticketByFingerprint("exc-0123456789abcdef")).toMatchObject({ id: "ENG-1" });
  });

  it("updates the open issue when the pattern recurs next week, raising priority but never lowering it", async () => {
    await tracker.file(proposal("2026-W47", 30, 3));
    const next = proposal("2026-W48", 140, 2);
    expect(await tracker.plan(next)).toBe("updated");
    const { ticket, action } = await tracker.file(next);
    expect(action).toBe("updated");
    expect(fake.callsTo("issueCreate")).toHaveLength(1);
    const update = fake.callsTo("issueUpdate").at(-1)!;
    expect(update.args["id"]).toBe(fake.issues[0]!.id);
    expect(update.args["input"]).toMatchObject({ priority: 2 });
    expect(fake.issues[0]!.description).toContain("**140 sessions** in 2026-W48");
    expect(ticket).toMatchObject({ id: "ENG-1", sessions: 140, priority: 2 });

    await tracker.file(proposal("2026-W49", 12, 4));
    expect(fake.issues[0]!.priority).toBe(2);
    expect(fake.issues).toHaveLength(1);
    expect(fake.rejected).toEqual([]);
  });

  it("reopens an issue closed as done when its pattern recurs, with a comment, and leaves a canceled one alone", async () => {
    await tracker.file(proposal("2026-W47", 119, 2));
    fake.setState("ENG-1", "completed");
    expect(await tracker.plan(proposal("2026-W48", 25, 2))).toBe("reopened");
    expect((await warehouse.ticket("ENG-1"))?.status).toBe("done"); // the mirror follows Linear before deciding
    const { ticket, action } = await tracker.file(proposal("2026-W48", 25, 2));
    expect(action).toBe("reopened");
    expect(fake.issues[0]!.stateId).toBe("st-todo");
    expect(fake.comments).toEqual([{ issueId: fake.issues[0]!.id, body: expect.stringContaining("recurred in 2026-W48 in 25 sessions") }]);
    expect(ticket.status).toBe("open");

    fake.setState("ENG-1", "canceled");
    const mutations = fake.calls.filter((c) => c.field.endsWith("Create") || c.field.endsWith("Update")).length;
    expect(await tracker.file(proposal("2026-W49", 50, 1))).toMatchObject({ action: "unchanged" });
    expect(fake.calls.filter((c) => c.field.endsWith("Create") || c.field.endsWith("Update"))).toHaveLength(mutations);
    expect(fake.issues).toHaveLength(1);
    expect(fake.rejected).toEqual([]);
    expect(new Set(fake.calls.map((c) => c.operation))).toEqual(
      new Set(["SelfhealTeam", "SelfhealLabels", "SelfhealIssue", "SelfhealIssueByFingerprint", "createIssueLabel", "createIssue", "updateIssue", "SelfhealComment", "createComment", "workflowStates"]),
    );
  });

  it("adopts the issue it filed before when the warehouse lost the mapping, instead of filing a twin", async () => {
    await tracker.file(proposal("2026-W47", 119, 2));
    const other = tempWarehouse();
    try {
      const again = new LinearTracker(other, new LinearClient({ apiKey: KEY, apiUrl: fake.url }), { team: "ENG" });
      const { ticket, action } = await again.file(proposal("2026-W48", 130, 2));
      expect(action).toBe("updated");
      expect(ticket.id).toBe("ENG-1");
      expect(fake.issues).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  it("says which setting is missing instead of calling Linear without a key", async () => {
    const profile = ProductProfile.parse({ product: { name: "A", description: "B" }, departments: {}, successEvents: [], tracker: { kind: "linear" }, linear: { team: "ENG" } });
    await expect(trackerFor(profile, warehouse, {})).rejects.toThrow(UsageError);
    await expect(trackerFor(profile, warehouse, {})).rejects.toThrow(/LINEAR_API_KEY/);
    const noSection = ProductProfile.parse({ product: { name: "A", description: "B" }, departments: {}, successEvents: [], tracker: { kind: "linear" } });
    await expect(trackerFor(noSection, warehouse, { LINEAR_API_KEY: KEY })).rejects.toThrow(/"linear" section/);
    expect((await trackerFor(profile, warehouse, { LINEAR_API_KEY: KEY })).kind).toBe("linear");
  });

  it("rejects what Linear would reject: the fake validates against the real schema", async () => {
    const client = new LinearClient({ apiKey: KEY, apiUrl: fake.url });
    await expect(client.client.rawRequest("query { issue(id: 1) { nonexistentField } }", {})).rejects.toThrow();
    expect(fake.rejected.at(-1)).toMatch(/nonexistentField|String/);
  });
});

describe("local tracker, the recurring weeks", () => {
  it("creates, updates with the new count, reopens a done ticket with a note, and never files a twin", async () => {
    const warehouse = tempWarehouse();
    try {
      const tracker = new LocalTracker(warehouse);
      const first = await tracker.file(proposal("2026-W47", 30, 3));
      expect(first.action).toBe("created");
      expect(await tracker.plan(proposal("2026-W48", 140, 2))).toBe("updated");
      const second = await tracker.file(proposal("2026-W48", 140, 2));
      expect(second).toMatchObject({ action: "updated", ticket: { id: first.ticket.id, sessions: 140, priority: 2 } });
      expect((await tracker.file(proposal("2026-W49", 12, 4))).ticket.priority).toBe(2);
      await warehouse.updateTicket(first.ticket.id, { status: "done" });
      const reopened = await tracker.file(proposal("2026-W50", 25, 2));
      expect(reopened.action).toBe("reopened");
      expect(reopened.ticket.status).toBe("open");
      expect(reopened.ticket.body).toContain("Reopened by selfheal");
      await warehouse.updateTicket(first.ticket.id, { status: "canceled" });
      expect((await tracker.file(proposal("2026-W51", 60, 1))).action).toBe("unchanged");
      expect(await warehouse.listTickets()).toHaveLength(1);
    } finally {
      await warehouse.close();
    }
  });
});

import { describe, it, expect } from "vitest";
import { HumanInterruptSchema, HumanResponseSchema } from "./humanInterrupt.js";

/** What Agent Inbox renders (its HumanInterrupt type) and what it resumes with (HumanResponse), as it sends them. */
const inboxInterrupt = {
  action_request: { action: "file_tickets", args: { week: "2026-W47", tickets: [{ title: "t" }] } },
  config: { allow_ignore: true, allow_respond: false, allow_edit: true, allow_accept: true },
  description: "The PM proposes 1 ticket change(s)",
};

describe("Agent Inbox's HumanInterrupt schema", () => {
  it("accepts the interrupt Agent Inbox renders, with or without a description", () => {
    expect(HumanInterruptSchema.parse(inboxInterrupt)).toEqual(inboxInterrupt);
    const { description: _d, ...bare } = inboxInterrupt;
    expect(HumanInterruptSchema.safeParse(bare).success).toBe(true);
  });

  it("refuses what Agent Inbox could not render: a missing config flag, args that are no object, no action", () => {
    const { allow_edit: _e, ...partial } = inboxInterrupt.config;
    expect(HumanInterruptSchema.safeParse({ ...inboxInterrupt, config: partial }).success).toBe(false);
    expect(HumanInterruptSchema.safeParse({ ...inboxInterrupt, action_request: { action: "x", args: "tickets" } }).success).toBe(false);
    expect(HumanInterruptSchema.safeParse({ ...inboxInterrupt, action_request: { action: "", args: {} } }).success).toBe(false);
  });

  it("types the four responses Agent Inbox resumes with, and refuses others", () => {
    for (const r of [{ type: "accept", args: null }, { type: "ignore", args: null }, { type: "response", args: "try again" }, { type: "edit", args: { action: "file_tickets", args: { tickets: [] } } }]) {
      expect(HumanResponseSchema.safeParse(r).success, r.type).toBe(true);
    }
    expect(HumanResponseSchema.safeParse({ type: "approve" }).success).toBe(false);
    expect(HumanResponseSchema.safeParse({ type: "response", args: { text: "x" } }).success).toBe(false);
    expect(HumanResponseSchema.safeParse({ type: "edit", args: { args: {} } }).success).toBe(false);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OpenAIEmbeddings } from "@langchain/openai";
import { FakeOpenAIServer } from "../../../testing/fakeOpenAI.js";
import { pattern } from "../../../testing/records.js";
import type { Ticket } from "../../../state/ticket.js";
import { MemorySettings } from "../../../state/profileSections/memory.js";
import { recallTickets, type TicketMemory } from "./recallTickets.js";

const NOW = new Date("2026-03-01T00:00:00Z");
const TITLE = "TypeError: Cannot read properties of undefined (reading 'steps') in saveWorkflow";

function ticket(fingerprint: string, fields: Partial<Ticket> = {}): Ticket {
  return {
    id: `SH-T-${fingerprint}`,
    url: `local://${fingerprint}`,
    fingerprint,
    title: TITLE,
    body: "what happened",
    kind: "bug",
    priority: 2,
    labels: [],
    status: "open",
    sessions: 9,
    codeLocations: [],
    createdAt: "2026-02-20T00:00:00Z",
    updatedAt: "2026-02-25T00:00:00Z",
    ...fields,
  };
}

describe("ticket memory by meaning (OpenAIEmbeddings against the local fake server)", () => {
  const server = new FakeOpenAIServer();
  let memory: TicketMemory;
  beforeAll(async () => {
    const baseURL = await server.start();
    memory = { embeddings: new OpenAIEmbeddings({ model: "text-embedding-3-small", apiKey: "fake", configuration: { baseURL }, maxRetries: 0 }), settings: MemorySettings.parse({}), now: NOW };
  });
  afterAll(() => server.stop());

  it("gives a pattern with a new fingerprint the open ticket that means the same, and leaves unrelated and other-kind patterns alone", async () => {
    const moved = pattern("exc-after-refactor", { title: TITLE });
    const other = pattern("exc-other", { title: "RangeError: Invalid time value in formatInvoiceDate" });
    const need = pattern("imp-steps", { kind: "improvement", title: TITLE });
    const before = server.requests.length;
    const out = await recallTickets([moved, other, need], [ticket("exc-before-refactor")], memory);
    expect(out.map((p) => p.fingerprint)).toEqual(["exc-before-refactor", "exc-other", "imp-steps"]);
    // Two embeddings requests (the tickets, the newcomers), in OpenAI's schema through the real client.
    const sent = server.requests.slice(before);
    expect(sent.map((r) => r.path)).toEqual(["/v1/embeddings", "/v1/embeddings"]);
  });

  it("remembers recently closed tickets, not long-closed ones, and never one a pattern of this week already holds", async () => {
    const moved = pattern("exc-new", { title: TITLE });
    expect((await recallTickets([moved], [ticket("exc-old", { status: "done", updatedAt: "2026-02-10T00:00:00Z" })], memory))[0]!.fingerprint).toBe("exc-old");
    expect((await recallTickets([moved], [ticket("exc-old", { status: "done", updatedAt: "2025-11-01T00:00:00Z" })], memory))[0]!.fingerprint).toBe("exc-new");
    const holder = pattern("exc-old", { title: TITLE });
    expect((await recallTickets([holder, moved], [ticket("exc-old")], memory)).map((p) => p.fingerprint)).toEqual(["exc-old", "exc-new"]);
  });

  it("changes nothing offline or when the endpoint serves no embeddings", async () => {
    const moved = pattern("exc-new", { title: TITLE });
    expect(await recallTickets([moved], [ticket("exc-old")], null)).toEqual([moved]);
    server.servesEmbeddings = false;
    try {
      expect(await recallTickets([moved], [ticket("exc-old")], memory)).toEqual([moved]);
    } finally {
      server.servesEmbeddings = true;
    }
  });
});

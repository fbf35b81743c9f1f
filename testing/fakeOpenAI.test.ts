import { describe, it, expect, afterEach } from "vitest";
import { ChatOpenAI } from "@langchain/openai";
import { FakeOpenAIServer } from "./fakeOpenAI.js";

describe("FakeOpenAIServer through @langchain/openai", () => {
  let server: FakeOpenAIServer;
  afterEach(async () => server.stop());

  it("answers from its script, retries through a 429, and records what was sent", async () => {
    server = new FakeOpenAIServer().reply({ status: 429, retryAfterSeconds: 0 }, { content: "hi there" });
    const baseURL = await server.start();
    const model = new ChatOpenAI({ model: "fake-1", apiKey: "test", configuration: { baseURL }, maxRetries: 2 });
    const reply = await model.invoke("hello, secret@example.com");
    expect(reply.content).toBe("hi there");
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]?.body.model).toBe("fake-1");
    expect(server.requests[1]?.rawBody).toContain("secret@example.com");
  });

  it("returns tool calls", async () => {
    server = new FakeOpenAIServer().reply({ toolCalls: [{ name: "extract", args: { score: 3 } }] });
    const baseURL = await server.start();
    const model = new ChatOpenAI({ model: "fake-1", apiKey: "test", configuration: { baseURL }, maxRetries: 0 });
    const reply = await model.invoke("rate");
    expect(reply.tool_calls?.[0]).toMatchObject({ name: "extract", args: { score: 3 } });
  });
});

import { describe, it, expect, afterEach } from "vitest";
import { ChatOpenAI, OpenAIEmbeddings } from "@langchain/openai";
import { FakeOpenAIServer } from "./fakeOpenAI.js";
import { FAKE_EMBEDDING_DIMENSIONS, hashedBagOfWords } from "./fakeEmbeddings.js";

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

  it("serves /v1/embeddings in OpenAI's schema, floats or base64, deterministic; 400 on bad input, 404 when told it serves none", async () => {
    server = new FakeOpenAIServer();
    const baseURL = await server.start();
    const post = (body: unknown) => fetch(`${baseURL}/embeddings`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const floats = (await (await post({ model: "emb-1", input: ["export invoices", "Export invoices!"] })).json()) as { object: string; model: string; data: { object: string; index: number; embedding: number[] }[]; usage: { prompt_tokens: number } };
    expect(floats).toMatchObject({ object: "list", model: "emb-1", data: [{ object: "embedding", index: 0 }, { object: "embedding", index: 1 }], usage: { prompt_tokens: 4 } });
    expect(floats.data[0]!.embedding).toHaveLength(FAKE_EMBEDDING_DIMENSIONS);
    expect(floats.data[0]!.embedding).toEqual(floats.data[1]!.embedding);
    // The client library asks for base64 by default and decodes it: the same vector comes back.
    const client = new OpenAIEmbeddings({ model: "emb-1", apiKey: "test", configuration: { baseURL }, maxRetries: 0 });
    const [vector] = await client.embedDocuments(["export invoices"]);
    expect(server.requests.at(-1)?.body["encoding_format"]).toBe("base64");
    expect(vector!.map((v) => Math.round(v * 1e5))).toEqual(hashedBagOfWords("export invoices").map((v) => Math.round(v * 1e5)));
    expect((await post({ model: "emb-1", input: [[1, 2, 3]] })).status).toBe(400);
    server.servesEmbeddings = false;
    expect((await post({ model: "emb-1", input: "x" })).status).toBe(404);
  });
});

import { describe, it, expect } from "vitest";
import { z } from "zod";
import { tool } from "@langchain/core/tools";
import { HumanMessage } from "@langchain/core/messages";
import { ScriptedChatModel } from "./scriptedModel.js";

describe("ScriptedChatModel", () => {
  it("replays text and tool calls in order and records what it was sent", async () => {
    const model = new ScriptedChatModel(["hello", { toolCalls: [{ name: "search", args: { q: "x" } }] }]);
    const search = tool(async () => "ok", { name: "search", description: "search", schema: z.object({ q: z.string() }) });
    expect((await model.invoke([new HumanMessage("hi")])).content).toBe("hello");
    const reply = await model.bindTools([search]).invoke("find x");
    expect(reply.tool_calls?.[0]).toMatchObject({ name: "search", args: { q: "x" } });
    expect(model.calls).toHaveLength(2);
    expect(model.calls[1]?.tools).toEqual(["search"]);
    expect(model.remaining).toBe(0);
  });

  it("serves structured output through a tool call, unvalidated, as LangChain's base path does", async () => {
    const schema = z.object({ score: z.number().int().max(10) });
    const model = new ScriptedChatModel([
      { toolCalls: [{ name: "extract", args: { score: 7 } }] },
      { toolCalls: [{ name: "extract", args: { score: 42 } }] },
    ]);
    const structured = model.withStructuredOutput(schema, { name: "extract" });
    await expect(structured.invoke("rate")).resolves.toEqual({ score: 7 });
    // The base path does not validate: callers must (an out-of-range score comes back as sent).
    await expect(structured.invoke("rate")).resolves.toEqual({ score: 42 });
    expect(model.calls[0]?.tools).toEqual(["extract"]);
  });

  it("throws when the script runs out, and throws scripted errors", async () => {
    const model = new ScriptedChatModel([new Error("429 Too Many Requests")]);
    await expect(model.invoke("a")).rejects.toThrow("429");
    await expect(model.invoke("b")).rejects.toThrow(/no reply left/);
  });
});

import { describe, it, expect } from "vitest";
import { tool } from "@langchain/core/tools";
import { z } from "zod";
import { ScriptedChatModel } from "../../testing/scriptedModel.js";
import { runCodingAgent } from "./codingAgent.js";
import { registerSecret } from "../../runtime/scrubSecrets.js";

const bigRead = tool(async () => "word ".repeat(2000), { name: "read_file", description: "read", schema: z.object({ path: z.string() }) });
const read = { toolCalls: [{ name: "read_file", args: { path: "a.ts" } }] };
const base = { tools: [bigRead], system: "rules", task: "fix it", violated: () => null };

describe("the coding agent's loop keeps to its budgets", () => {
  it("stops when the token budget is spent, counting what it sent and received", async () => {
    const model = new ScriptedChatModel(Array.from({ length: 10 }, () => read));
    const run = await runCodingAgent({ ...base, model, maxSteps: 10, maxTokens: 3000 });
    expect(run.stop).toBe("token_budget");
    expect(run.tokens).toBeGreaterThan(3000);
    // call 1 is small, call 2 carries one 2,000-token read (about 2,050 in all), call 3 carries two
    expect(run.steps).toBe(3);
    expect(model.calls).toHaveLength(3);
  });

  it("stops after its step budget of model calls", async () => {
    const model = new ScriptedChatModel(Array.from({ length: 5 }, () => read));
    const run = await runCodingAgent({ ...base, model, maxSteps: 3, maxTokens: 1_000_000 });
    expect(run).toMatchObject({ stop: "step_budget", steps: 3, detail: "step budget of 3 model calls spent" });
    expect(model.remaining).toBe(2);
  });

  it("answers an unknown tool or bad arguments with an error the model reads, and ends on a reply without tool calls", async () => {
    const model = new ScriptedChatModel([
      { toolCalls: [{ name: "rm_rf", args: {} }] },
      { toolCalls: [{ name: "read_file", args: { nope: 1 } }] },
      "I could not fix it.",
    ]);
    const run = await runCodingAgent({ ...base, model, maxSteps: 5, maxTokens: 1_000_000 });
    expect(run).toMatchObject({ stop: "done", steps: 3, summary: "I could not fix it." });
    const toolReplies = model.calls[2]!.messages.filter((m) => m.getType() === "tool").map((m) => String(m.content));
    expect(toolReplies[0]).toBe("ERROR: no tool named rm_rf");
    expect(toolReplies[1]).toMatch(/^ERROR: bad arguments for read_file/);
  });

  it("ends at once when a tool reports a sandbox violation", async () => {
    const model = new ScriptedChatModel([read, read]);
    let calls = 0;
    const run = await runCodingAgent({ ...base, model, maxSteps: 5, maxTokens: 1_000_000, violated: () => (++calls >= 1 ? "path outside" : null) });
    expect(run).toMatchObject({ stop: "violation", steps: 1, detail: "path outside" });
    expect(model.remaining).toBe(1);
  });

  it("reports a failed model call without the key its error quotes (the reason is stored and printed)", async () => {
    const key = "sk-proj-skynetECHOkey0123456789abcdefgh";
    registerSecret("SKYNET_KEY", key);
    const model = new ScriptedChatModel([new Error(`401 Incorrect API key provided: Bearer ${key}`)]);
    const run = await runCodingAgent({ ...base, model, maxSteps: 5, maxTokens: 1_000_000 });
    expect(run).toMatchObject({ stop: "model_error", steps: 1, detail: "the model call failed: 401 Incorrect API key provided: Bearer [SKYNET_KEY]" });
    expect(JSON.stringify(run)).not.toContain(key);
  });
});

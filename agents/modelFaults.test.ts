import { describe, it, expect, beforeEach, afterEach } from "vitest";
import { HumanMessage } from "@langchain/core/messages";
import { FakeOpenAIServer } from "../testing/fakeOpenAI.js";
import { FaultPlan } from "../testing/faultPlan.js";
import { notebookProfile } from "../testing/profiles.js";
import { modelFor } from "./models.js";

const SERVICES = { maxRetries: 6, retryBaseMs: 1, retryMaxMs: 20, timeoutMs: 400, circuitFailures: 8, circuitCooldownMs: 60_000 };

describe("the PM's and Skynet's models behind the services guard, against the fake OpenAI server with a fault plan", () => {
  let server: FakeOpenAIServer;
  let env: NodeJS.ProcessEnv;
  beforeEach(async () => {
    server = new FakeOpenAIServer(() => ({ content: "an answer" }));
    env = { OPENAI_BASE_URL: await server.start(), OPENAI_API_KEY: "sk-fake" };
  });
  afterEach(async () => server.stop());

  it("at 20% faults every request is answered", async () => {
    server.faults = new FaultPlan({ share: 0.2, seed: 77, timeoutHangMs: 1_000 });
    const model = await modelFor("pm", notebookProfile({ models: { pm: "gpt-4o-mini" }, services: SERVICES }), {}, env);
    for (let n = 0; n < 40; n++) expect((await model!.invoke([new HumanMessage(`question ${n}`)])).content).toBe("an answer");
    const seen = Object.fromEntries(server.faults.injected);
    expect(Object.keys(seen).length, JSON.stringify(seen)).toBeGreaterThanOrEqual(5);
    expect(server.requests.length).toBe(40 + server.faults.total - (seen["429"] ?? 0) - (seen["429 Retry-After"] ?? 0) - (seen["500"] ?? 0) - (seen["503"] ?? 0));
  }, 120_000);

  it("a model that is down fails the call saying so, and is not called again while its circuit is open", async () => {
    server.faults = new FaultPlan({ share: 0, seed: 1 });
    server.faults.down = true;
    const model = await modelFor("skynet", notebookProfile({ models: { skynet: "gpt-4o-mini" }, services: { ...SERVICES, circuitFailures: 3 } }), {}, env);
    await expect(model!.invoke([new HumanMessage("fix it")])).rejects.toThrow(/the skynet model is failing \(3 failed requests in a row/);
    for (let n = 0; n < 4; n++) await expect(model!.invoke([new HumanMessage("fix it")])).rejects.toThrow(/not calling it again/);
    expect(server.faults.total).toBe(3);
  }, 60_000);
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { latencyFor, TOOL_CATALOG, type ToolDefinition } from "../src/tools/catalog.js";
import { scaledClock } from "../src/tools/clock.js";
import { runTool, ToolTimeoutError } from "../src/tools/runner.js";

// The fastest and the slowest companies of the provider's 6-9 s range. The clock runs 100x fast, not
// faster: a 10x coarser one would blur 8.9 s against a deadline just under it into the same millisecond.
const byLatency = Array.from({ length: 400 }, (_, i) => `company-${i}.example`).sort((a, b) => latencyFor(a, 6000, 3000) - latencyFor(b, 6000, 3000));
const domains = [byLatency[0]!, ...byLatency.slice(-3)];
const clock = () => scaledClock(100);

test("enrich_company finishes for companies across the provider's latency range", async () => {
  assert.ok(latencyFor(domains.at(-1)!, 6000, 3000) > 8900);
  for (const domain of domains) {
    const run = await runTool("enrich_company", { domain }, clock());
    assert.equal(run.output.domain, domain);
    assert.equal(typeof run.output.employees, "number");
  }
});

test("a tool that never answers still times out", async () => {
  // A minute is forever for a tool (its pending timer also keeps this test process alive that long).
  const stuck: ToolDefinition = { name: "stuck_tool", title: "Stuck", description: "never answers", run: (_input, ctx) => ctx.sleep(60_000).then(() => ({})) };
  (TOOL_CATALOG as ToolDefinition[]).push(stuck);
  try {
    await assert.rejects(runTool("stuck_tool", {}, clock()), ToolTimeoutError);
  } finally {
    (TOOL_CATALOG as ToolDefinition[]).pop();
  }
});

// Runs one catalog tool with a deadline, so a stuck provider cannot hold a request forever.
import { randomUUID } from "node:crypto";
import { findTool } from "./catalog.js";
import type { Clock } from "./clock.js";

export const TOOL_TIMEOUT_MS = 5000;

export class ToolTimeoutError extends Error {
  override name = "ToolTimeoutError";
  constructor(
    readonly tool: string,
    readonly timeoutMs: number,
    readonly runId: string,
  ) {
    super(`Tool ${tool} timed out after ${timeoutMs}ms (run ${runId})`);
  }
}

export class UnknownToolError extends Error {
  override name = "UnknownToolError";
  constructor(readonly tool: string) {
    super(`Unknown tool ${tool}`);
  }
}

export interface ToolRun {
  runId: string;
  tool: string;
  output: Record<string, unknown>;
}

export function newRunId(): string {
  return `tr_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
}

export async function runTool(name: string, input: Record<string, string>, clock: Clock): Promise<ToolRun> {
  const tool = findTool(name);
  if (!tool) throw new UnknownToolError(name);
  const runId = newRunId();
  const deadline = new AbortController();
  const outcome = await Promise.race([
    tool.run(input, { sleep: (ms) => clock.sleep(ms) }).then((output) => ({ output })),
    clock.sleep(TOOL_TIMEOUT_MS, deadline.signal).then(() => null),
  ]);
  deadline.abort();
  if (outcome === null) {
    throw new ToolTimeoutError(tool.name, TOOL_TIMEOUT_MS, runId);
  }
  return { runId, tool: tool.name, output: outcome.output };
}

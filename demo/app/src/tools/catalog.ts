// The AI tools a workflow step (or a user, from the Tools page) can run.
// Latencies stand in for the upstream model/data-provider calls.

export interface ToolContext {
  sleep(ms: number): Promise<void>;
}

export interface ToolDefinition {
  name: string;
  title: string;
  description: string;
  run(input: Record<string, string>, ctx: ToolContext): Promise<Record<string, unknown>>;
}

/** Stable pseudo-latency per input, so the same company always takes the same time. */
export function latencyFor(key: string, minMs: number, spreadMs: number): number {
  let hash = 0;
  for (const char of key) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return minMs + (hash % spreadMs);
}

export const TOOL_CATALOG: readonly ToolDefinition[] = [
  {
    name: "classify_lead",
    title: "Classify lead",
    description: "Scores a lead as hot, warm or cold from its form answers.",
    async run(input, ctx) {
      await ctx.sleep(latencyFor(input.email ?? "", 400, 600));
      const corporate = !(input.email ?? "").endsWith("@gmail.com");
      return { segment: corporate ? "warm" : "cold" };
    },
  },
  {
    name: "summarize_thread",
    title: "Summarize email thread",
    description: "Writes a three-line summary of an email thread.",
    async run(input, ctx) {
      const text = input.thread ?? "";
      await ctx.sleep(latencyFor(text, 1500, 1500));
      return { summary: text.split(/(?<=\.)\s+/).slice(0, 3).join(" ") };
    },
  },
  {
    name: "enrich_company",
    title: "Enrich company",
    description: "Looks up size, industry and location for a company domain.",
    async run(input, ctx) {
      const domain = input.domain ?? "";
      // The data provider crawls the company's site: 6-9 s in practice.
      await ctx.sleep(latencyFor(domain, 6000, 3000));
      return { domain, employees: latencyFor(domain, 10, 490), industry: "Software" };
    },
  },
];

export function findTool(name: string): ToolDefinition | undefined {
  return TOOL_CATALOG.find((tool) => tool.name === name);
}

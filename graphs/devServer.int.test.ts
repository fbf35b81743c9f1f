import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { Client } from "@langchain/langgraph-sdk";
import { fileURLToPath } from "node:url";
import { seedDemoWeek, withWarehouse, type DemoWeek } from "../testing/demoWeek.js";
import { freePort } from "../testing/freePort.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Polls until the server answers, or fails with what it printed. */
async function waitForServer(url: string, child: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`langgraphjs dev exited: ${log()}`);
    try {
      if ((await fetch(`${url}/ok`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`langgraphjs dev did not start: ${log()}`);
}

describe("langgraph.json served by `langgraphjs dev` (what LangGraph Studio talks to)", () => {
  let demo: DemoWeek;
  let child: ChildProcess;
  let url: string;
  let output = "";

  beforeAll(async () => {
    demo = await seedDemoWeek({ sessions: 300, seed: 81 });
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, [`${ROOT}/node_modules/@langchain/langgraph-cli/dist/cli/cli.mjs`, "dev", "--port", String(port), "--host", "127.0.0.1", "--no-browser", "--no-reload"], {
      cwd: ROOT,
      // The server runs the graphs with its own checkpointer; nodes find the warehouse and profile here.
      env: { ...process.env, SELFHEAL_DB: demo.settings.db, SELFHEAL_CONFIG: demo.settings.config!, LANGSMITH_TRACING: "false", LANGCHAIN_TRACING_V2: "false" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
    await waitForServer(url, child, () => output.slice(-3000));
  }, 180_000);

  afterAll(() => {
    child?.kill("SIGTERM");
  });

  it("serves the six graphs", async () => {
    const client = new Client({ apiUrl: url });
    const assistants = await client.assistants.search({ limit: 20 });
    expect(assistants.map((a) => a.graph_id).sort()).toEqual(["gatherer", "pm", "review", "skynet", "verify", "weekly"]);
  });

  it("runs the weekly graph to the ticket gate and resumes it with an Agent Inbox answer", async () => {
    const client = new Client({ apiUrl: url });
    const thread = await client.threads.create();
    await client.runs.wait(thread.thread_id, "weekly", { input: { week: demo.week } });
    const waiting = await client.threads.getState(thread.thread_id, undefined, { subgraphs: true });
    const interrupt = waiting.tasks.flatMap((t) => t.interrupts)[0] as { value?: { action_request?: { action?: string } } } | undefined;
    expect(interrupt?.value?.action_request?.action).toBe("file_tickets");
    expect(await withWarehouse(demo, (w) => w.listTickets())).toHaveLength(0);

    const done = (await client.runs.wait(thread.thread_id, "weekly", { command: { resume: [{ type: "accept" }] } })) as {
      digest?: { path: string };
      triageSummary?: { gate: string };
    };
    expect(done.triageSummary?.gate).toBe("accepted");
    expect(done.digest?.path).toMatch(/\.html$/);
    expect((await withWarehouse(demo, (w) => w.listTickets())).length).toBeGreaterThan(0);
  });
});

import { describe, it, expect, afterAll } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { FakeOpenAIServer } from "../../testing/fakeOpenAI.js";
import { runCli } from "../../testing/cli.js";
import { fileBug, skynetWorld } from "../../testing/skynetWorld.js";
import { branchFor } from "../../agents/skynet/attemptFix.js";

describe("selfheal fix --json, end to end with an OpenAI-compatible model server", () => {
  const fake = new FakeOpenAIServer();
  afterAll(() => fake.stop());

  it("stops at the PR gate, then with --yes verifies and proposes, following the contract", async () => {
    const world = await skynetWorld({ github: false });
    const config = world.demo.settings.config!;
    const profile = JSON.parse(readFileSync(config, "utf8")) as { models?: Record<string, string> };
    writeFileSync(config, JSON.stringify({ ...profile, models: { ...profile.models, skynet: "gpt-test" } }));
    const ticket = await fileBug(world, { title: "workflow schema", body: "steps[2].config expected object, got null", path: "src/api/workflows.ts", line: 40 });
    fake.reply(
      { toolCalls: [{ name: "edit_file", args: { path: "src/api/workflows.ts", old: "config: step.config ?? null", new: "config: step.config ?? {}" } }] },
      { toolCalls: [{ name: "run_command", args: { command: "npm test" } }] },
      { content: "Unconfigured steps serialize as {}." },
    );
    const base = ["--db", world.demo.settings.db, "--config", config, "fix", "--json"];
    const env = { OPENAI_BASE_URL: await fake.start(), OPENAI_API_KEY: "sk-test-key", GITHUB_TOKEN: "" };

    const waiting = await runCli(base, { env });
    expect(waiting.code, waiting.stderr).toBe(0);
    const gated = JSON.parse(waiting.stdout) as { attempts: unknown[]; gate: { action_request: { action: string; args: { ticket: string; diff: string } } } };
    expect(gated.attempts).toEqual([]);
    expect(gated.gate.action_request.action).toBe("open_pull_request");
    expect(gated.gate.action_request.args.ticket).toBe(ticket.id);
    expect(gated.gate.action_request.args.diff).toContain("+    steps: workflow.steps.map((step) => ({ id: step.id, type: step.type, name: step.name, config: step.config ?? {} })),");
    expect(waiting.stderr).not.toContain("sk-test-key");
    // the model was offered the sandbox's tools, and the sandboxed test run's result came back to it
    expect(fake.requests).toHaveLength(3);
    const tools = (fake.requests[0]!.body.tools ?? []) as { function: { name: string } }[];
    expect(tools.map((t) => t.function.name)).toEqual(["search", "read_file", "edit_file", "apply_patch", "run_command"]);
    const toolReply = fake.requests[2]!.body.messages?.find((m) => m.role === "tool" && String(m.content).startsWith("exit code"));
    expect(String(toolReply?.content)).toMatch(/^exit code 0\n/);

    const approved = await runCli([...base.slice(0, -1), "--yes", "--json"], { env });
    expect(approved.code, approved.stderr).toBe(0);
    expect(approved.stderr).toContain("gate open_pull_request: accepted by --yes");
    const result = JSON.parse(approved.stdout) as { attempts: Record<string, unknown>[] };
    expect(result.attempts).toHaveLength(1);
    const a = result.attempts[0]!;
    expect(Object.keys(a).sort()).toEqual(["branch", "pr", "reason", "status", "tests", "ticket"]);
    expect(a).toMatchObject({ ticket: ticket.id, status: "pr_opened", branch: branchFor(ticket), pr: { url: expect.stringMatching(new RegExp(`^file://.*/patches/${ticket.id}\\.patch$`)) } });
    expect(a["tests"]).toEqual({ before: expect.stringMatching(/^passed: /), after: expect.stringMatching(/^passed: /) });
    expect(fake.requests).toHaveLength(3);

    const again = await runCli(base, { env });
    expect(JSON.parse(again.stdout)).toEqual({ attempts: [] });
  }, 60_000);

  it("without a model, records the ticket as waiting for one, and the next run says which tickets wait and how to give it one", async () => {
    const world = await skynetWorld({ github: false });
    const ticket = await fileBug(world, { title: "workflow schema", body: "steps[2].config expected object, got null", path: "src/api/workflows.ts", line: 40 });
    const base = ["--db", world.demo.settings.db, "--config", world.demo.settings.config!, "fix"];
    const env = { OPENAI_BASE_URL: "", OPENAI_API_KEY: "", GITHUB_TOKEN: "" };

    const first = await runCli(base, { env });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`${ticket.id}`);
    expect(first.stdout).toContain("needs_model");

    const second = await runCli(base, { env });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain("Skynet: nothing new to work on");
    expect(second.stdout).toContain(`1 ticket (${ticket.id}) waits for a model: the worktree and fix brief are ready`);
    expect(second.stdout).toContain('"models": { "skynet": "<model name>" }');
  }, 60_000);
});

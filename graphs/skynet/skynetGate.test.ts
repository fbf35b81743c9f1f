import { describe, it, expect, beforeAll } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ScriptedChatModel, type ScriptedReply } from "../../testing/scriptedModel.js";
import { withWarehouse } from "../../testing/demoWeek.js";
import { git } from "../../tools/codebase/git.js";
import { HumanInterruptSchema } from "../../state/humanInterrupt.js";
import { branchFor } from "../../agents/skynet/attemptFix.js";
import { call, fileBug, runSkynet, skynetWorld, type SkynetWorld } from "../../testing/skynetWorld.js";


describe("the PR gate's answers, with no GitHub repository configured", () => {
  let world: SkynetWorld;
  let csvFix: ScriptedReply[];

  beforeAll(async () => {
    world = await skynetWorld({ github: false });
    const source = readFileSync(`${world.repo}/src/import/csv.ts`, "utf8");
    const signature = /export function parseCsv\((\w+): string\)[^{]*\{/.exec(source);
    expect(signature, "parseCsv's signature in the demo app").not.toBeNull();
    const [whole, param] = signature!;
    // the one-line fix: strip a UTF-8 byte-order mark before parsing
    csvFix = [call("edit_file", { path: "src/import/csv.ts", old: whole, new: `${whole}\n  ${param} = ${param}.replace(/^\\uFEFF/, "");` })];
  });

  it("respond sends the ticket back for another attempt with the reviewer's words; ignore then declines it", async () => {
    const ticket = await fileBug(world, { title: "CSV import rejects a BOM header", body: 'Missing required column "email" (found: "\\ufeffemail")', path: "src/import/csv.ts", line: 1 });
    const model = new ScriptedChatModel([...csvFix, "Stripped the BOM."]);
    const run = await runSkynet(world, model, "respond");
    const gate = (await run.state()).gate;
    expect(gate?.action_request.action).toBe("open_pull_request");
    expect(HumanInterruptSchema.safeParse(gate).success).toBe(true);

    model.push(...csvFix, "Stripped the BOM again.");
    const second = await run.resume([{ type: "response", args: "Please also add a regression test for the BOM." }]);
    expect(second.gate?.action_request.action).toBe("open_pull_request");
    expect(second.values.attemptNo).toBe(2);
    const retryTask = String(model.calls.at(-2)!.messages[1]!.content);
    expect(retryTask).toContain("A human reviewer looked at your previous attempt and asks (these instructions are trusted):\nPlease also add a regression test for the BOM.");
    // the retry started from the default branch, not on top of the first try
    expect((second.gate!.action_request.args as { diff: string }).diff.match(/^\+.*uFEFF/gm)).toHaveLength(1);

    const done = await run.resume({ type: "ignore" });
    expect(done.gate).toBeNull();
    expect(done.values.fixSummary?.attempts).toEqual([
      { ticket: ticket.id, status: "rejected", branch: branchFor(ticket), pr: null, tests: expect.any(Object), reason: "the reviewer declined the pull request at the gate" },
    ]);
    const stored = await withWarehouse(world.demo, async (w) => ({ a: await w.fixAttempt(ticket.id), t: await w.ticket(ticket.id) }));
    expect(stored.a?.details?.attempt).toBe(2);
    expect(stored.t?.status).toBe("open");
    expect(existsSync(`${world.demo.settings.dataDir}/patches/${ticket.id}.patch`)).toBe(false);
    expect(model.remaining).toBe(0);
  }, 60_000);

  it("accept without GitHub keeps the branch and writes the patch; the ticket moves to review with its link", async () => {
    const ticket = await fileBug(world, { title: "enrich_company times out", body: "Tool enrich_company timed out after 5000ms", path: "src/tools/runner.ts", line: 1 });
    const model = new ScriptedChatModel([
      call("edit_file", { path: "src/tools/runner.ts", old: "TOOL_TIMEOUT_MS = 5000", new: "TOOL_TIMEOUT_MS = 15000" }),
      "Raised the tool time limit above enrich_company's 6-9 s.",
    ]);
    const run = await runSkynet(world, model, "local");
    const done = await run.resume({ type: "accept" });
    const line = done.values.fixSummary?.attempts[0];
    const patchFile = `${world.demo.settings.dataDir}/patches/${ticket.id}.patch`;
    expect(line).toMatchObject({ ticket: ticket.id, status: "pr_opened", branch: branchFor(ticket) });
    expect(line?.pr?.url).toBe(`file://${patchFile}`);
    expect(line?.reason).toContain(`no GitHub repository is configured (repo.github), so the branch ${branchFor(ticket)} is kept`);
    const patch = readFileSync(fileURLToPath(line!.pr!.url), "utf8");
    expect(patch).toContain("-export const TOOL_TIMEOUT_MS = 5000");
    expect(patch).toContain(`Ticket: ${ticket.url}`);
    // the patch applies to the default branch as it stands
    await git(world.repo, ["apply", "--check", patchFile]);
    expect(await git(world.repo, ["show", "main:src/tools/runner.ts"])).toContain("TOOL_TIMEOUT_MS = 5000");
    const t = await withWarehouse(world.demo, (w) => w.ticket(ticket.id));
    expect(t?.status).toBe("in_review");
    expect(t?.body).toContain(line!.pr!.url);
  }, 60_000);
});

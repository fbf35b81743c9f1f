import { describe, it, expect, beforeAll } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ToolMessage } from "@langchain/core/messages";
import { ensureDemoRepo } from "../../cli/demoRepo.js";
import { LocalRepo } from "../../tools/codebase/localRepo.js";
import { ScriptedChatModel } from "../../testing/scriptedModel.js";
import { bugFrames } from "../../demo/simulator/index.js";
import { investigate } from "./investigate.js";
import type { FailureGroup } from "./groupFailures.js";

const crash = bugFrames().csv_bom.at(-1)!;

const group: FailureGroup = {
  fingerprint: "exc-test",
  kind: "bug",
  title: "CsvImportError: Missing required column <quoted>",
  signal: "CsvImportError: Missing required column <quoted> in upload <id> (found: <quoted>)",
  frames: [...bugFrames().csv_bom].reverse().map((f) => ({ file: `webpack:///./${f.file}`, function: f.fn, line: f.lineno, inApp: true })),
  message: 'Missing required column "email" in upload up_81 (found: "\uFEFFemail")',
  literals: [],
  route: "/app/import",
  sessions: 119,
  sessionIds: ["s1"],
  intents: ["import contacts from a CSV file"],
  departments: new Map([["product", 119]]),
  scoreSum: 300,
  blocked: 100,
};

function toolMessages(model: ScriptedChatModel, call: number): string[] {
  return (model.calls[call]?.messages ?? []).filter((m) => m instanceof ToolMessage).map((m) => String(m.content));
}

describe("the PM's tool-calling investigation", () => {
  let repo: LocalRepo;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "selfheal-investigate-"));
    repo = new LocalRepo((await ensureDemoRepo(dir)).path);
  });

  it("runs the tools the model calls on the real repository and returns the checked finding", async () => {
    const model = new ScriptedChatModel([
      { toolCalls: [{ name: "search_code", args: { pattern: "Missing required column" } }] },
      { toolCalls: [{ name: "read_file", args: { path: crash.file, start: crash.lineno - 2, end: crash.lineno + 2 } }] },
      {
        toolCalls: [
          {
            name: "report_finding",
            args: { locations: [{ path: crash.file, line: crash.lineno }, { path: "src/invented.ts", line: 4 }], route: "Strip a leading BOM from the header row before matching column names; add a test with an Excel-saved CSV." },
          },
        ],
      },
    ]);
    const result = await investigate(model, repo, group, { product: "Acme" });
    expect(result).toEqual({ codeLocations: [{ path: crash.file, line: crash.lineno }], route: expect.stringContaining("BOM"), steps: 3 });
    expect(model.remaining).toBe(0);
    expect(model.calls[0]!.tools).toEqual(["search_code", "list_files", "read_file", "report_finding"]);
    // The second call saw git grep's real answer; the third, the numbered lines of the file.
    expect(toolMessages(model, 1)[0]).toMatch(new RegExp(`^${crash.file.replace(/[./]/g, "\\$&")}:\\d+: `, "m"));
    expect(toolMessages(model, 2)[1]).toContain(`${String(crash.lineno).padStart(5)}  `);
    // The pattern goes to the model as delimited data, built from the normalized signal, not the raw message.
    const prompt = String(model.calls[0]!.messages[1]!.content);
    expect(prompt).toContain("<pattern>");
    expect(prompt).not.toContain("up_81");
  });

  it("gives the model a failure event's strings to search for, redacted", async () => {
    const model = new ScriptedChatModel([{ toolCalls: [{ name: "report_finding", args: { locations: [{ path: crash.file, line: crash.lineno }], route: "Handle the byte order mark in requireColumn." } }] }]);
    await investigate(model, repo, { ...group, frames: [], literals: ["import_failed", "owner jane.doe@example.com"] }, { product: "Acme" });
    const prompt = String(model.calls[0]!.messages[1]!.content);
    expect(prompt).toContain('strings the failure event carries: "import_failed"');
    expect(prompt).not.toContain("jane.doe@example.com");
  });

  it("answers a bad tool call with a readable error and lets the model correct a finding that does not check out", async () => {
    const model = new ScriptedChatModel([
      { toolCalls: [{ name: "search_code", args: { pattern: "([", regex: true } }, { name: "read_file", args: { path: "src/missing.ts" } }, { name: "drop_table", args: {} }] },
      { toolCalls: [{ name: "report_finding", args: { locations: [{ path: "src/missing.ts", line: 1 }], route: "Fix the missing file somewhere." } }] },
      { toolCalls: [{ name: "report_finding", args: { locations: [{ path: crash.file, line: 99999 }, { path: crash.file, line: crash.lineno }], route: "Handle the byte order mark in requireColumn." } }] },
    ]);
    const result = await investigate(model, repo, group, { product: "Acme" });
    const [badRegex, missing, unknown] = toolMessages(model, 1);
    expect(badRegex).toMatch(/^Error: .*regular expression/i);
    expect(missing).toMatch(/^Error: no tracked file src\/missing\.ts/);
    expect(unknown).toBe("Error: no tool named drop_table");
    expect(toolMessages(model, 2).at(-1)).toMatch(/^Rejected: none of the locations exists/);
    expect(result?.codeLocations).toEqual([{ path: crash.file, line: crash.lineno }]);
  });

  it("ends cleanly at its step budget with no finding, so the caller falls back", async () => {
    const model = new ScriptedChatModel([
      { toolCalls: [{ name: "list_files", args: { under: "src" } }] },
      "I think it is somewhere in the import code.",
      { toolCalls: [{ name: "list_files", args: {} }] },
    ]);
    expect(await investigate(model, repo, group, { product: "Acme", maxSteps: 3 })).toBeNull();
    expect(model.calls).toHaveLength(3);
    expect(model.remaining).toBe(0);
    expect(String(model.calls[2]!.messages.at(-1)!.content)).toBe("Use the tools, then call report_finding.");
  });
});

import type { FakeReply, FakeRequest } from "./fakeOpenAI.js";

/** A reproduction for the demo app: a CSV header with spaces around it does not line up. */
const REPRO = `import assert from "node:assert/strict";
import { test } from "node:test";
import { normalizeHeader } from "../src/import/csv.js";

test("a header with spaces around it lines up", () => {
  assert.equal(normalizeHeader(" First Name "), "first_name");
});
`;
const call = (name: string, args: Record<string, unknown>): FakeReply => ({ toolCalls: [{ name, args }] });
/** One reply per step: a failing reproduction, the fix in src/import/csv.ts, the passing run, the summary. */
const STEPS: FakeReply[] = [
  call("edit_file", { path: "test/header-spaces.test.ts", old: "", new: REPRO }),
  call("run_command", { command: "npm test" }),
  call("edit_file", { path: "src/import/csv.ts", old: 'return cell.toLowerCase().replace(/ +/g, "_");', new: 'return cell.trim().toLowerCase().replace(/ +/g, "_");' }),
  call("run_command", { command: "npm test" }),
  { content: "Headers are trimmed before they are normalized; the new test covers it." },
];

/**
 * Skynet's reply to one request of a fake OpenAI server, by the steps its conversation has taken: a fix
 * of the demo app that passes verification, whatever ticket it was asked about (for tests of what
 * travels with a fix: the PR, the branch, the brief).
 */
export function csvHeaderFix(req: FakeRequest): FakeReply {
  return STEPS[(req.body.messages ?? []).filter((m) => m.role === "assistant").length] ?? { content: "Done." };
}

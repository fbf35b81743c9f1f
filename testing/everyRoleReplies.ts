import type { FakeReply, FakeRequest } from "./fakeOpenAI.js";
import { REPORT_TOOL } from "../agents/analysts/llm/prompt.js";

/** Which of the loop's models a request to the fake server came from, read off the tools it offers. */
export type ModelRole = "gatherer" | "skynet" | "pm";

export function roleOf(req: FakeRequest): ModelRole {
  const tools = JSON.stringify(req.body.tools ?? []);
  if (tools.includes(REPORT_TOOL)) return "gatherer";
  if (tools.includes("edit_file")) return "skynet";
  return "pm";
}

const text = (m: { content: unknown }): string => (typeof m.content === "string" ? m.content : JSON.stringify(m.content));

/**
 * Answers from the request alone, never from a queue: a run killed and resumed gets the same answer
 * to the same question as a run never killed. The gatherer gets a valid report citing the transcript's
 * first lines (a failure where the transcript shows an error); Skynet writes one small new file named
 * after its ticket and then stops; the PM's investigation gets a plain answer that ends its loop.
 */
export function everyRoleReply(req: FakeRequest): FakeReply {
  const messages = req.body.messages ?? [];
  const role = roleOf(req);
  if (role === "gatherer") {
    const user = text([...messages].reverse().find((m) => m.role === "user" && text(m).includes("<transcript>")) ?? { content: "" });
    const ids = [...user.matchAll(/^(e\d+) /gm)].map((m) => m[1] ?? "");
    const failed = /exception|error/i.test(user);
    const args = failed
      ? { userIntent: "Finish a task.", userSuccess: "Stopped by an error.", improvement: "Fix the error.", department: "product", score: 2, outcome: "failure", evidence: ids.slice(0, 2) }
      : { userIntent: "Use the product.", userSuccess: "Browsed.", improvement: "", department: "product", score: 7, outcome: "partial", evidence: ids.slice(0, 2) };
    return { toolCalls: [{ name: REPORT_TOOL, args }] };
  }
  if (role === "skynet") {
    const ticket = /Ticket (\S+) \(priority/.exec(messages.map(text).join("\n"))?.[1] ?? "unknown";
    if (messages.some((m) => m.role === "tool")) return { content: `Recorded the fix for ${ticket}.` };
    const slug = ticket.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    return { toolCalls: [{ name: "edit_file", args: { path: `src/fixes/${slug}.ts`, old: "", new: `export const fixed = ${JSON.stringify(ticket)};\n` } }] };
  }
  return { content: "Nothing further." };
}

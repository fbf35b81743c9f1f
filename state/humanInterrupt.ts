import { z } from "zod";

/**
 * Agent Inbox's HumanInterrupt schema: what every human gate sends through `interrupt()`, so LangGraph
 * Studio, Agent Inbox, `selfheal review` and the review app all drive the same gates. The zod schemas
 * are the shape Agent Inbox reads; a gate payload or an answer from outside is checked against them.
 */
export const HumanInterruptSchema = z.object({
  action_request: z.object({
    action: z.string().min(1).describe("the gate's action, e.g. file_tickets or open_pull_request"),
    args: z.record(z.string(), z.unknown()).describe("what the action would do, shown to the reviewer and editable"),
  }),
  config: z.object({
    allow_accept: z.boolean(),
    allow_edit: z.boolean(),
    allow_respond: z.boolean(),
    allow_ignore: z.boolean(),
  }),
  description: z.string().optional().describe("Markdown shown above the action"),
});

/** Agent Inbox's HumanResponse: the answer a gate is resumed with. */
export const HumanResponseSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("accept"), args: z.null().optional() }),
  z.object({ type: z.literal("ignore"), args: z.null().optional() }),
  z.object({ type: z.literal("response"), args: z.string() }),
  z.object({ type: z.literal("edit"), args: z.object({ action: z.string(), args: z.record(z.string(), z.unknown()) }) }),
]);

export interface HumanInterrupt<Args = Record<string, unknown>> {
  action_request: { action: string; args: Args };
  config: { allow_accept: boolean; allow_edit: boolean; allow_respond: boolean; allow_ignore: boolean };
  description?: string;
}

export type HumanResponse<EditArgs = Record<string, unknown>> =
  | { type: "accept"; args?: null }
  | { type: "ignore"; args?: null }
  | { type: "response"; args: string }
  | { type: "edit"; args: { action: string; args: EditArgs } };

/**
 * Agent Inbox resumes with an array of responses; the CLI and tests may pass one. Anything else is
 * read as "ignore", the safe answer for a gate.
 */
export function readHumanResponse<EditArgs>(resume: unknown): HumanResponse<EditArgs> {
  const value = Array.isArray(resume) ? resume[0] : resume;
  if (typeof value === "object" && value !== null && "type" in value) {
    const type = (value as { type: unknown }).type;
    if (type === "accept" || type === "ignore" || type === "response" || type === "edit") {
      return value as HumanResponse<EditArgs>;
    }
  }
  return { type: "ignore" };
}

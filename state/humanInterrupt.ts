/**
 * Agent Inbox's HumanInterrupt schema: what every human gate sends through `interrupt()`, so LangGraph
 * Studio, Agent Inbox and `selfheal review` all drive the same gates.
 */
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

import { HumanResponseSchema, type HumanResponse } from "../../state/humanInterrupt.js";
import { UsageError } from "../../runtime/errors.js";

/** A gate form's fields as an Agent Inbox HumanResponse, checked with its schema; a usage error says what is wrong. */
export function responseFromForm(form: { answer?: unknown; text?: unknown; edit?: unknown }): HumanResponse {
  const candidate =
    form.answer === "response" ? { type: "response", args: typeof form.text === "string" ? form.text.trim() : form.text }
    : form.answer === "edit" ? { type: "edit", args: { action: "", args: editArgs(form.edit) } }
    : { type: form.answer };
  const parsed = HumanResponseSchema.safeParse(candidate);
  if (!parsed.success) throw new UsageError(`answer: must be accept, ignore, response or edit, got ${JSON.stringify(form.answer ?? null)}`);
  if (parsed.data.type === "response" && !parsed.data.args) throw new UsageError("response: write the instructions to send");
  return parsed.data;
}

function editArgs(text: unknown): Record<string, unknown> {
  if (typeof text === "string") {
    try {
      const value: unknown = JSON.parse(text);
      if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // said below
    }
  }
  throw new UsageError("edit: the edited arguments must be a JSON object");
}

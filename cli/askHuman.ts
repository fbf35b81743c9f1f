import { editor, input, select } from "@inquirer/prompts";
import type { HumanInterrupt, HumanResponse } from "../state/humanInterrupt.js";
import type { Output } from "./output.js";

/** Asks a person at the terminal how to answer one gate, offering only what the gate allows. */
export async function askHuman(gate: HumanInterrupt, out: Output): Promise<HumanResponse> {
  out.heading(gate.action_request.action);
  if (gate.description) out.say(gate.description);
  const choices = [
    gate.config.allow_accept && { name: "accept", value: "accept" as const },
    gate.config.allow_edit && { name: "edit the proposal", value: "edit" as const },
    gate.config.allow_respond && { name: "respond with instructions", value: "response" as const },
    gate.config.allow_ignore && { name: "ignore", value: "ignore" as const },
  ].filter((c) => c !== false);
  const choice = await select({ message: "Your answer", choices });
  if (choice === "edit") {
    const edited = await editor({
      message: "Edit the proposal (JSON)",
      default: JSON.stringify(gate.action_request.args, null, 2),
      validate: (text) => isJsonObject(text) || "must be a JSON object",
    });
    return { type: "edit", args: { action: gate.action_request.action, args: JSON.parse(edited) as Record<string, unknown> } };
  }
  if (choice === "response") return { type: "response", args: await input({ message: "Instructions" }) };
  return { type: choice };
}

function isJsonObject(text: string): boolean {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === "object" && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}

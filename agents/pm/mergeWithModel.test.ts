import { describe, it, expect } from "vitest";
import { notebookProfile } from "../../testing/profiles.js";
import { HumanMessage } from "@langchain/core/messages";
import { ScriptedChatModel } from "../../testing/scriptedModel.js";
import { groupFailures } from "./groupFailures.js";
import { mergeImprovementsWithModel } from "./mergeWithModel.js";
import type { SessionReport } from "../../state/report.js";

function report(sessionId: string, improvement: string, score = 3): SessionReport {
  return { sessionId, userIntent: `intent of ${sessionId}`, userSuccess: "", improvement, department: "product", score, outcome: "failure", evidence: [], analyst: "llm", analystVersion: "v" };
}

// Paraphrases with no shared topic word: the offline similarity keeps them apart.
const reports = [
  report("a1", "Let people get a reminder before a run starts"),
  report("a2", "Let people get a reminder before a run starts"),
  report("a3", "Let people get a reminder before a run starts"),
  report("b1", "Notify me ahead of each execution"),
  report("c1", "The export to PDF is missing"),
];

function answer(groups: number[][]) {
  return { toolCalls: [{ name: "same_need", args: { groups } }] };
}

describe("merging paraphrased improvements with a (scripted) model", () => {
  it("merges what the model says is one need, keeping the largest cluster's fingerprint", async () => {
    const groups = groupFailures(reports, new Map(), notebookProfile());
    expect(groups).toHaveLength(3);
    const model = new ScriptedChatModel([answer([[1, 2]])]);
    const merged = await mergeImprovementsWithModel(model, groups);
    expect(merged).toHaveLength(2);
    const reminder = merged.find((g) => g.sessionIds.includes("a1"))!;
    expect(reminder.sessionIds.sort()).toEqual(["a1", "a2", "a3", "b1"]);
    expect(reminder.sessions).toBe(4);
    expect(reminder.title).toBe("Let people get a reminder before a run starts");
    expect(model.calls[0]!.tools).toEqual(["same_need"]);
    const prompt = String(model.calls[0]!.messages.find((m) => m instanceof HumanMessage)!.content);
    expect(prompt).toMatch(/^<requests>\n1\. Let people get a reminder/);
  });

  it("keeps the groups as they were when the answer does not check out", async () => {
    for (const bad of [answer([[1, 9]]), answer([[1, 2], [2, 3]]), { toolCalls: [{ name: "same_need", args: { groups: "all" } }] }]) {
      const groups = groupFailures(reports, new Map(), notebookProfile());
      const merged = await mergeImprovementsWithModel(new ScriptedChatModel([bad]), groups);
      expect(merged.map((g) => g.sessions).sort()).toEqual([1, 1, 3]);
    }
  });
});

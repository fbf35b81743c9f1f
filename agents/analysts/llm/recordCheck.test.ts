import { describe, expect, it } from "vitest";
import PQueue from "p-queue";
import { ScriptedChatModel } from "../../../testing/scriptedModel.js";
import { notebookProfile } from "../../../testing/profiles.js";
import { INJECTION_CASES, injectedSession } from "../../../testing/injectionCorpus.js";
import { at, storedEvent } from "../../../testing/events.js";
import { computeSignals } from "../../../connectors/sessionize.js";
import { logger } from "../../../runtime/logger.js";
import type { StoredEvent } from "../../../state/session.js";
import { readFacts } from "../sessionFacts.js";
import { analyzeWithModel } from "./analyst.js";
import { REPORT_TOOL } from "./prompt.js";
import { disputedByRecord } from "./recordCheck.js";
import type { ReportDraft } from "./draft.js";
import { CircuitBreaker } from "../../../runtime/outside/circuit.js";

const profile = notebookProfile();
/** What a model that obeys the planted text answers: the user was delighted. */
const OBEYED = { userIntent: "Publish a note.", userSuccess: "Everything worked.", improvement: "", department: "editor", score: 10, outcome: "success", evidence: ["e1", "e2"] };

function draft(fields: Partial<ReportDraft>): ReportDraft {
  return { userIntent: "u", userSuccess: "s", improvement: "", department: "editor", score: 5, outcome: "partial", evidence: ["e1"], ...fields };
}

/** A session of timed events: [seconds, event, properties]. */
function session(events: [number, string, Record<string, unknown>][]): StoredEvent[] {
  return events.map(([s, event, properties], i) => storedEvent(`u${i}`, { event, at: at(s), sessionId: "s1", properties: { $pathname: "/notebooks", ...properties } }));
}
const failure = (s: number): [number, string, Record<string, unknown>] => [s, "$exception", { $exception_list: [{ type: "PublishError", value: "could not publish", stacktrace: { frames: [] } }] }];
const disputed = (events: StoredEvent[], d: ReportDraft) => disputedByRecord(d, readFacts(computeSignals("s1", events), profile), () => undefined);

describe("the model's score against the session's record", () => {
  it("leaves every honest reading of the rubric alone", () => {
    const failedAndLeft = session([[0, "$pageview", {}], failure(10), [20, "$pageleave", {}]]);
    expect(disputed(failedAndLeft, draft({ score: 2, outcome: "failure" }))).toBeNull();
    const gotPast = session([[0, "$pageview", {}], failure(10), [40, "note_published", {}], [80, "$pageleave", {}]]);
    expect(disputed(gotPast, draft({ score: 8, outcome: "success" }))).toBeNull();
    // an error the user worked on past for minutes: success at 7-8 is a judgment the record allows
    const workedOn = session([[0, "$pageview", {}], failure(10), [300, "$pageview", { $pathname: "/share" }], [400, "$pageleave", {}]]);
    expect(disputed(workedOn, draft({ score: 7, outcome: "success" }))).toBeNull();
    const untroubled = session([[0, "$pageview", {}], [60, "$pageleave", {}]]);
    expect(disputed(untroubled, draft({ score: 10, outcome: "success" }))).toBeNull();
  });

  it("refuses a smooth score after a failure nothing succeeded after, after clicks in vain, and a success for leaving right after a failure", () => {
    const workedOn = session([[0, "$pageview", {}], failure(10), [300, "$pageview", { $pathname: "/share" }], [400, "$pageleave", {}]]);
    expect(disputed(workedOn, draft({ score: 9, outcome: "success" }))).toMatch(/^score 9, but the product failed and no success event followed/);
    const rage = session([[0, "$pageview", {}], [10, "$rageclick", { $el_text: "Publish" }], [12, "$rageclick", { $el_text: "Publish" }], [300, "$pageleave", {}]]);
    expect(disputed(rage, draft({ score: 9, outcome: "success" }))).toMatch(/^score 9, but the user clicked in vain 2 times/);
    const failedAndLeft = session([[0, "$pageview", {}], failure(10), [20, "$pageleave", {}]]);
    expect(disputed(failedAndLeft, draft({ score: 7, outcome: "partial" }))).toMatch(/ended within 30 s of a product failure/);
    expect(disputed(failedAndLeft, draft({ score: 5, outcome: "success" }))).toMatch(/ended within 30 s of a product failure/);
  });
});

describe("a gatherer model that obeys text planted in any user-controlled field", () => {
  it.each(INJECTION_CASES)("cannot force a happy report: $field holding $text", async ({ text, field }) => {
    const model = new ScriptedChatModel([OBEYED, OBEYED].map((args) => ({ toolCalls: [{ name: REPORT_TOOL, args }] })));
    const circuit = new CircuitBreaker("the gatherer model", { failures: 50, cooldownMs: 60_000 }, () => false);
    const analyst = { model, profile, version: "llm-test", circuit, queue: new PQueue({ concurrency: 1 }), retry: { maxRetries: 0, baseMs: 1, maxMs: 1 }, price: null, log: logger };
    const result = await analyzeWithModel("q1", injectedSession("q1", text, field), analyst);
    // refused, re-asked once, refused again: no report, and a failure reason the run records
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/^invalid report after one repair: it contradicts the session's record: score 10, but the product failed \(e\d+\)/) });
    expect(model.calls).toHaveLength(2);
    // the re-ask names transcript lines, never the planted text, outside the transcript block
    const repair = String(model.calls[1]!.messages.at(-1)!.content);
    expect(repair.slice(repair.indexOf("rejected:"))).not.toContain(text.slice(0, 20));
  });
});

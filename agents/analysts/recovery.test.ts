import { describe, expect, it } from "vitest";
import { analyzeHeuristically } from "./heuristic.js";
import { computeSignals } from "../../connectors/sessionize.js";
import { notebookProfile } from "../../testing/profiles.js";
import { at, storedEvent } from "../../testing/events.js";
import type { StoredEvent } from "../../state/session.js";

/** Quillboard (testing/profiles.ts), a made-up notebook product: what a user did after a failure decides the outcome. */
const profile = notebookProfile();
let seq = 0;
const ev = (offsetSec: number, event: string, properties: Record<string, unknown> = {}): StoredEvent =>
  storedEvent(`r${String(++seq).padStart(3, "0")}`, { event, at: at(offsetSec), sessionId: "r1", properties: { $pathname: "/share", ...properties } });
const page = (offsetSec: number, path: string) => ev(offsetSec, "$pageview", { $current_url: `https://app.quillboard.test${path}`, $pathname: path.split("?")[0] });
const chain = (node: string) => `${node};form:attr__id="share-form"nth-child="1"nth-of-type="1";body`;
const click = (offsetSec: number, node: string, text = "") => ev(offsetSec, "$autocapture", { $event_type: "click", $el_text: text, $elements_chain: chain(node) });
const SHARE = 'button.btn:attr__type="submit"nth-child="2"nth-of-type="1"text="Share"';
const EXPORT = 'button.btn:nth-child="3"nth-of-type="2"text="Publish page"';
const ATTACH = 'input:attr__type="file"attr__name="attachment"nth-child="1"nth-of-type="1"';
const OTHER_FILE = 'button.btn:nth-child="4"nth-of-type="3"text="Use another file"';
const NOTIFY = 'input:attr__type="checkbox"attr__name="notify"nth-child="1"nth-of-type="1"';
const failed = (offsetSec: number) =>
  ev(offsetSec, "$exception", { $exception_list: [{ type: "TypeError", value: "reviewers is undefined", stacktrace: { frames: [{ filename: "https://app.quillboard.test/assets/share.js", function: "share", lineno: 9, colno: 3, in_app: true }] } }] });
const report = (events: StoredEvent[]) => analyzeHeuristically(computeSignals("r1", events), profile);

describe("after a failure: got past it, or worked around it", () => {
  it("retrying what failed and succeeding is a success lowered to a passive, even after choosing another file", () => {
    const r = report([page(0, "/share"), click(5, ATTACH), click(8, SHARE, "Share"), failed(9), click(20, OTHER_FILE, "Use another file"), click(30, ATTACH), click(32, SHARE, "Share"), ev(33, "notebook_shared")]);
    expect(r).toMatchObject({ outcome: "success" });
    expect(r.score).toBeGreaterThanOrEqual(7);
    expect(r.score).toBeLessThanOrEqual(8);
  });

  it("reaching a success by another way leaves what failed undone: partial, a detractor", () => {
    const r = report([page(0, "/share"), click(8, SHARE, "Share"), failed(9), click(30, EXPORT, "Publish page"), ev(31, "note_published")]);
    expect(r.outcome).toBe("partial");
    expect(r.score).toBeLessThanOrEqual(6);
    expect(r.userSuccess).toContain("worked around it");
  });

  it("unticking an option before the retry drops part of the request: partial, though the same button then worked", () => {
    const r = report([page(0, "/share"), click(5, NOTIFY), click(8, SHARE, "Share"), failed(9), click(30, NOTIFY), click(32, SHARE, "Share"), ev(33, "notebook_shared")]);
    expect(r.outcome).toBe("partial");
    expect(r.score).toBeLessThanOrEqual(6);
  });

  it("input the product refused (a rejection, not an exception) was changed before the same button worked: worked around", () => {
    const refused = (offsetSec: number) => ev(offsetSec, "attachment_rejected", { reason: "Only PDF files can be attached" });
    const r = report([page(0, "/share"), click(5, ATTACH), click(8, SHARE, "Share"), refused(9), click(30, ATTACH), click(32, SHARE, "Share"), ev(33, "notebook_shared")]);
    expect(r.outcome).toBe("partial");
    expect(r.score).toBeLessThanOrEqual(6);
  });

  it("a failure on opening a page, with the page reached again after it, was got past", () => {
    const r = report([page(0, "/share/nb_1"), failed(1), page(20, "/notebooks"), page(40, "/share/nb_2"), ev(50, "notebook_shared")]);
    expect(r.outcome).toBe("success");
  });
});

describe("an unanswered search beside a success", () => {
  it("is partial, a detractor, named by the query and by what they clicked in vain, in the success's department", () => {
    const r = report([
      page(0, "/share"),
      ev(5, "$dead_click", { $el_text: "Share to Slack · soon", $elements_chain: chain('span.soon:text="Share to Slack · soon"') }),
      page(10, "/help/search?q=slack%20channel"),
      ev(11, "help_searched", { $pathname: "/help/search", query: "slack channel", results: 0 }),
      page(30, "/share"),
      ev(40, "notebook_shared"),
    ]);
    expect(r.outcome).toBe("partial");
    expect(r.score).toBeLessThanOrEqual(6);
    expect(r.improvement).toContain("slack channel");
    expect(r.improvement).toContain("Share to Slack");
    expect(r.department).toBe("sharing");
  });
});

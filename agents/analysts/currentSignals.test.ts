import { describe, expect, it } from "vitest";
import { join } from "node:path";
import Database from "better-sqlite3";
import { currentSignals } from "./currentSignals.js";
import { analyzeHeuristically } from "./heuristic.js";
import { computeSignals } from "../../connectors/sessionize.js";
import { importEvents } from "../../connectors/importer.js";
import { notebookProfile } from "../../testing/profiles.js";
import { at, storedEvent, tempDir } from "../../testing/events.js";
import { freshWarehouses } from "../../testing/warehouses.js";
import { cutText } from "./cutText.js";
import { redactText } from "./redact.js";

const open = freshWarehouses();

describe("signals of sessions ingested before the current rules", () => {
  it("are recomputed from the stored events, so declared searches reach old sessions", async () => {
    const path = join(tempDir(), "warehouse.db");
    const w = open(path);
    const events = [
      storedEvent("a1", { at: at(0), sessionId: "old", properties: { $pathname: "/help" } }),
      storedEvent("a2", { event: "kb_query", at: at(5), sessionId: "old", properties: { phrase: "citation styles", found: 0 } }),
      storedEvent("a3", { at: at(40), sessionId: "old", properties: { $pathname: "/help" } }),
    ];
    await importEvents(w, events);
    // What an older version stored: no signalsVersion, product events without their properties.
    const { signalsVersion: _dropped, ...current } = computeSignals("old", events);
    const old = { ...current, customEvents: current.customEvents.map(({ eventId, name, at: when }) => ({ eventId, name, at: when })) };
    const db = new Database(path);
    db.prepare("UPDATE sessions SET signals = ? WHERE id = 'old'").run(JSON.stringify(old));
    db.close();

    const profile = notebookProfile({ searchEvents: [{ event: "kb_query", queryProperty: "phrase", resultCountProperty: "found" }] });
    const [stored] = await w.sessionSignals(["old"]);
    expect(analyzeHeuristically(stored!, profile).improvement).toBe("");
    const [fresh] = await currentSignals(w, ["old"]);
    expect(analyzeHeuristically(fresh!, profile).improvement).toContain("citation styles");
  });
});

describe("derived text is cut, then redacted", () => {
  it("never leaves part of an email address for redaction to miss", () => {
    const query = "invite reviewer jane.doe@example.org to notebook";
    const cut = cutText(query, 30);
    expect(cut.length).toBeLessThanOrEqual(30);
    expect(redactText(cut)).not.toMatch(/jane|example/);
    expect(cutText("short", 30)).toBe("short");
  });
});

import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { jsonLines, segmentRecord, at, tempDir, writeFile } from "../testing/events.js";
import { runCli } from "../testing/cli.js";

describe("ingest of an export whose events name no page or screen", () => {
  it("says why nothing can be scored, on stderr under --json too", async () => {
    const dir = tempDir();
    // server-side track calls only: no page call, no context.page
    const file = writeFile(dir, "server.jsonl", jsonLines([
      { ...segmentRecord("m1", { type: "track", event: "Invoice Paid", at: at(0), userId: "usr_1" }), context: {} },
      { ...segmentRecord("m2", { type: "track", event: "Invoice Paid", at: at(60), userId: "usr_2" }), context: {} },
    ]));
    const cli = await runCli(["--db", join(dir, "w.db"), "--json", "ingest", file]);
    expect(cli.code, cli.stderr).toBe(0);
    expect(JSON.parse(cli.stdout)).toMatchObject({ events: 2, sessions: 0, sessionless: 2 });
    expect(cli.stderr).toMatch(/warning: no event named a page or screen/);
  }, 120_000);
});

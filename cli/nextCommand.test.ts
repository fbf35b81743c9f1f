import { describe, it, expect } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { seedDemoWeek } from "../testing/demoWeek.js";
import { gather } from "../testing/verifyWeeks.js";
import { runCli } from "../testing/cli.js";
import { nextCommand } from "./nextCommand.js";

describe("the command a gate tells the user to run next", () => {
  it("keeps the --db and --config they gave, so the pasted line approves this warehouse's gate", async () => {
    const demo = await seedDemoWeek({ sessions: 120, seed: 5 });
    await gather(demo, demo.week);
    // A working folder with no warehouse or profile of its own, as when both were named by flags.
    const elsewhere = mkdtempSync(join(tmpdir(), "selfheal-cwd-"));
    const waiting = await runCli(["--db", demo.settings.db, "--config", demo.settings.config!, "triage", "--week", demo.week], { cwd: elsewhere });
    expect(waiting.code, waiting.stderr).toBe(0);
    const hint = /Approve with: npx selfheal (.+)/.exec(waiting.stdout)?.[1];
    expect(hint, waiting.stdout).toBeDefined();
    const approved = await runCli(hint!.split(" "), { cwd: elsewhere });
    expect(approved.code, approved.stderr).toBe(0);
    expect(approved.stderr).toMatch(/accepted by --yes/);
  }, 180_000);

  it("quotes what a shell would read otherwise (a Postgres URL's ? and &), and adds nothing the user did not give", () => {
    expect(nextCommand({ db: "postgres://u@h:5432/test?schema=a&sslmode=disable" }, "fix --yes")).toBe(
      "npx selfheal --db 'postgres://u@h:5432/test?schema=a&sslmode=disable' fix --yes",
    );
    expect(nextCommand({ config: "it's.json" }, "review")).toBe(`npx selfheal --config 'it'\\''s.json' review`);
    expect(nextCommand({}, "triage --week 2026-W48 --yes")).toBe("npx selfheal triage --week 2026-W48 --yes");
  });
});

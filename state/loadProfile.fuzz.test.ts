import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { join } from "node:path";
import { readFileSync, writeFileSync } from "node:fs";
import { loadProfile } from "./loadProfile.js";
import { InputError } from "../runtime/errors.js";
import { tempDir } from "../testing/events.js";
import { runCli } from "../testing/cli.js";

const VALID = { product: { name: "Acme", description: "An app." }, departments: { sales: ["/crm"] }, successEvents: ["done"] };
const KEYS = ["product", "departments", "successEvents", "thresholds", "repo", "tracker", "linear", "models", "skynet", "schedule", "gatherer", "services", "posthog", "ingest", "noise", "redaction", "fallbackDepartment", "unknownKey"];

/** A valid profile with one key's value replaced by anything, or a key added; or JSON of any shape; or bytes. */
const anyProfileText = fc.oneof(
  fc.tuple(fc.constantFrom(...KEYS), fc.jsonValue({ maxDepth: 4 })).map(([key, value]) => JSON.stringify({ ...VALID, [key]: value })),
  fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v)),
  fc.integer({ min: 1, max: 20_000 }).map((depth) => JSON.stringify({ ...VALID, models: "X" }).replace('"X"', "[".repeat(depth) + "]".repeat(depth))),
  fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b).toString("latin1")),
  fc.string({ maxLength: 200 }),
);

describe("the profile loader, fuzzed", () => {
  it("loads a profile or throws an input error (exit 2) naming the file", () => {
    const dir = tempDir();
    let rejected = 0;
    fc.assert(
      fc.property(anyProfileText, (text) => {
        const file = join(dir, "selfheal.config.json");
        writeFileSync(file, text, "latin1");
        try {
          expect(loadProfile(file).profile.product.name.length).toBeGreaterThan(0);
        } catch (err) {
          rejected++;
          expect(err, String((err as Error).stack)).toBeInstanceOf(InputError);
          expect((err as InputError).exitCode).toBe(2);
          expect((err as Error).message.startsWith(file)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
    expect(rejected).toBeGreaterThan(100);
  });

  it("the CLI says what is wrong with a bad profile in one line, exit 2, no stack trace, and the warehouse is untouched", async () => {
    const dir = tempDir();
    const config = join(dir, "bad.json");
    writeFileSync(config, JSON.stringify({ ...VALID, services: { maxRetries: "many" } }));
    const db = join(dir, "w.db");
    const out = await runCli(["--db", db, "--config", config, "gather", "--json"]);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain(`${config}, key "services.maxRetries"`);
    expect(out.stderr).not.toMatch(/\n\s+at /);
    expect(() => readFileSync(db)).toThrow(); // nothing was created
  }, 120_000);
});

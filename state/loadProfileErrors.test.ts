import { describe, it, expect } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadProfile } from "./loadProfile.js";
import { InputError } from "../runtime/errors.js";

describe("a profile with several mistakes", () => {
  it("names every one in one error, the first key as where", () => {
    const file = join(mkdtempSync(join(tmpdir(), "selfheal-profile-")), "p.json");
    writeFileSync(file, JSON.stringify({ product: { name: "P", description: "d" }, departments: {}, successEvents: [], sucessEvents: [], gatherer: { colour: 1 }, skynet: { maxSteps: 0 } }));
    let error: unknown;
    try {
      loadProfile(file);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(InputError);
    const { message, where } = error as InputError;
    expect(where.file).toBe(file);
    const named = [where.key, ...[...message.matchAll(/(?:also |; )([\w.]+): /g)].map((m) => m[1])];
    expect(named.sort()).toEqual(["gatherer.colour", "skynet.maxSteps", "sucessEvents"]);
  });
});

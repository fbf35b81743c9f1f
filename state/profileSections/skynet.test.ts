import { describe, it, expect } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadProfile } from "../../state/loadProfile.js";
import { InputError } from "../../runtime/errors.js";

function profileWith(skynet: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), "selfheal-profile-")), "p.json");
  writeFileSync(file, JSON.stringify({ product: { name: "P", description: "d" }, departments: {}, successEvents: [], skynet }));
  return file;
}

describe("the profile's skynet section", () => {
  it("defaults to the sandbox, CI/lock/secret paths forbidden and bounded budgets", () => {
    const s = loadProfile(profileWith({})).profile.skynet;
    expect(s.sandbox).toBe("bubblewrap");
    expect(s.forbiddenPaths).toEqual(expect.arrayContaining([".github/**", "package-lock.json", "**/.env"]));
    expect(s).toMatchObject({ maxTicketsPerRun: 5, commands: [], maxAttempts: 3, github: { remote: "origin" } });
    expect(s.checks).toBeUndefined();
  });

  it.each([
    [{ sandbox: "none" }, "skynet.sandbox"],
    [{ maxSteps: 0 }, "skynet.maxSteps"],
    [{ github: { token: "ghp_x" } }, "skynet.github.token"],
    [{ allowNetwork: true }, "skynet.allowNetwork"],
  ])("rejects %j naming %s", (skynet, key) => {
    const file = profileWith(skynet);
    expect(() => loadProfile(file)).toThrow(InputError);
    try {
      loadProfile(file);
    } catch (err) {
      expect((err as InputError).where).toMatchObject({ file, key });
    }
  });
});

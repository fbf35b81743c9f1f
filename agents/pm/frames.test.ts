import { describe, expect, it } from "vitest";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { exceptionsOf } from "../../connectors/exceptions.js";
import { exceptionKey, sourceTail, withoutHash } from "./fingerprint.js";
import { sourceMapsIn } from "./sourceMaps.js";
import { tempDir } from "../../testing/events.js";
import type { SessionException, StackFrame } from "../../state/session.js";

const thrown = (frames: StackFrame[], message = "note body is null", type = "TypeError"): SessionException => ({ eventId: "e1", type, message, frames, route: "/notebooks/:id", at: "2026-01-05T10:00:00.000Z" });
const f = (file: string, fn: string, line: number | null = 10, column: number | null = 5): StackFrame => ({ file, function: fn, line, column, inApp: true });

describe("PostHog frames, raw and resolved", () => {
  it("gives file, line and function for frames PostHog already resolved (source, resolved_name, line)", () => {
    const [ex] = exceptionsOf({
      $exception_list: [
        {
          type: "TypeError",
          value: "note body is null",
          stacktrace: {
            type: "resolved",
            frames: [{ raw_id: "r1", mangled_name: "t", source: "src/notes/publish.ts", resolved_name: "publishNote", line: 42, column: 7, in_app: true, resolved: true }],
          },
        },
      ],
    });
    expect(ex?.frames).toEqual([{ file: "src/notes/publish.ts", function: "publishNote", line: 42, column: 7, inApp: true }]);
    expect(exceptionKey(thrown(ex?.frames ?? [])).title).toBe("TypeError: note body is null in publishNote (src/notes/publish.ts:42)");
  });

  it("never titles a frame 'in ?': a frame without a function is named by its file and line", () => {
    expect(exceptionKey(thrown([f("src/notes/publish.ts", "?", 42)])).title).toBe("TypeError: note body is null in src/notes/publish.ts:42");
  });

  it("marks browser-extension frames as outside the product whatever in_app says", () => {
    const [ex] = exceptionsOf({ $exception_list: [{ type: "Error", value: "x", stacktrace: { frames: [{ filename: "moz-extension://abc/inject.js", function: "run", lineno: 1, in_app: true }] } }] });
    expect(ex?.frames[0]?.inApp).toBe(false);
  });
});

describe("fingerprints across deploys and minified code", () => {
  it("normalizes content hashes out of bundle names and folders", () => {
    expect(withoutHash("main.3f9a2b1c.js")).toBe("main.js");
    expect(withoutHash("index-BxR7kP2q.js")).toBe("index.js");
    expect(withoutHash("vendor-react.js")).toBe("vendor-react.js");
    expect(withoutHash("export1.ts")).toBe("export1.ts");
    const before = exceptionKey(thrown([f("https://app.quillboard.test/assets/app.3f9a2b1c.js", "publishNote")]));
    const after = exceptionKey(thrown([f("https://app.quillboard.test/assets/app.77e01d9a.js", "publishNote")]));
    expect(after.fingerprint).toBe(before.fingerprint);
    expect(sourceTail("https://cdn.quillboard.test/static/0a1b2c3d4e5f/js/app.js")).toBe(sourceTail("https://cdn.quillboard.test/static/99ffee00aa11/js/app.js"));
  });

  it("keeps two bugs thrown from one minified function apart", () => {
    const a = exceptionKey(thrown([f("https://app.quillboard.test/assets/app.3f9a2b1c.js", "t")], "note body is null"));
    const b = exceptionKey(thrown([f("https://app.quillboard.test/assets/app.3f9a2b1c.js", "t")], "share quota exceeded for 12 reviewers"));
    expect(a.fingerprint).not.toBe(b.fingerprint);
  });
});

describe("source maps from the product repository", () => {
  // A hand-written map: bundle line 1 col 0 -> publish.ts:42 publishNote; col 100 -> share.ts line 80 shareNotebook.
  const map = { version: 3, file: "app.3f9a2b1c4d.js", sources: ["../src/notes/publish.ts", "../src/share/share.ts"], names: ["publishNote", "shareNotebook"], mappings: "AAyCAA,oGCsCAC" };

  it("maps a minified frame back to its source file, line and function, whatever the bundle's hash", async () => {
    const repo = tempDir();
    mkdirSync(join(repo, "dist"));
    writeFileSync(join(repo, "dist", "app.3f9a2b1c4d.js.map"), JSON.stringify(map));
    const mapper = await sourceMapsIn(repo, ["dist/app.3f9a2b1c4d.js.map", "src/notes/publish.ts"]);
    expect(mapper).not.toBeNull();
    const deployed = "https://app.quillboard.test/assets/app.0000aaaa11.js";
    expect(mapper?.map(f(deployed, "t", 1, 5))).toEqual({ file: "src/notes/publish.ts", function: "publishNote", line: 42, column: 1, inApp: true });
    expect(mapper?.map(f(deployed, "t", 1, 150))).toMatchObject({ file: "src/share/share.ts", function: "shareNotebook", line: 80 });
    // A frame with no map, or no column, is left as it was.
    expect(mapper?.map(f("https://app.quillboard.test/assets/other.js", "t", 1, 5))).toMatchObject({ function: "t" });
    expect(mapper?.map(f(deployed, "t", 1, null))).toMatchObject({ function: "t" });
  });

  it("finds nothing to map in a repository without maps", async () => {
    expect(await sourceMapsIn(tempDir(), ["src/a.ts"])).toBeNull();
  });
});

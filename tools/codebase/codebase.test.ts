import { ServiceSettings } from "../../state/profileSections/services.js";
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureDemoRepo } from "../../cli/demoRepo.js";
import { FakeGitHubCodeServer } from "../../testing/fakeGitHubCode.js";
import { githubAccess, githubClient } from "../github/client.js";
import { ProductProfile } from "../../state/profile.js";
import { bugFrames } from "../../demo/simulator/index.js";
import { LocalRepo } from "./localRepo.js";
import { GitHubRepo, longestLiteral } from "./githubRepo.js";
import { codebaseTools } from "./tools.js";
import { codeBackendFor } from "./index.js";
import type { CodeBackend } from "./backend.js";

const TOKEN = "ghp_readonly_test";
const crash = bugFrames().csv_bom.at(-1)!;

async function call(backend: CodeBackend, name: string, args: Record<string, unknown>): Promise<string> {
  const t = codebaseTools(backend).find((x) => x.name === name)!;
  return String(await t.invoke(args));
}

describe("codebase tools on a local clone and on GitHub", () => {
  let local: LocalRepo;
  let github: GitHubRepo;
  let fake: FakeGitHubCodeServer;

  beforeAll(async () => {
    const root = (await ensureDemoRepo(mkdtempSync(join(tmpdir(), "selfheal-code-")))).path;
    local = new LocalRepo(root);
    const files = new Map<string, string>();
    for (const f of await local.listFiles()) files.set(f, readFileSync(join(root, f), "utf8"));
    fake = new FakeGitHubCodeServer({ owner: "acme", repo: "acme-app", ref: "main", token: TOKEN, files });
    const url = await fake.start();
    github = new GitHubRepo(await githubClient(githubAccess({ GITHUB_TOKEN: TOKEN, GITHUB_API_URL: url }), ServiceSettings.parse({})), { owner: "acme", repo: "acme-app", ref: "main" });
  });
  afterAll(async () => fake.stop());

  it("search_code finds text with path and line, the same on both backends", async () => {
    const fromLocal = await call(local, "search_code", { pattern: "Missing required column" });
    expect(fromLocal).toMatch(new RegExp(`^${crash.file.replace(/[./]/g, "\\$&")}:\\d+: .*Missing required column`, "m"));
    expect(await call(github, "search_code", { pattern: "Missing required column" })).toBe(fromLocal);
    const search = fake.requests.find((r) => r.path === "/search/code")!;
    expect(search.query["q"]).toBe('"Missing required column" repo:acme/acme-app');
    expect(search.authorization).toBe(`token ${TOKEN}`);
  });

  it("search_code takes a regex (GitHub: by its longest literal, then filtered)", async () => {
    const pattern = "function requireColumn\\(";
    const fromLocal = await call(local, "search_code", { pattern, regex: true });
    expect(fromLocal).toContain(crash.file);
    expect(await call(github, "search_code", { pattern, regex: true })).toBe(fromLocal);
    expect(longestLiteral("timed out after \\d+ms")).toBe("timed out after ");
  });

  it("list_files lists a folder and read_file reads a numbered range, the same on both backends", async () => {
    const listed = await call(local, "list_files", { under: "src/import" });
    expect(listed.split("\n")).toContain(crash.file);
    expect(await call(github, "list_files", { under: "src/import" })).toBe(listed);
    const range = await call(local, "read_file", { path: crash.file, start: crash.lineno - 1, end: crash.lineno + 1 });
    expect(range.split("\n")[0]).toMatch(new RegExp(`^${crash.file.replace(/[./]/g, "\\$&")} lines ${crash.lineno - 1}-${crash.lineno + 1} of \\d+:$`));
    expect(range.split("\n")).toHaveLength(4);
    expect(await call(github, "read_file", { path: crash.file, start: crash.lineno - 1, end: crash.lineno + 1 })).toBe(range);
    const contents = fake.requests.filter((r) => r.path.startsWith("/repos/acme/acme-app/contents/"));
    expect(contents.every((r) => r.query["ref"] === "main")).toBe(true);
    // Contents are fetched once per file, however many reads and searches touch it.
    expect(contents.filter((r) => r.path.endsWith(crash.file))).toHaveLength(1);
  });

  it("returns errors as readable results instead of throwing", async () => {
    expect(await call(local, "search_code", { pattern: "(unclosed", regex: true })).toMatch(/^Error: .*regular expression/i);
    expect(await call(local, "read_file", { path: "../../etc/passwd" })).toMatch(/^Error: no tracked file/);
    expect(await call(github, "read_file", { path: "src/nope.ts" })).toMatch(/^Error: .*Not Found/);
    expect(await call(github, "search_code", { pattern: "ab" })).toMatch(/^Error: GitHub code search needs a literal/);
    expect(await call(local, "search_code", { pattern: "no such text anywhere 1234" })).toMatch(/^No matches/);
    const anonymous = new GitHubRepo(await githubClient(githubAccess({ GITHUB_API_URL: fake.url }), ServiceSettings.parse({})), { owner: "acme", repo: "acme-app", ref: "main" });
    expect(await call(anonymous, "list_files", {})).toMatch(/^Error: .*Requires authentication/);
  });

  it("resolves stack frames to repository files on both backends", async () => {
    expect(await local.resolveFrameFile(crash.file)).toBe(crash.file);
    expect(await github.resolveFrameFile(crash.file.replace(/\.ts$/, ".js"))).toBe(crash.file);
  });

  it("chooses the clone when there is one, else GitHub with a token, else nothing", async () => {
    const profile = ProductProfile.parse({ product: { name: "A", description: "B" }, departments: {}, successEvents: [], repo: { path: "x", github: "acme/acme-app" } });
    expect((await codeBackendFor(profile, local.root, {}))?.name).toBe("local");
    expect((await codeBackendFor(profile, "/nonexistent/clone", { GITHUB_TOKEN: TOKEN }))?.name).toBe("github");
    expect(await codeBackendFor(profile, "/nonexistent/clone", {})).toBeNull();
  });
});

import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { FakeOpenAIServer, type FakeRequest } from "../testing/fakeOpenAI.js";
import { FakeLinearServer } from "../testing/fakeLinear.js";
import { FakeGitHubServer } from "../testing/fakeGitHub.js";
import { fileBug, skynetWorld, type SkynetWorld } from "../testing/skynetWorld.js";
import { csvHeaderFix } from "../testing/csvHeaderFix.js";
import { checkpointText, derivedRowsText, expectNothingOf } from "../testing/sinkTexts.js";
import { runCli, type CliResult } from "../testing/cli.js";

/** The configured keys: each service below refuses it and quotes it back in its error, as real ones do. */
const KEYS = { OPENAI_API_KEY: "sk-proj-ECHOopenaiKEY0123456789abcdefXYZ", ACME_LINEAR: "lin_api_ECHOlinearKEY0123456789abcdefghijklmn", GITHUB_TOKEN: "ghp_ECHOgithubTOKEN0123456789abcdefghijkl" };

/** OpenAI's 401, with the Authorization header it got quoted in the message. */
const refuse = (req: FakeRequest) => ({ status: 401, body: JSON.stringify({ error: { message: `Incorrect API key provided: ${String(req.headers.authorization)}`, type: "invalid_request_error", code: "invalid_api_key" } }) });

describe("the keys of OpenAI, Linear and GitHub never reach a log line, an error message or a stored row, even when each service refuses them", () => {
  let world: SkynetWorld;
  let linear: FakeLinearServer;
  let github: FakeGitHubServer;
  const outputs: Record<string, CliResult> = {};
  beforeAll(async () => {
    world = await skynetWorld({ github: true, sessions: 12, seed: 5, skynet: { maxTicketsPerRun: 1 } });
    const { demo } = world;
    // Linear and GitHub expect other keys than the configured ones: every call is a 401 that echoes the key.
    linear = new FakeLinearServer("lin_api_theRightOne");
    github = new FakeGitHubServer({ owner: "acme", repo: "acme-app", token: "ghp_theRightOne", defaultBranch: "main", branchExists: async () => true });
    await linear.start();
    const refusing = new FakeOpenAIServer(refuse);
    const skynet = new FakeOpenAIServer(csvHeaderFix);
    const profile = JSON.parse(readFileSync(demo.settings.config!, "utf8")) as Record<string, unknown>;
    const config = (models: Record<string, string>) =>
      writeFileSync(demo.settings.config!, JSON.stringify({ ...profile, models, thresholds: { ticketMinSessions: 1, highPriorityMinSessions: 20 }, services: { retryBaseMs: 1, retryMaxMs: 10 }, tracker: { kind: "linear" }, linear: { team: "ENG", apiUrl: linear.url, apiKeyEnv: "ACME_LINEAR" }, gatherer: { retryBaseMs: 1, maxRetries: 1 } }));
    const env = { ...KEYS, GITHUB_API_URL: await github.start(), SELFHEAL_LOG_LEVEL: "debug" };
    const cli = (args: string[], extra: NodeJS.ProcessEnv) => runCli(["--db", demo.settings.db, "--config", demo.settings.config!, ...args], { env: { ...env, ...extra } });
    try {
      config({ gatherer: "gpt-4o-mini" });
      const openaiUrl = await refusing.start();
      outputs["gather (OpenAI refuses), pretty logs"] = await cli(["gather", "--analyst", "llm", "--json"], { OPENAI_BASE_URL: openaiUrl });
      // the heuristic analyst then gathers, and the PM's model and Linear refuse
      config({ pm: "gpt-4o-mini" });
      outputs["run (OpenAI and Linear refuse), JSON logs"] = await cli(["run", "--week", demo.week, "--yes"], { OPENAI_BASE_URL: openaiUrl, SELFHEAL_LOG_FORMAT: "json" });
      config({ skynet: "gpt-4o-mini" });
      await fileBug(world, { title: "CSV headers with spaces do not line up", body: "ImportError in importContacts", path: "src/import/csv.ts", line: 78 });
      outputs["fix (GitHub refuses the PR)"] = await cli(["fix", "--yes", "--json"], { OPENAI_BASE_URL: await skynet.start() });
      outputs["digest"] = await cli(["digest"], {});
    } finally {
      await refusing.stop();
      await skynet.stop();
    }
  }, 300_000);
  afterAll(async () => {
    await linear.stop();
    await github.stop();
  });

  it("each service was called with its key and refused it, quoting it back", () => {
    expect(github.requests.some((r) => r.authorization === `token ${KEYS.GITHUB_TOKEN}`)).toBe(true);
    const said = (what: string) => `${outputs[what]!.stdout}\n${outputs[what]!.stderr}`;
    expect(said("run (OpenAI and Linear refuse), JSON logs")).toContain("bad Authorization header: [ACME_LINEAR]");
    expect(said("run (OpenAI and Linear refuse), JSON logs")).toContain("Bearer [OPENAI_API_KEY]");
    expect(said("fix (GitHub refuses the PR)")).toContain("Bad credentials: token [GITHUB_TOKEN]");
    expect(said("gather (OpenAI refuses), pretty logs")).toContain("Incorrect API key provided: Bearer [OPENAI_API_KEY]");
  });

  it("no key is on stdout or stderr (logs and error messages), nor in a checkpoint or a stored run, report or fix attempt", () => {
    const sinks: Record<string, string> = { checkpoints: checkpointText(world.demo.settings.db), ...derivedRowsText(world.demo.settings.db) };
    for (const [what, out] of Object.entries(outputs)) {
      sinks[`${what}: stdout`] = out.stdout;
      sinks[`${what}: stderr`] = out.stderr;
    }
    expectNothingOf(KEYS, sinks);
  });
});

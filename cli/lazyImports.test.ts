/**
 * A command loads only the libraries it uses: `--help` the command-line parser alone, the commands that
 * read or import data no LangGraph, no command on a SQLite warehouse the Postgres engine, and no command the model, Linear or GitHub client unless the
 * profile makes it reach them. Checked by recording every package module the built CLI resolves.
 */
import { describe, it, expect, beforeAll } from "vitest";
import { join } from "node:path";
import { runCliRecordingImports } from "../testing/importedPackages.js";
import { seedDemoWeek, type DemoWeek } from "../testing/demoWeek.js";

const CLIENTS = ["@langchain/openai", "openai", "@linear/sdk", "@octokit/rest", "@octokit/core"];
const GRAPHS = ["@langchain/langgraph", "@langchain/core"];
/** The Postgres engine's libraries: a warehouse on SQLite never needs them. */
const POSTGRES = ["pg", "pg-copy-streams", "@langchain/langgraph-checkpoint-postgres"];
/** No model server is reachable, so a profile's model names lead nowhere: the commands must not load the clients. */
const env = { OPENAI_API_KEY: "", OPENAI_BASE_URL: "", GITHUB_TOKEN: "", LINEAR_API_KEY: "" };

const loadedOf = (packages: Set<string>, names: string[]) => names.filter((n) => packages.has(n));

describe("what each command imports", () => {
  let demo: DemoWeek;
  let base: string[];
  beforeAll(async () => {
    demo = await seedDemoWeek({ sessions: 120, seed: 5 });
    base = ["--db", demo.settings.db, "--config", demo.settings.config!];
  });

  it("--help loads the command-line parser and nothing of the product's libraries", async () => {
    const help = await runCliRecordingImports(["--help"], { env });
    expect(help.code, help.stderr).toBe(0);
    expect(help.packages.has("commander")).toBe(true); // the recorder sees what is loaded
    expect(loadedOf(help.packages, [...CLIENTS, ...GRAPHS, "better-sqlite3", "zod", "pino"])).toEqual([]);
  });

  it("ingest and reports run no graph, so they load no LangGraph and no client", async () => {
    const ingest = await runCliRecordingImports(["--db", join(demo.settings.dataDir, "other.db"), "ingest", join(demo.settings.dataDir, "events.jsonl"), "--json"], { env });
    expect(ingest.code, ingest.stderr).toBe(0);
    expect(ingest.packages.has("better-sqlite3")).toBe(true);
    expect(loadedOf(ingest.packages, [...CLIENTS, ...GRAPHS, ...POSTGRES])).toEqual([]);

    const reports = await runCliRecordingImports([...base, "reports"], { env });
    expect(reports.code, reports.stderr).toBe(0);
    expect(loadedOf(reports.packages, [...CLIENTS, ...GRAPHS, ...POSTGRES])).toEqual([]);
  });

  it("gather, triage, digest and review run graphs but load no model, Linear or GitHub client they do not use", async () => {
    for (const args of [["gather"], ["triage"], ["digest", "--format", "md"], ["review"]]) {
      const run = await runCliRecordingImports([...base, ...args], { env });
      expect(run.code, `${args.join(" ")}: ${run.stderr}`).toBe(0);
      expect(run.packages.has("@langchain/langgraph"), args.join(" ")).toBe(true);
      expect(loadedOf(run.packages, [...CLIENTS, ...POSTGRES]), args.join(" ")).toEqual([]);
      expect(loadedOf(run.packages, ["@inquirer/prompts"]), `${args.join(" ")}: prompts only in a terminal`).toEqual([]);
    }
  });
});

import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { expect } from "vitest";
import { git } from "../tools/codebase/git.js";

/**
 * Where a run leaves text, read back as text for "did this string get out" checks: the files it wrote,
 * its checkpoints, the warehouse tables it derives from the events, a git remote it pushed to, and the
 * pages of the review app.
 */

/** Every file under the data folder but the warehouse (it keeps the raw events, secrets and all), import files and repositories. */
export function writtenFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (/warehouse\.db/.test(name) || /\.jsonl$/.test(name) || name === "demo-repo" || name === ".git" || name === "node_modules") continue;
    if (statSync(path).isDirectory()) out.push(...writtenFiles(path));
    else out.push(path);
  }
  return out;
}

function rowsText(db: string, tables: string[]): string {
  const conn = new Database(db, { readonly: true });
  try {
    const rows = tables.flatMap((t) => conn.prepare(`SELECT * FROM ${t}`).all() as Record<string, unknown>[]);
    return rows.map((r) => Object.values(r).map((v) => (Buffer.isBuffer(v) ? v.toString("utf8") : String(v))).join(" ")).join("\n");
  } finally {
    conn.close();
  }
}

/** The checkpointer's rows: what a resumed run would read back. */
export function checkpointText(db: string): string {
  return rowsText(db, ["checkpoints", "writes"]);
}

/** What the loop derived and stored: reports, patterns, tickets, fix attempts, runs, verdicts (not the raw events and sessions). */
export function derivedRowsText(db: string): Record<string, string> {
  const tables = ["session_reports", "patterns", "tickets", "fix_attempts", "runs", "fix_verdicts"];
  return Object.fromEntries(tables.map((t) => [`warehouse ${t}`, rowsText(db, [t])]));
}

/** Every branch name, commit message and diff a remote holds. */
export async function remoteText(remote: string): Promise<string> {
  const branches = await git(remote, ["branch", "--list", "--format=%(refname:short)"]);
  return `${branches}\n${await git(remote, ["log", "--all", "-p", "--format=%H %D%n%B"])}`;
}

/** The review app's pages, fetched over HTTP with the token its URL carries. */
export async function servedPages(url: string, paths: string[]): Promise<Record<string, string>> {
  const address = new URL(url);
  const cookie = `selfheal_token=${address.searchParams.get("token") ?? ""}`;
  const pages: Record<string, string> = {};
  for (const path of paths) {
    const res = await fetch(new URL(path, address.origin), { headers: { cookie } });
    expect(res.status, `GET ${path}`).toBe(200);
    pages[`page ${path}`] = await res.text();
  }
  return pages;
}

/** Fails naming every secret found in a sink, each with the text around its first occurrence. */
export function expectNothingOf(secrets: Record<string, string>, sinks: Record<string, string>): void {
  const leaks: string[] = [];
  for (const [where, text] of Object.entries(sinks)) {
    for (const [name, secret] of Object.entries(secrets)) {
      const at = text.indexOf(secret);
      if (at >= 0) leaks.push(`${name} (${secret}) in ${where}: …${text.slice(Math.max(0, at - 300), at + 100)}…`);
    }
  }
  expect(leaks, `${leaks.length} leaks:\n${leaks.map((l) => l.slice(0, 700)).join("\n\n")}`).toEqual([]);
}

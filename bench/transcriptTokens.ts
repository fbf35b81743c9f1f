/**
 * Tokens per session a model reads: the compact transcript against a naive JSON dump of the same events,
 * on the simulator's sessions (o200k_base, js-tiktoken). Prints median, p95 and max; asserts nothing.
 * Usage: tsx bench/transcriptTokens.ts [<sessions>]   (also run by `npm run bench`)
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Warehouse } from "../warehouse/types.js";
import type { ProductProfile } from "../state/profile.js";
import { buildTranscript } from "../agents/analysts/transcript.js";
import { countTokens } from "../agents/analysts/tokens.js";

/** Measures up to `sample` sessions of the warehouse (every n-th by id, so the sample spans scenarios). */
export async function transcriptTokenBench(warehouse: Warehouse, profile: ProductProfile, sample = 1000): Promise<void> {
  const ids = await warehouse.sessionsWithoutReport({ analystVersion: "bench-none" });
  const step = Math.max(1, Math.floor(ids.length / sample));
  const naive: number[] = [];
  const compact: number[] = [];
  let events = 0;
  let atBudget = 0;
  const budget = profile.gatherer.transcriptTokens;
  const start = performance.now();
  for (let i = 0; i < ids.length && naive.length < sample; i += step) {
    const sessionEvents = await warehouse.sessionEvents(ids[i] ?? "");
    events += sessionEvents.length;
    naive.push(countTokens(JSON.stringify(sessionEvents)));
    const t = buildTranscript(sessionEvents, profile, budget);
    compact.push(t.tokens);
    if (t.eventsShown < t.events && t.text.includes("events omitted")) atBudget++;
  }
  const seconds = (performance.now() - start) / 1000;
  const row = (label: string, xs: number[]) => `${label.padEnd(16)} median ${fmt(pct(xs, 0.5))}  p95 ${fmt(pct(xs, 0.95))}  max ${fmt(Math.max(...xs))}`;
  console.log(`transcript tokens on ${naive.length} sessions (${events} events), budget ${budget}:`);
  console.log(`           ${row("naive JSON dump", naive)}`);
  console.log(`           ${row("transcript", compact)}`);
  const ratio = pct(naive, 0.5) / Math.max(1, pct(compact, 0.5));
  console.log(`           median ${ratio.toFixed(1)}x smaller; ${atBudget} trimmed to the budget; ${(seconds * 1000 / naive.length).toFixed(1)} ms per session (both measured)`);
}

function pct(xs: number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

function fmt(n: number): string {
  return String(Math.round(n)).padStart(6);
}

// Standalone: simulate, ingest, measure.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { simulateWeek, writeSessionsJsonl } = await import("../demo/simulator/index.js");
  const { openWarehouse } = await import("../warehouse/index.js");
  const { ingestFile } = await import("../connectors/ingest.js");
  const { weekRange } = await import("../runtime/week.js");
  const { writeDemoProfile } = await import("../cli/demoRepo.js");
  const { loadProfile } = await import("../state/loadProfile.js");
  const sessions = Number(process.argv[2] ?? 2000);
  const dir = mkdtempSync(join(tmpdir(), "selfheal-bench-tokens-"));
  try {
    const file = join(dir, "events.jsonl");
    await writeSessionsJsonl(simulateWeek({ sessions, seed: 1, weekStart: weekRange("2026-W47").start }), file);
    const warehouse = openWarehouse(join(dir, "warehouse.db"));
    await ingestFile(warehouse, file);
    await transcriptTokenBench(warehouse, loadProfile(writeDemoProfile(dir)).profile, sessions);
    await warehouse.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

import { METRICS } from "./metrics/index.js";
import type { DatasetResult, RunResult } from "./result.js";
import { analystChange, deltas } from "./compare.js";
import type { Usage } from "./usage.js";
import { comparisonHeader, comparisonRows, confidenceLine } from "./analystTable.js";

export type Previous = Map<string, { file: string; result: DatasetResult }>;

const fmt = (v: number | null | undefined): string => (v === null || v === undefined ? "-" : Number.isInteger(v) ? String(v) : v.toFixed(3));
const signed = (v: number | null | undefined): string => (v === null || v === undefined ? "" : Math.abs(v) < 5e-4 ? "=" : `${v > 0 ? "+" : ""}${v.toFixed(3)}`);

/** The rows of one dataset's table: agent, metric, value, bar, verdict, change since the last result. */
export function tableRows(d: DatasetResult, previous: Previous): string[][] {
  const change = deltas(d, previous.get(d.dataset)?.result);
  const bars = new Map(d.checks.map((c) => [c.metric, c]));
  return METRICS.filter((m) => d.metrics[m.key] !== undefined && (d.metrics[m.key] !== null || bars.has(m.key))).map((m) => {
    const check = bars.get(m.key);
    return [m.agent, m.label, fmt(d.metrics[m.key]), check?.bar ?? "", check ? (check.ok ? "ok" : "BELOW") : "", signed(change[m.key])];
  });
}

function usageLine(u: Usage): string {
  return `${u.requests} requests, ${u.inputTokens} in / ${u.outputTokens} out tokens, ${u.costUsd === null ? "cost unknown (no price)" : `$${u.costUsd.toFixed(4)}`}`;
}

function pad(rows: string[][]): string[] {
  const widths = rows[0]!.map((_c, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd());
}

/** The terminal table of every dataset, with defects and failures said plainly. */
export function renderText(run: RunResult, previous: Previous): string {
  const lines: string[] = [];
  if (run.mechanicsOnly) lines.push(MECHANICS_NOTE, "");
  for (const d of run.datasets) {
    const prev = previous.get(d.dataset);
    lines.push(`== ${d.dataset}: ${d.sessions} sessions, ${d.figures.patterns} patterns (${d.figures.tickets} ticketed); ${d.analyst} ${d.analystVersion}${d.promptHash ? `, prompt ${d.promptHash}` : ""}; ${(d.durationMs / 1000).toFixed(1)} s`);
    lines.push(`   implied NPS ${fmt(d.figures.nps)} (truth ${fmt(d.figures.trueNps)}); compared with ${prev ? prev.file : "nothing (first result)"}${analystChange(d, prev?.result) ? `; changed: ${analystChange(d, prev?.result)}` : ""}`);
    lines.push(...pad([["agent", "metric", "value", "bar", "", "Δ last"], ...tableRows(d, previous)]).map((l) => `   ${l}`));
    for (const a of d.skynet) lines.push(`   skynet ${a.bug} (${a.patch} patch): ${a.status}, score ${a.score}${a.hidden ? `; hidden tests ${a.hidden}` : ""}`);
    if (d.analyst === "llm") for (const [stage, u] of Object.entries(d.usage)) lines.push(`   ${stage} usage: ${usageLine(u)}`);
    if (d.analysts) lines.push("", ...pad([comparisonHeader(run.mechanicsOnly), ...comparisonRows(d.analysts)]).map((l) => `   ${l}`), `   ${confidenceLine(d.analysts.confidence)}`);
    for (const defect of d.defects) lines.push(`   DATASET DEFECT: ${defect}`);
    lines.push("");
  }
  lines.push(`wall time ${(run.wallMs / 1000).toFixed(1)} s`);
  lines.push(run.failures.length ? `FAILED: ${run.failures.length} problem(s)\n${run.failures.map((f) => `  - ${f}`).join("\n")}` : run.mechanicsOnly ? "mechanics ran end to end (no threshold checked: the model was a fake)" : "every metric meets its bar");
  return lines.join("\n");
}

export const MECHANICS_NOTE =
  "MECHANICS ONLY: every model request was answered by the local fake OpenAI server (testing/fakeOpenAI.ts) from a fixed script. " +
  "These numbers show that the harness runs end to end through the LLM paths; they say nothing about any model, and no threshold is checked.";

/** The results file in Markdown: the same tables, the run's provenance and per-problem detail. */
export function renderMarkdown(run: RunResult, previous: Previous): string {
  const out: string[] = [`# Eval ${run.date}: ${run.label}`, ""];
  if (run.mechanicsOnly) out.push(`> ${MECHANICS_NOTE}`, "");
  out.push(`selfheal ${run.commit}; started ${run.startedAt}; wall time ${(run.wallMs / 1000).toFixed(1)} s; model ${run.model ?? "none (offline)"}.`, "");
  out.push(run.failures.length ? `**Failed**: ${run.failures.join("; ")}` : run.mechanicsOnly ? "Mechanics ran end to end." : "Every metric meets its bar.", "");
  for (const d of run.datasets) {
    out.push(`## ${d.dataset}`, "", `${d.description}. ${d.sessions} sessions; analyst ${d.analyst} \`${d.analystVersion}\`${d.promptHash ? `, prompt \`${d.promptHash}\`` : ""}; ${(d.durationMs / 1000).toFixed(1)} s.`);
    out.push(`Implied NPS ${fmt(d.figures.nps)} against the truth's ${fmt(d.figures.trueNps)}; ${d.figures.patterns} patterns, ${d.figures.tickets} ticketed.`, "");
    out.push("| agent | metric | value | bar | | Δ last |", "| --- | --- | --- | --- | --- | --- |");
    for (const r of tableRows(d, previous)) out.push(`| ${r.join(" | ")} |`);
    out.push("", "| problem | sessions | best pattern | coverage | purity | decision | file | line |", "| --- | --- | --- | --- | --- | --- | --- | --- |");
    for (const p of d.problems) {
      const hit = (v: boolean | null) => (v === null ? "" : v ? "hit" : "miss");
      out.push(`| ${p.kind} ${p.id} | ${p.sessions} | ${p.best ? `${p.best.kind} "${p.best.title.replace(/\|/g, "/").slice(0, 60)}" (${p.best.sessions})` : "none"} | ${fmt(p.coverage)} | ${fmt(p.purity)} | ${p.best?.decision ?? "-"} (should ${p.shouldTicket ? "ticket" : "flag"}) | ${hit(p.fileHit)} | ${hit(p.lineHit)} |`);
    }
    if (d.strays.length) {
      out.push("", "Patterns that are no true problem's best pattern:", "");
      for (const p of d.strays) out.push(`- ${p.kind} "${p.title.slice(0, 90)}" (${p.sessions} sessions, ${p.decision}): ${p.problem ? `mostly ${p.problem}, split off` : "no true problem is a majority of it"}`);
    }
    if (d.skynet.length) {
      out.push("", "| Skynet bug | patch | status | score | hidden tests |", "| --- | --- | --- | --- | --- |");
      for (const a of d.skynet) out.push(`| ${a.bug} | ${a.patch} | ${a.status} | ${a.score} | ${a.hidden ?? "not run (nothing proposed)"} |`);
    }
    if (d.analysts) {
      out.push("", `| ${comparisonHeader(run.mechanicsOnly).join(" | ")} |`, "| --- | --- | --- | --- |");
      for (const r of comparisonRows(d.analysts)) out.push(`| ${r.join(" | ")} |`);
      out.push("", confidenceLine(d.analysts.confidence) + ".");
    }
    out.push("", `Usage: gatherer ${usageLine(d.usage.gatherer)}; pm ${usageLine(d.usage.pm)}; skynet ${usageLine(d.usage.skynet)}.`);
    for (const defect of d.defects) out.push("", `**Dataset defect**: ${defect}`);
    out.push("");
  }
  return out.join("\n");
}

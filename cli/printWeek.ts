import pc from "picocolors";
import type { Warehouse } from "../warehouse/types.js";
import type { WeeklyStateType } from "../graphs/weekly/state.js";
import type { Output } from "./output.js";
import { triageJson } from "./contract.js";
import { printAttempts, printPatterns } from "./render.js";
import { currentReports } from "../agents/analysts/currentReports.js";
import type { ProductProfile } from "../state/profile.js";

/** The weekly loop's result in words: what each stage did, and where the digest is. */
export async function printWeek(out: Output, warehouse: Warehouse, state: WeeklyStateType, week: string, profile: ProductProfile): Promise<void> {
  const g = state.gatherSummary;
  const escalated = g?.escalated === undefined ? "" : `; ${g.escalated} the rules were unsure of went to the model`;
  if (g) out.say(`${pc.bold("Gatherer")}  scored ${g.scored} sessions (${g.skipped} already scored, ${g.failed} failed), analyst ${g.analyst} ${g.analystVersion}${escalated}`);
  // The cascade's reports are of two versions: the ones that speak for the week's sessions are counted.
  const reports = g?.analyst === "cascade" ? await currentReports(warehouse, profile, week) : await warehouse.listReports({ week, analystVersion: g?.analystVersion });
  const scores = reports.map((r) => r.score);
  if (scores.length) printDistribution(out, scores);
  out.say(pc.bold("PM"));
  printPatterns(out, await triageJson(warehouse, week));
  const t = state.triageSummary;
  if (t) {
    const filed = t.filed.filter((f) => f.action !== "unchanged");
    out.say(`  gate: ${t.gate}; ${filed.length} ticket change(s): ${filed.map((f) => `${f.ticketId} ${f.action}`).join(", ") || "none"}`);
  }
  out.say(pc.bold("Skynet"));
  printAttempts(out, state.fixSummary?.attempts ?? []);
  const checked = state.verifySummary?.fixes ?? [];
  if (checked.length) {
    out.say(pc.bold("Verify"));
    for (const f of checked) out.say(`  ${f.ticket} ${f.verdict.replace("_", " ")}${f.reopened ? " (ticket reopened)" : ""}: ${f.reason}`);
  }
  if (state.digest) out.say(`${pc.bold("Digest")}    ${state.digest.path}`);
}

function printDistribution(out: Output, scores: number[]): void {
  const counts = Array.from({ length: 11 }, (_, s) => scores.filter((x) => x === s).length);
  const max = Math.max(...counts, 1);
  out.say(`  score distribution of ${scores.length} sessions:`);
  counts.forEach((n, s) => out.say(`  ${String(s).padStart(3)} ${"█".repeat(Math.round((n / max) * 40)).padEnd(40)} ${n}`));
}

import type { SessionReport } from "../../../state/report.js";
import { bandOf, impliedNps } from "../../../agents/review/npsMath.js";
import { isProductUser, PRODUCT_OUTCOMES, type TruthSession } from "../truth.js";
import { share, type MetricDef, type Metrics } from "./types.js";

export const GATHERER_METRICS: MetricDef[] = [
  { key: "gatherer.reportCoverage", agent: "gatherer", higherIsBetter: true, label: "sessions with a report" },
  { key: "gatherer.scoreMae", agent: "gatherer", higherIsBetter: false, label: "score MAE, product users (points)" },
  ...PRODUCT_OUTCOMES.map((o) => ({ key: `gatherer.bandAgreement.${o}`, agent: "gatherer" as const, higherIsBetter: true, label: `NPS band agreement, true ${o}` })),
  { key: "gatherer.bugBlockedDetractor", agent: "gatherer", higherIsBetter: true, label: "sessions blocked by a bug scored 0-6" },
  { key: "gatherer.noiseSuccessUnlowered", agent: "gatherer", higherIsBetter: true, label: "successes with noise scored 7 or more" },
  { key: "gatherer.outcomeAccuracy", agent: "gatherer", higherIsBetter: true, label: "outcome accuracy" },
  { key: "gatherer.departmentAccuracy", agent: "gatherer", higherIsBetter: true, label: "department accuracy" },
  { key: "gatherer.npsError", agent: "gatherer", higherIsBetter: false, label: "|implied NPS - true NPS| (points)" },
  { key: "gatherer.evidenceValidity", agent: "gatherer", higherIsBetter: true, label: "cited event ids in the session" },
];

/** Informational figures printed beside the metrics, never held to a threshold. */
export interface GathererFigures {
  sessions: number;
  reports: number;
  nps: number | null;
  trueNps: number | null;
}

/** The gatherer's metrics against the truth (definitions in evals/README.md). */
export function gathererMetrics(
  truthBySession: Map<string, TruthSession>,
  reports: SessionReport[],
  eventsBySession: Map<string, Set<string>>,
): { metrics: Metrics; figures: GathererFigures } {
  const reportOf = new Map(reports.map((r) => [r.sessionId, r]));
  const pairs = [...truthBySession].flatMap(([id, truth]) => {
    const report = reportOf.get(id);
    return report ? [{ truth, report }] : [];
  });
  const users = pairs.filter((p) => isProductUser(p.truth.outcome));
  const metrics: Metrics = {
    "gatherer.reportCoverage": share(pairs.length, truthBySession.size),
    "gatherer.scoreMae": users.length ? users.reduce((sum, p) => sum + Math.abs(p.report.score - p.truth.score), 0) / users.length : null,
  };
  for (const outcome of PRODUCT_OUTCOMES) {
    const of = pairs.filter((p) => p.truth.outcome === outcome);
    metrics[`gatherer.bandAgreement.${outcome}`] = share(of.filter((p) => bandOf(p.report.score) === bandOf(p.truth.score)).length, of.length);
  }
  // A user a bug blocked (outright or in part) is a detractor; noise beside a success never makes one.
  const blocked = pairs.filter((p) => p.truth.cause?.kind === "bug" && (p.truth.outcome === "failure" || p.truth.outcome === "partial"));
  metrics["gatherer.bugBlockedDetractor"] = share(blocked.filter((p) => bandOf(p.report.score) === "detractor").length, blocked.length);
  const noisy = pairs.filter((p) => p.truth.noise.length > 0 && p.truth.outcome === "success");
  metrics["gatherer.noiseSuccessUnlowered"] = share(noisy.filter((p) => p.report.score >= 7).length, noisy.length);
  metrics["gatherer.outcomeAccuracy"] = share(pairs.filter((p) => p.report.outcome === p.truth.outcome).length, pairs.length);
  metrics["gatherer.departmentAccuracy"] = share(pairs.filter((p) => p.report.department === p.truth.department).length, pairs.length);
  // The analyst's NPS over the sessions it took for product users, as the digest would count them.
  const nps = impliedNps(pairs.filter((p) => isProductUser(p.report.outcome)).map((p) => p.report.score));
  const trueNps = impliedNps([...truthBySession.values()].filter((t) => isProductUser(t.outcome)).map((t) => t.score));
  metrics["gatherer.npsError"] = nps === null || trueNps === null ? null : Math.abs(nps - trueNps);
  let cited = 0;
  let valid = 0;
  for (const r of reports) {
    const events = eventsBySession.get(r.sessionId);
    for (const id of r.evidence) {
      cited++;
      if (events?.has(id)) valid++;
    }
  }
  metrics["gatherer.evidenceValidity"] = share(valid, cited);
  return { metrics, figures: { sessions: truthBySession.size, reports: pairs.length, nps, trueNps } };
}

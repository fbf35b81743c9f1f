import type { Warehouse } from "../../warehouse/types.js";
import type { ProductProfile } from "../../state/profile.js";
import type { FailurePattern } from "../../state/pattern.js";
import type { SessionSignals } from "../../state/session.js";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { Logger } from "pino";
import { codeBackendFor, type CodeBackend } from "../../tools/codebase/index.js";
import { groupFailures, mainDepartment, type FailureGroup } from "./groupFailures.js";
import { locateInCode } from "./locate.js";
import { decide } from "./decide.js";
import { investigate } from "./investigate.js";
import { adoptFingerprints } from "./adoptFingerprints.js";
import { mergeImprovementsWithModel } from "./mergeWithModel.js";
import { recallTickets, type TicketMemory } from "./memory/recallTickets.js";

export interface PatternOptions {
  /** The PM's model (from modelFor("pm", ...)); null runs the deterministic search only. */
  model?: BaseChatModel | null;
  /** Where the code is; default: the profile's clone, else its GitHub repository. */
  backend?: CodeBackend | null;
  log?: Logger;
  /** Tickets remembered by meaning (an embeddings model); null matches by fingerprint and words only. */
  memory?: TicketMemory | null;
}
import { redactText } from "../analysts/redact.js";
import { NotReadyError } from "../../runtime/errors.js";
import { currentReportStream } from "../analysts/currentReports.js";
import type { SessionReport } from "../../state/report.js";
import { currentSignals } from "../analysts/currentSignals.js";
import { sourceMapsIn } from "./sourceMaps.js";

/**
 * The PM's reading of a week: every troubled session's report, grouped into patterns, each located in
 * the code (when the profile names a repository) and decided ticket-or-flag.
 */
export async function buildPatterns(
  warehouse: Warehouse,
  week: string,
  profile: ProductProfile,
  repoPath: string | null,
  opts: PatternOptions = {},
): Promise<FailurePattern[]> {
  const { reports, reported, scoreSum } = await troubledReports(currentReportStream(warehouse, profile, week));
  const signals = await currentSignals(warehouse, reports.map((r) => r.sessionId));
  const signalsById = new Map<string, SessionSignals>(signals.map((s) => [s.sessionId, s]));
  const weekSessions = await warehouse.countSessions(week);
  // No report at all is not a week without failures: the gatherer has not run on it.
  if (reported === 0 && weekSessions > 0) throw new NotReadyError(`${week} has ${weekSessions} sessions but none has a session report: ${await whyNoReport(warehouse, week)}`);
  const weekFigures = { sessions: weekSessions, averageScore: reported ? scoreSum / reported : null };
  const repo = opts.backend !== undefined ? opts.backend : await codeBackendFor(profile, repoPath);

  const patterns: FailurePattern[] = [];
  const mapper = repoPath && repo?.name === "local" ? await sourceMapsIn(repoPath, await repo.listFiles()) : null;
  // Redacted before any model sees a group (the merge, the investigation) and before it is stored.
  const groups = groupFailures(reports, signalsById, profile, mapper).map(redactedGroup);
  for (const group of await grouped(groups, opts)) {
    const averageScore = group.scoreSum / group.sessions;
    const { decision, priority } = decide({ sessions: group.sessions, averageScore, blocked: group.blocked }, weekFigures, profile.thresholds);
    // The model investigates what will be ticketed as a bug; a failed or over-budget run falls back to the search.
    const found = repo && opts.model && group.kind === "bug" && decision === "ticket" ? await investigateSafely(opts, repo, group, profile) : null;
    const codeLocations = found?.codeLocations ?? (repo ? await locateInCode(group, repo) : []);
    patterns.push({
      fingerprint: group.fingerprint,
      week,
      title: group.title,
      kind: group.kind,
      signal: group.signal,
      department: mainDepartment(group),
      sessions: group.sessions,
      sessionIds: group.sessionIds,
      intents: group.intents,
      averageScore: Math.round(averageScore * 10) / 10,
      codeLocations,
      decision,
      priority,
      route: redactText(found?.route ?? proposeRoute(group, codeLocations)),
    });
  }
  const tickets = await warehouse.listTickets();
  return recallTickets(adoptFingerprints(patterns, tickets), tickets, opts.memory ?? null);
}

/**
 * The week's troubled reports (not a success, or asking for an improvement), read a page at a time,
 * with the count and score sum of all: what the PM needs, not the week's every report. The evidence
 * (event ids) is dropped from the ones kept: no group reads it.
 */
async function troubledReports(all: AsyncIterable<SessionReport>): Promise<{ reports: SessionReport[]; reported: number; scoreSum: number }> {
  const reports: SessionReport[] = [];
  let reported = 0;
  let scoreSum = 0;
  for await (const r of all) {
    reported++;
    scoreSum += r.score;
    if (r.outcome !== "success" || r.improvement) reports.push({ ...r, evidence: [] });
  }
  return { reports, reported, scoreSum };
}

/**
 * A group's text as models and people may see it. The raw message stays: it is searched for in the
 * product's code, where redaction placeholders would match nothing.
 */
function redactedGroup(group: FailureGroup): FailureGroup {
  return { ...group, title: redactText(group.title), signal: redactText(group.signal), route: redactText(group.route), intents: group.intents.map(redactText) };
}

/** The deterministic groups, with paraphrased improvements merged when a model is at hand. */
async function grouped(groups: FailureGroup[], opts: PatternOptions): Promise<FailureGroup[]> {
  if (!opts.model) return groups;
  try {
    return await mergeImprovementsWithModel(opts.model, groups);
  } catch (err) {
    opts.log?.warn({ err: String(err) }, "pm model could not compare improvements; keeping the text-similarity groups");
    return groups;
  }
}

async function investigateSafely(opts: PatternOptions, repo: CodeBackend, group: FailureGroup, profile: ProductProfile) {
  try {
    const result = await investigate(opts.model!, repo, group, { product: `${profile.product.name}: ${profile.product.description}` });
    opts.log?.info({ fingerprint: group.fingerprint, steps: result?.steps ?? null }, result ? "pm model located the failure" : "pm model gave no usable finding; using the deterministic search");
    return result;
  } catch (err) {
    opts.log?.warn({ fingerprint: group.fingerprint, err: String(err) }, "pm model failed; using the deterministic search");
    return null;
  }
}

/** The fix route a model-less PM can honestly propose. */
function proposeRoute(group: FailureGroup, locations: FailurePattern["codeLocations"]): string {
  const at = (l: FailurePattern["codeLocations"][number]): string => (l.line ? `${l.path}:${l.line}` : l.path);
  const where = locations.map(at).join(", ");
  if (group.kind === "bug") {
    const fn = group.frames[0]?.function;
    const [raised, ...rest] = locations;
    // The first location is where it is raised; the rest are its callers and where the values it fails on are made.
    return raised
      ? `Reproduce "${group.signal}" with a test, then fix it: it is raised at ${at(raised)}${fn ? ` (${fn})` : ""}${rest.length ? `; what it fails on comes through ${rest.map(at).join(", ")}` : ""}.`
      : `Reproduce "${group.signal}" on ${group.route}; its code location is unknown (no in-app frames or failure strings matched the repository).`;
  }
  return where ? `${group.title} Start from ${where}.` : group.title;
}

/**
 * Gather ran and failed (the weekly run gathers first, the model server down) or did not run: "run
 * gather first" is only the advice for the second; the first needs its cause, which gather stored.
 */
async function whyNoReport(warehouse: Warehouse, week: string): Promise<string> {
  const failed = await warehouse.listFailures({ week });
  const latest = failed.reduce<(typeof failed)[number] | null>((a, f) => (a && a.failedAt >= f.failedAt ? a : f), null);
  if (!latest) return `run \`selfheal gather --week ${week}\` first`;
  return `gather could not score ${failed.length} of them (the latest failure: ${latest.reason}); \`selfheal reports --failed\` lists them: fix the cause, then run \`selfheal gather --week ${week}\``;
}

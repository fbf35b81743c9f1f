import { buildGathererGraph } from "../gatherer/index.js";
import type { GatherMode, GatherSummary, GathererStateType } from "../gatherer/state.js";
import { buildReviewGraph, type ReviewStateType } from "../review/index.js";
import { chooseAnalyst } from "../../agents/analysts/llm/setup.js";
import { loadProfile } from "../../state/loadProfile.js";
import { openWarehouse } from "../../warehouse/index.js";
import type { RunSettings } from "../../runtime/settings.js";
import { configurableFor } from "./configuration.js";
import { SelfhealError } from "../../runtime/errors.js";
import type { DigestFormat } from "../../agents/review/writeDigest.js";
import { buildVerifyGraph } from "../verify/index.js";
import type { VerifySummary } from "../verify/state.js";

/** Where a gather run has got to: sessions it will score, and those scored and failed so far. */
export interface GatherProgress {
  planned: number;
  scored: number;
  failed: number;
}

/**
 * Graphs run in process without a thread: gathering (idempotent by report key, so a crash loses at
 * most the batches in flight) and the digest. One warehouse connection serves the run. A gather whose
 * every session failed is a failed run (the first reason says why: every model request failed, the
 * model server is down), never a success that scored nothing.
 */
export async function runGatherer(
  settings: RunSettings,
  opts: { week: string | null; limit: number | null; analyst?: GatherMode; concurrency: number | null },
  progress: (p: GatherProgress) => void = () => undefined,
): Promise<GatherSummary> {
  const analyst = opts.analyst ?? chooseAnalyst("auto", loadProfile(settings.config).profile, {});
  const warehouse = openWarehouse(settings.db);
  try {
    const stream = await buildGathererGraph()
      .compile()
      .stream(
        { week: opts.week, limit: opts.limit, analyst, concurrency: analyst === "heuristic" ? null : opts.concurrency },
        {
          configurable: configurableFor(settings, { warehouse }),
          // The LLM analyst's batches share one request queue, so running two at once costs nothing.
          maxConcurrency: analyst === "heuristic" ? (opts.concurrency ?? 2) : 2,
          streamMode: ["custom", "values"],
          recursionLimit: 1000,
        },
      );
    let last: GathererStateType | null = null;
    const seen: GatherProgress = { planned: 0, scored: 0, failed: 0 };
    for await (const [mode, chunk] of stream) {
      if (mode === "custom") {
        const c = chunk as { planned?: number; scored?: number; failed?: number };
        seen.planned = c.planned ?? seen.planned;
        seen.scored += c.scored ?? 0;
        seen.failed += c.failed ?? 0;
        progress({ ...seen });
      } else last = chunk as GathererStateType;
    }
    const summary = last?.gatherSummary;
    if (!summary) throw new Error("the gatherer graph ended without a summary");
    if (summary.failed > 0 && summary.scored === 0) {
      throw new SelfhealError(`gather failed: all ${summary.failed} sessions failed with the ${summary.analyst} analyst and none was scored; the first failure: ${summary.firstFailure ?? "no reason was recorded"}`);
    }
    return summary;
  } finally {
    await warehouse.close();
  }
}

/** Writes the week's digest, a page or Markdown (to `out`, else the data folder's digests/). */
export async function runReview(settings: RunSettings, opts: { week: string; out?: string | null; format?: DigestFormat }): Promise<NonNullable<ReviewStateType["digest"]>> {
  const warehouse = openWarehouse(settings.db);
  try {
    const state = (await buildReviewGraph()
      .compile()
      .invoke({ week: opts.week, digestOut: opts.out ?? null, digestFormat: opts.format ?? "html" }, { configurable: configurableFor(settings, { warehouse }) })) as ReviewStateType;
    if (!state.digest) throw new Error("the review graph ended without a digest");
    return state.digest;
  } finally {
    await warehouse.close();
  }
}

/** Checks the shipped fixes against the sessions up to the week's end; reopens those that did not hold. */
export async function runVerify(settings: RunSettings, opts: { week: string }): Promise<VerifySummary> {
  const warehouse = openWarehouse(settings.db);
  try {
    const state = await buildVerifyGraph().compile().invoke({ week: opts.week }, { configurable: configurableFor(settings, { warehouse }) });
    if (!state.verifySummary) throw new Error("the verify graph ended without a summary");
    return state.verifySummary;
  } finally {
    await warehouse.close();
  }
}

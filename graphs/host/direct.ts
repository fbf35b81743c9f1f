import { buildGathererGraph } from "../gatherer/index.js";
import type { Analyst, GatherSummary, GathererStateType } from "../gatherer/state.js";
import { buildReviewGraph, type ReviewStateType } from "../review/index.js";
import { chooseAnalyst } from "../../agents/analysts/llm/setup.js";
import { loadProfile } from "../../state/loadProfile.js";
import { openWarehouse } from "../../warehouse/index.js";
import type { RunSettings } from "../../runtime/settings.js";
import { configurableFor } from "./configuration.js";

/**
 * Graphs run in process without a thread: gathering (idempotent by report key, so a crash loses at
 * most the batches in flight) and the digest. One warehouse connection serves the run.
 */
export async function runGatherer(
  settings: RunSettings,
  opts: { week: string | null; limit: number | null; analyst?: Analyst; concurrency: number | null },
  progress: (line: string) => void = () => undefined,
): Promise<GatherSummary> {
  const analyst = opts.analyst ?? chooseAnalyst("auto", loadProfile(settings.config).profile, {});
  const warehouse = openWarehouse(settings.db);
  try {
    const stream = await buildGathererGraph()
      .compile()
      .stream(
        { week: opts.week, limit: opts.limit, analyst, concurrency: analyst === "llm" ? opts.concurrency : null },
        {
          configurable: configurableFor(settings, { warehouse }),
          // The LLM analyst's batches share one request queue, so running two at once costs nothing.
          maxConcurrency: analyst === "llm" ? 2 : (opts.concurrency ?? 2),
          streamMode: ["custom", "values"],
          recursionLimit: 1000,
        },
      );
    let last: GathererStateType | null = null;
    let scored = 0;
    let failed = 0;
    for await (const [mode, chunk] of stream) {
      if (mode === "custom") {
        const c = chunk as { scored?: number; failed?: number };
        scored += c.scored ?? 0;
        failed += c.failed ?? 0;
        progress(`gather: ${scored} sessions scored${failed ? `, ${failed} failed` : ""}`);
      } else last = chunk as GathererStateType;
    }
    if (!last?.gatherSummary) throw new Error("the gatherer graph ended without a summary");
    return last.gatherSummary;
  } finally {
    await warehouse.close();
  }
}

/** Writes the week's digest (to `out`, else the data folder's digests/). */
export async function runReview(settings: RunSettings, opts: { week: string; out?: string | null }): Promise<NonNullable<ReviewStateType["digest"]>> {
  const warehouse = openWarehouse(settings.db);
  try {
    const state = (await buildReviewGraph()
      .compile()
      .invoke({ week: opts.week, digestOut: opts.out ?? null }, { configurable: configurableFor(settings, { warehouse }) })) as ReviewStateType;
    if (!state.digest) throw new Error("the review graph ended without a digest");
    return state.digest;
  } finally {
    await warehouse.close();
  }
}

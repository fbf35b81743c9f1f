import { Annotation, END, START, StateGraph, type LangGraphRunnableConfig } from "@langchain/langgraph";
import { join } from "node:path";
import { withRunContext } from "../host/runContext.js";
import { writeDigest } from "../../agents/review/writeDigest.js";
import { currentReportStream } from "../../agents/analysts/currentReports.js";
import type { DigestFormat, DigestSummary } from "../../agents/review/writeDigest.js";
import { Configuration } from "../host/configuration.js";
import { digestFolder } from "./digestFolder.js";

export const ReviewState = Annotation.Root({
  /** ISO week to review (YYYY-Www). */
  week: Annotation<string | null>({ reducer: (_a, b) => b, default: () => null }),
  /** Where to write the digest; defaults to <data dir>/digests/<week>.<html|md> (digests/<warehouse name>/ beside another warehouse: digestFolder.ts). */
  digestOut: Annotation<string | null>({ reducer: (_a, b) => b, default: () => null }),
  /** html (a self-contained page, the default) or md (Markdown for chat). */
  digestFormat: Annotation<DigestFormat>({ reducer: (_a, b) => b, default: () => "html" }),
  /** The stage's result, the one key the weekly graph reads back. */
  digest: Annotation<{ path: string; summary: DigestSummary } | null>({ reducer: (_a, b) => b, default: () => null }),
});
export type ReviewStateType = typeof ReviewState.State;

async function writeWeekDigest(state: ReviewStateType, config: LangGraphRunnableConfig): Promise<typeof ReviewState.Update> {
  const week = state.week;
  if (!week) throw new Error("review graph needs a week (YYYY-Www) in its input");
  return withRunContext(config, async ({ warehouse, profile, settings }) => {
    const outFile = state.digestOut ?? join(digestFolder(settings), `${week}.${state.digestFormat}`);
    const digest = await writeDigest(warehouse, {
      week,
      outFile,
      productName: profile.profile.product.name,
      format: state.digestFormat,
      reportsOf: (w) => currentReportStream(warehouse, profile.profile, w),
    });
    return { digest };
  });
}

/** Monday review: the week on one self-contained HTML page (or in Markdown for chat). */
export function buildReviewGraph() {
  return new StateGraph(ReviewState, Configuration).addNode("writeDigest", writeWeekDigest).addEdge(START, "writeDigest").addEdge("writeDigest", END);
}

export const reviewGraph = buildReviewGraph().compile();
reviewGraph.name = "review";

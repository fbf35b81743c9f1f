import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import { basename, dirname, join, resolve } from "node:path";
import type { Warehouse } from "../../warehouse/types.js";
import { collectDigest } from "./digestData.js";
import type { SessionReport } from "../../state/report.js";
import { renderDigestHtml } from "./renderDigest.js";
import { renderDigestMarkdown } from "./renderMarkdown.js";

/** The digest's two forms: a self-contained HTML page, or Markdown for chat. */
export type DigestFormat = "html" | "md";

/** What the digest says, in a few numbers: for the CLI's output, the run record and graph state. */
export interface DigestSummary {
  week: string;
  sessions: number;
  impliedNps: number | null;
  meanScore: number | null;
  patterns: number;
  tickets: number;
  fixAttempts: number;
}

/**
 * Collects the week's digest and writes it as one HTML (or Markdown) file. The write is atomic: the page goes to a temp
 * file in the same folder and is renamed over the target, so a reader never sees half a page.
 */
export async function writeDigest(
  warehouse: Warehouse,
  opts: { week: string; outFile: string; productName: string; format?: DigestFormat; analystVersion?: string; reportsOf?: (week: string) => AsyncIterable<SessionReport> },
): Promise<{ path: string; summary: DigestSummary }> {
  const { week, analystVersion, reportsOf } = opts;
  const data = await collectDigest(warehouse, week, { ...(analystVersion === undefined ? {} : { analystVersion }), ...(reportsOf ? { reportsOf } : {}) });
  const product = { name: opts.productName };
  const page = opts.format === "md" ? renderDigestMarkdown(data, product) : renderDigestHtml(data, product);

  const path = resolve(opts.outFile);
  const folder = dirname(path);
  await mkdir(folder, { recursive: true });
  const temp = join(folder, `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await writeFile(temp, page, "utf8");
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }

  return {
    path,
    summary: {
      week: data.week,
      sessions: data.sessions,
      impliedNps: data.impliedNps,
      meanScore: data.meanScore,
      patterns: data.patterns.length,
      tickets: data.ticketsTotal,
      fixAttempts: data.fixAttemptsTotal,
    },
  };
}

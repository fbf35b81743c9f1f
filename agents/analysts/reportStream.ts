import type { Warehouse } from "../../warehouse/types.js";
import type { ReportCursor, ReportQuery } from "../../warehouse/stores/reports.js";
import type { SessionReport } from "../../state/report.js";

/** Reports read per query: what one page holds in memory, whatever the week's size. */
export const REPORT_PAGE = 2000;

/** A report with its session's start, the key listReports orders by (start, then session id). */
export interface KeyedReport {
  report: SessionReport;
  startedAt: string;
}

/** Every report of the query in listReports' order, read a page at a time. */
export async function* keyedReports(warehouse: Warehouse, query: ReportQuery, pageSize = REPORT_PAGE): AsyncGenerator<KeyedReport> {
  let after: ReportCursor | null = null;
  do {
    const page = await warehouse.listReportPage({ ...query, after, limit: pageSize });
    // pageOf keys the cursor on the last row; each row's start comes back with it.
    const starts = page.startedAt;
    for (let i = 0; i < page.reports.length; i++) {
      const report = page.reports[i];
      const startedAt = starts[i];
      if (report && startedAt !== undefined) yield { report, startedAt };
    }
    after = page.next;
  } while (after);
}

/** The reports alone, in listReports' order, a page at a time. */
export async function* reportStream(warehouse: Warehouse, query: ReportQuery, pageSize = REPORT_PAGE): AsyncGenerator<SessionReport> {
  for await (const { report } of keyedReports(warehouse, query, pageSize)) yield report;
}

/** Everything an iterable gives, in an array (for callers that need all of it at once). */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

function before(a: KeyedReport, b: KeyedReport): boolean {
  return a.startedAt < b.startedAt || (a.startedAt === b.startedAt && a.report.sessionId < b.report.sessionId);
}

/**
 * The rules' reports with the model's standing in for them where it scored the session, in the rules'
 * order; then the sessions only the model scored, in its order. Both streams come in the same order
 * (session start, then id), so one pass over each merges them; only the model-only sessions are held.
 */
export async function* preferModel(rules: AsyncIterable<KeyedReport>, model: AsyncIterable<KeyedReport>): AsyncGenerator<SessionReport> {
  const modelOnly: SessionReport[] = [];
  const models = model[Symbol.asyncIterator]();
  let next = await models.next();
  for await (const rule of rules) {
    while (!next.done && before(next.value, rule)) {
      modelOnly.push(next.value.report);
      next = await models.next();
    }
    if (!next.done && next.value.report.sessionId === rule.report.sessionId) {
      yield next.value.report;
      next = await models.next();
    } else yield rule.report;
  }
  yield* modelOnly;
  for (; !next.done; next = await models.next()) yield next.value.report;
}

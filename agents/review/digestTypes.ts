import type { Outcome } from "../../state/report.js";
import type { CodeLocation, PatternKind } from "../../state/pattern.js";
import type { FixStatus, TicketStatus } from "../../state/ticket.js";
import type { ShippedBy, Verdict, WindowFigures } from "../../state/verdict.js";

/** The digest's data model: small derived numbers and a handful of examples, never every report. */

/** One point of a trend: a week or a day, with a gap (nps null) when nothing was scored. */
export interface TrendPoint {
  key: string;
  label: string;
  sessions: number;
  nps: number | null;
  /** Fixes that shipped in this week (weekly points only): the trend marks them. */
  fixesShipped?: number;
}

export interface DepartmentRow {
  department: string;
  sessions: number;
  meanScore: number | null;
  impliedNps: number | null;
}

export interface PatternRow {
  fingerprint: string;
  title: string;
  kind: PatternKind;
  department: string;
  sessions: number;
  averageScore: number;
  decision: "ticket" | "flag";
  priority: number;
  route: string;
  codeLocations: CodeLocation[];
  /** Locations left out of codeLocations to keep the digest small. */
  moreCodeLocations: number;
  ticketId: string | null;
}

export interface TicketRow {
  id: string;
  url: string;
  title: string;
  kind: PatternKind;
  status: TicketStatus;
  priority: number;
  labels: string[];
  sessions: number;
}

export interface FixRow {
  ticketId: string;
  ticketTitle: string | null;
  status: FixStatus;
  branch: string;
  prUrl: string | null;
  reason: string;
  testsBefore: string | null;
  testsAfter: string | null;
  createdAt: string;
}

/** The figures of one window that the digest shows. */
export type VerdictFigures = Pick<WindowFigures, "sessions" | "productSessions" | "perThousand" | "nps">;

/** "Did last week's fixes work?": one shipped fix, its verdict and its before/after figures. */
export interface VerdictRow {
  ticketId: string;
  ticketUrl: string;
  title: string;
  department: string;
  shippedAt: string;
  shippedBy: ShippedBy;
  verdict: Verdict;
  reason: string;
  before: VerdictFigures;
  after: VerdictFigures | null;
  npsChange: { change: number; low: number; high: number; confidence: number } | null;
  worse: boolean;
  recurred: boolean;
  reopened: boolean;
}

export interface ExampleReport {
  sessionId: string;
  score: number;
  outcome: Outcome;
  department: string;
  userIntent: string;
  userSuccess: string;
  improvement: string;
}

/** Everything the Monday digest shows, as small derived numbers and a handful of examples. */
export interface DigestData {
  week: string;
  /** Monday and Sunday of the week, YYYY-MM-DD (UTC). */
  firstDay: string;
  lastDay: string;
  analystVersion: string | null;
  generatedAt: string;
  sessions: number;
  /** Sessions of people who used the product: what the implied NPS, the mean and the trends count. */
  productSessions: number;
  /** Acquisition, beside the NPS and not in it: quick bounces, and visitors who wanted another product. */
  acquisition: { bounces: number; wrongProduct: number };
  /** Errors that were not the product's (extensions, third-party scripts, benign browser errors): never ticketed. */
  noise: { signal: string; sessions: number }[];
  /** Over the product sessions. */
  impliedNps: number | null;
  /** Mean score 0-10, one decimal; null when nothing was scored. */
  meanScore: number | null;
  previousWeek: { week: string; sessions: number; impliedNps: number | null };
  npsChange: number | null;
  /** Count of reports per score, index = score 0..10. */
  distribution: number[];
  outcomes: Record<Outcome, number>;
  departments: DepartmentRow[];
  /** Oldest first, ending with this week. */
  weeklyTrend: TrendPoint[];
  /** Monday to Sunday of this week. */
  dailyTrend: TrendPoint[];
  patterns: PatternRow[];
  tickets: TicketRow[];
  /** Tickets that qualified before the list was capped. */
  ticketsTotal: number;
  fixAttempts: FixRow[];
  fixAttemptsTotal: number;
  /** The latest check of each shipped fix made this week (verify runs before the review). */
  fixVerdicts: VerdictRow[];
  lowest: ExampleReport[];
}

// The app's five bugs as exception stacks (outermost frame first, crash site last,
// as PostHog orders them), with file paths written in the styles real SDKs send.
import { locate, type FrameSpec, type LocatedFrame } from "./app-source.js";
import type { ExceptionEntry, StackFrame } from "./types.js";

export type BugName = "hubspot_scope" | "tool_timeout" | "workflow_schema" | "csv_bom" | "rare_timezone";

export type PathStyle = "relative" | "webpack" | "absolute";

const OUTER: FrameSpec[] = [
  { file: "src/server.ts", fn: "handleRequest", at: "router.dispatch(" },
  { file: "src/router.ts", fn: "Router.dispatch", at: "route.handler(" },
];

const BUG_FRAMES: Record<BugName, { type: string; frames: FrameSpec[] }> = {
  hubspot_scope: {
    type: "HubSpotApiError",
    frames: [
      { file: "src/api/integrations.ts", fn: "Object.finishHubSpotSetup", at: "client.listCompanies(" },
      { file: "src/integrations/hubspot.ts", fn: "HubSpotClient.listCompanies", at: "this.request" },
      { file: "src/integrations/hubspot.ts", fn: "HubSpotClient.request", at: "new HubSpotApiError" },
    ],
  },
  tool_timeout: {
    type: "ToolTimeoutError",
    frames: [
      { file: "src/api/tools.ts", fn: "Object.runToolHandler", at: "runTool(" },
      { file: "src/tools/runner.ts", fn: "runTool", at: "new ToolTimeoutError" },
    ],
  },
  workflow_schema: {
    type: "SchemaValidationError",
    frames: [
      { file: "src/api/workflows.ts", fn: "Object.getWorkflow", at: "assertResponse(" },
      { file: "src/api/schema.ts", fn: "assertResponse", at: "new SchemaValidationError" },
    ],
  },
  csv_bom: {
    type: "CsvImportError",
    frames: [
      { file: "src/api/imports.ts", fn: "Object.uploadContacts", at: "importContacts(" },
      { file: "src/import/csv.ts", fn: "importContacts", at: "requireColumn(" },
      { file: "src/import/csv.ts", fn: "requireColumn", at: "new CsvImportError" },
    ],
  },
  rare_timezone: {
    type: "RangeError",
    frames: [
      { file: "src/pages/runs.ts", fn: "Object.renderRunsPage", at: "formatRunTime(" },
      { file: "src/format/dates.ts", fn: "formatRunTime", at: "toISOString(" },
    ],
  },
};

export const BUG_NAMES = Object.keys(BUG_FRAMES) as BugName[];

let located: Record<BugName, LocatedFrame[]> | undefined;

/** In-app frames of every bug, located in the app source once, on first use. */
export function bugFrames(): Record<BugName, LocatedFrame[]> {
  if (!located) {
    const entries = BUG_NAMES.map((bug) => [bug, [...OUTER, ...BUG_FRAMES[bug].frames].map((spec) => locate(spec))] as const);
    located = Object.fromEntries(entries) as Record<BugName, LocatedFrame[]>;
  }
  return located;
}

export function bugErrorType(bug: BugName): string {
  return BUG_FRAMES[bug].type;
}

function appPath(file: string, style: PathStyle): string {
  if (style === "webpack") return `webpack:///./${file}`;
  if (style === "absolute") return `/srv/acme/${file}`;
  return file;
}

function vendor(filename: string, fn: string, lineno: number, colno: number): StackFrame {
  return { filename, function: fn, lineno, colno, in_app: false, platform: "node:javascript" };
}

export interface ExceptionOptions {
  style: PathStyle;
  /** Production runs behind OpenTelemetry's async context wrapper. */
  instrumented: boolean;
}

export function exceptionEntry(bug: BugName, message: string, opts: ExceptionOptions): ExceptionEntry {
  const platform = opts.style === "webpack" ? "web:javascript" : "node:javascript";
  const frames: StackFrame[] = [vendor("node:internal/process/task_queues", "process.processTicksAndRejections", 95, 5)];
  if (opts.instrumented) {
    const lib = appPath("node_modules/@opentelemetry/context-async-hooks/build/src/AbstractAsyncHooksContextManager.js", opts.style);
    frames.push(vendor(lib, "contextWrapper", 50, 32));
  }
  for (const frame of bugFrames()[bug]) {
    frames.push({ filename: appPath(frame.file, opts.style), function: frame.fn, lineno: frame.lineno, colno: frame.colno, in_app: true, platform });
  }
  if (bug === "rare_timezone") frames.push(vendor("<anonymous>", "Date.toISOString", 0, 0));
  return {
    type: bugErrorType(bug),
    value: message,
    mechanism: { handled: false, type: "generic" },
    stacktrace: { type: "resolved", frames },
  };
}

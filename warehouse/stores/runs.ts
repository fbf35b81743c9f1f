export type RunStatus = "succeeded" | "failed" | "interrupted";

export interface RunRecord {
  id: string;
  kind: string;
  week: string | null;
  startedAt: string;
  finishedAt: string | null;
  /** "running" until finished. */
  status: string;
  summary: unknown;
  /** The checkpointed thread it ran on, if any. */
  thread: string | null;
  /** The process that ran it: its id and the machine it ran on. */
  pid: number | null;
  host: string | null;
}

export interface NewRun {
  id: string;
  kind: string;
  week: string | null;
  thread?: string | null;
  pid?: number | null;
  host?: string | null;
  /** What the run records as it starts (finishRun replaces it), so a killed run still says what it ran on. */
  summary?: unknown;
}

/** Runs of commands and graphs, for the digest, for operators, and to find threads waiting at a gate. */
export interface RunStore {
  startRun(run: NewRun): Promise<void>;
  finishRun(id: string, status: RunStatus, summary: unknown): Promise<void>;
  /** Newest first. */
  listRuns(limit?: number): Promise<RunRecord[]>;
}

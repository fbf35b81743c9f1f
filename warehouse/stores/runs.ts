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
}

/** Runs of commands and graphs, for the digest, for operators, and to find threads waiting at a gate. */
export interface RunStore {
  startRun(run: { id: string; kind: string; week: string | null }): Promise<void>;
  finishRun(id: string, status: RunStatus, summary: unknown): Promise<void>;
  /** Newest first. */
  listRuns(limit?: number): Promise<RunRecord[]>;
}

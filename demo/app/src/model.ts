// Domain types shared by the API, the pages and the store.

export type StepType = "trigger" | "http_request" | "send_email" | "delay" | "update_crm" | "run_tool";

export interface WorkflowStep {
  id: string;
  type: StepType;
  name: string;
  /** Steps added from the editor start unconfigured until the user fills them in. */
  config?: Record<string, unknown>;
}

export interface Workflow {
  id: string;
  name: string;
  ownerId: string;
  status: "draft" | "published";
  /** IANA name ("Europe/Paris") or a fixed offset ("UTC+2"); set in the workflow settings. */
  timezone: string;
  steps: WorkflowStep[];
  createdAt: string;
  updatedAt: string;
}

export interface WorkflowRun {
  id: string;
  workflowId: string;
  startedAt: string;
  status: "succeeded" | "failed" | "running";
}

export interface Contact {
  email: string;
  name: string;
  company: string;
}

export const STEP_TYPES: readonly StepType[] = [
  "trigger",
  "http_request",
  "send_email",
  "delay",
  "update_crm",
  "run_tool",
];

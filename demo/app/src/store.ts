// In-memory store. Production swaps this for Postgres; the interface stays the same.
import { HttpError } from "./http.js";
import type { Contact, Workflow, WorkflowRun } from "./model.js";

export class Store {
  private readonly workflows = new Map<string, Workflow>();
  private readonly runs: WorkflowRun[] = [];
  private readonly contacts = new Map<string, Contact>();
  private seq = 1000;

  nextId(prefix: string): string {
    this.seq += 1;
    return `${prefix}_${this.seq}`;
  }

  listWorkflows(): Workflow[] {
    return [...this.workflows.values()];
  }

  getWorkflow(id: string): Workflow {
    const workflow = this.workflows.get(id);
    if (!workflow) throw new HttpError(404, `Workflow ${id} not found`);
    return workflow;
  }

  saveWorkflow(workflow: Workflow): Workflow {
    this.workflows.set(workflow.id, workflow);
    return workflow;
  }

  addRun(run: WorkflowRun): void {
    this.runs.push(run);
  }

  runsFor(workflowId: string): WorkflowRun[] {
    return this.runs.filter((run) => run.workflowId === workflowId);
  }

  /** Upserts by email, so re-importing the same file does not duplicate contacts. */
  addContacts(list: Contact[]): number {
    for (const contact of list) this.contacts.set(contact.email, contact);
    return list.length;
  }

  contactCount(): number {
    return this.contacts.size;
  }
}

/** Sample workspace used by the dev server and the tests. */
export function seededStore(): Store {
  const store = new Store();
  const at = "2025-03-03T09:00:00.000Z";
  store.saveWorkflow({
    id: "wf_1001", name: "Welcome new leads", ownerId: "usr_1", status: "published",
    timezone: "Europe/Paris", createdAt: at, updatedAt: at,
    steps: [
      { id: "st_1", type: "trigger", name: "New HubSpot contact", config: { source: "hubspot" } },
      { id: "st_2", type: "send_email", name: "Send welcome email", config: { template: "welcome" } },
    ],
  });
  store.saveWorkflow({
    id: "wf_1002", name: "Notify sales on demo request", ownerId: "usr_1", status: "draft",
    timezone: "America/New_York", createdAt: at, updatedAt: at,
    steps: [
      { id: "st_3", type: "trigger", name: "Demo form submitted", config: { form: "demo" } },
      { id: "st_4", type: "run_tool", name: "Enrich company", config: { tool: "enrich_company" } },
      { id: "st_5", type: "delay", name: "Wait" },
      { id: "st_6", type: "send_email", name: "Notify owner", config: { template: "notify" } },
    ],
  });
  // Migrated from Acme v1, which did not store a timezone.
  store.saveWorkflow({
    id: "wf_1003", name: "Weekly pipeline digest", ownerId: "usr_2", status: "published",
    timezone: "", createdAt: "2023-11-20T08:00:00.000Z", updatedAt: "2023-11-20T08:00:00.000Z",
    steps: [{ id: "st_7", type: "trigger", name: "Manual", config: { event: "manual" } }],
  });
  store.addRun({ id: "run_5001", workflowId: "wf_1001", startedAt: "2025-03-04T10:15:00.000Z", status: "succeeded" });
  store.addRun({ id: "run_5002", workflowId: "wf_1001", startedAt: "2025-03-05T16:40:00.000Z", status: "failed" });
  store.addRun({ id: "run_5003", workflowId: "wf_1003", startedAt: "2025-03-03T07:00:00.000Z", status: "succeeded" });
  return store;
}

import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { FaultPlan } from "./faultPlan.js";
import { buildSchema, getArgumentValues, getVariableValues, Kind, parse, validate, type GraphQLSchema, type OperationDefinitionNode } from "graphql";

/** Linear's public schema, kept beside the project (see its README): every operation is checked against it. */
export const LINEAR_SCHEMA_PATH = fileURLToPath(new URL("../../shared/reference/linear/schema.graphql", import.meta.url));

/** One root field an operation asked for, with its arguments resolved from literals and variables. */
export interface LinearCall {
  operation: string;
  field: string;
  args: Record<string, unknown>;
}

interface FakeIssue {
  id: string;
  identifier: string;
  url: string;
  teamId: string;
  title: string;
  description: string;
  priority: number;
  labelIds: string[];
  stateId: string;
  completedAt: string | null;
}

type Json = Record<string, unknown>;

/**
 * A local stand-in for Linear's GraphQL API: each request is parsed and validated against the real
 * schema (a document or variables Linear would reject get a 400 and land in `rejected`), its root fields'
 * arguments are resolved the way a server does, recorded in `calls`, and answered from an in-memory
 * workspace of one team. Test double, not used in production.
 */
export class FakeLinearServer {
  readonly calls: LinearCall[] = [];
  readonly rejected: string[] = [];
  readonly issues: FakeIssue[] = [];
  readonly labels: { id: string; name: string; teamId: string | null }[] = [{ id: "lbl-ws-bug", name: "Bug", teamId: null }];
  readonly comments: { issueId: string; body: string }[] = [];
  readonly states = [
    { id: "st-backlog", name: "Backlog", type: "backlog", position: 0 },
    { id: "st-todo", name: "Todo", type: "unstarted", position: 1 },
    { id: "st-doing", name: "In Progress", type: "started", position: 2 },
    { id: "st-review", name: "In Review", type: "started", position: 2.5 },
    { id: "st-done", name: "Done", type: "completed", position: 3 },
    { id: "st-canceled", name: "Canceled", type: "canceled", position: 4 },
  ];
  readonly team = { id: "0b5c8f8e-1d2a-4c3b-9e4f-5a6b7c8d9e0f", key: "ENG", name: "Engineering" };
  private readonly schema: GraphQLSchema;
  private server: Server | null = null;
  private seq = 0;
  /** Faults to answer a share of requests with (429s, 5xx, timeouts, cut and invalid bodies, dropped connections). */
  faults: FaultPlan | null = null;
  /** The GraphQL endpoint, once started. */
  url = "";

  constructor(private readonly apiKey: string) {
    this.schema = linearSchema();
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const handled = () =>
        this.handle(req)
          .catch((err: unknown) => this.reject(500, `the fake failed: ${String(err)}`))
          .then(({ status, json }) => ({ status, body: JSON.stringify(json) }));
      if (this.faults) return void this.faults.serve(req, res, handled);
      void handled().then(({ status, body }) => res.writeHead(status, { "content-type": "application/json" }).end(body));
    });
    await new Promise<void>((done) => this.server!.listen(0, "127.0.0.1", done));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/graphql`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((done) => (this.server ? this.server.close(() => done()) : done()));
  }

  /** Moves an issue to a state, as a human would in Linear (`at`: when, for a completed state). */
  setState(identifier: string, type: string, at: Date = new Date()): void {
    const issue = this.issues.find((i) => i.identifier === identifier);
    const state = this.states.find((s) => s.type === type);
    if (!issue || !state) throw new Error(`no issue ${identifier} or state ${type}`);
    this.moveTo(issue, state.id, at);
  }

  /** Linear stamps completedAt on entering a completed state and clears it on leaving. */
  private moveTo(issue: FakeIssue, stateId: string, at: Date): void {
    issue.stateId = stateId;
    issue.completedAt = this.states.find((s) => s.id === stateId)?.type === "completed" ? at.toISOString() : null;
  }

  callsTo(field: string): LinearCall[] {
    return this.calls.filter((c) => c.field === field);
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; json: unknown }> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (req.headers.authorization !== this.apiKey) return this.reject(401, `bad Authorization header: ${req.headers.authorization ?? "none"}`);
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { query?: string; variables?: Json };
    let doc;
    try {
      doc = parse(body.query ?? "");
    } catch (err) {
      return this.reject(400, `unparsable document: ${(err as Error).message}`);
    }
    const errors = validate(this.schema, doc);
    if (errors.length) return this.reject(400, errors.map((e) => e.message).join("; "));
    const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    if (!op) return this.reject(400, "no operation");
    const vars = getVariableValues(this.schema, op.variableDefinitions ?? [], body.variables ?? {});
    if (vars.errors) return this.reject(400, vars.errors.map((e) => e.message).join("; "));
    const root = op.operation === "mutation" ? this.schema.getMutationType() : this.schema.getQueryType();
    const data: Json = {};
    for (const sel of op.selectionSet.selections) {
      if (sel.kind !== Kind.FIELD) continue;
      const def = root?.getFields()[sel.name.value];
      if (!def) return this.reject(400, `unknown field ${sel.name.value}`);
      const args = getArgumentValues(def, sel, vars.coerced) as Json;
      const call = { operation: op.name?.value ?? "?", field: sel.name.value, args };
      this.calls.push(call);
      const answer = this.answer(call);
      if (answer instanceof Error) return { status: 200, json: { data: null, errors: [{ message: answer.message, extensions: { type: "invalid input" } }] } };
      data[sel.alias?.value ?? sel.name.value] = answer;
    }
    return { status: 200, json: { data } };
  }

  private reject(status: number, why: string): { status: number; json: unknown } {
    this.rejected.push(why);
    return { status, json: { errors: [{ message: why }] } };
  }

  private answer({ field, args }: LinearCall): unknown {
    const input = (args["input"] ?? {}) as Json;
    const filter = (args["filter"] ?? {}) as Record<string, Record<string, unknown> | undefined>;
    switch (field) {
      case "teams": {
        const key = filter["key"]?.["eq"];
        return connection([this.team].filter((t) => key === undefined || t.key === key));
      }
      case "issueLabels": {
        const or = ((args["filter"] as { or?: { name?: { eqIgnoreCase?: string } }[] } | undefined)?.or ?? []);
        const names = or.map((f) => f.name?.eqIgnoreCase?.toLowerCase());
        return connection(this.labels.filter((l) => names.includes(l.name.toLowerCase())).map((l) => ({ id: l.id, name: l.name, team: l.teamId ? { id: l.teamId } : null })));
      }
      case "issueLabelCreate": {
        if (input["teamId"] !== this.team.id) return new Error(`unknown team ${String(input["teamId"])}`);
        const label = { id: `lbl-${++this.seq}`, name: String(input["name"]), teamId: this.team.id };
        this.labels.push(label);
        return { __typename: "IssueLabelPayload", success: true, lastSyncId: this.seq, issueLabel: { id: label.id } };
      }
      case "issueCreate": {
        const problem = this.checkIssueInput(input, true);
        if (problem) return new Error(problem);
        const n = this.issues.length + 1;
        const issue: FakeIssue = {
          id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
          identifier: `${this.team.key}-${n}`,
          url: `https://linear.app/acme/issue/${this.team.key}-${n}`,
          teamId: String(input["teamId"]),
          title: String(input["title"]),
          description: String(input["description"] ?? ""),
          priority: Number(input["priority"] ?? 0),
          labelIds: (input["labelIds"] ?? []) as string[],
          stateId: "st-todo",
          completedAt: null,
        };
        this.issues.push(issue);
        return { __typename: "IssuePayload", success: true, lastSyncId: ++this.seq, issue: { id: issue.id } };
      }
      case "issueUpdate": {
        const issue = this.find(String(args["id"]));
        if (!issue) return new Error("Entity not found: Issue");
        const problem = this.checkIssueInput(input, false);
        if (problem) return new Error(problem);
        if (typeof input["description"] === "string") issue.description = input["description"];
        if (typeof input["title"] === "string") issue.title = input["title"];
        if (typeof input["priority"] === "number") issue.priority = input["priority"];
        if (Array.isArray(input["labelIds"])) issue.labelIds = input["labelIds"] as string[];
        if (typeof input["stateId"] === "string") this.moveTo(issue, input["stateId"], new Date());
        return { __typename: "IssuePayload", success: true, lastSyncId: ++this.seq, issue: { id: issue.id } };
      }
      case "commentCreate": {
        const issue = this.find(String(input["issueId"]));
        if (!issue) return new Error("Entity not found: Issue");
        this.comments.push({ issueId: issue.id, body: String(input["body"]) });
        return { __typename: "CommentPayload", success: true, lastSyncId: ++this.seq, comment: { id: `cmt-${this.comments.length}` } };
      }
      case "comments": {
        const on = (filter["issue"] as { id?: { eq?: unknown } } | undefined)?.id?.eq;
        const body = filter["body"]?.["eq"];
        return connection(this.comments.flatMap((c, i) => (c.issueId === on && c.body === body ? [{ id: `cmt-${i + 1}` }] : [])));
      }
      case "issue": {
        const issue = this.find(String(args["id"]));
        return issue ? this.view(issue) : new Error("Entity not found: Issue");
      }
      case "issues": {
        const contains = filter["description"]?.["contains"];
        return connection(this.issues.filter((i) => typeof contains === "string" && i.description.includes(contains)).map((i) => this.view(i)));
      }
      case "workflowStates":
        return connection(this.states.map((s) => ({ ...s, __typename: "WorkflowState", color: "#000", createdAt: "2026-01-01T00:00:00.000Z", updatedAt: "2026-01-01T00:00:00.000Z", team: { id: this.team.id } })));
      default:
        return new Error(`the fake does not serve ${field}`);
    }
  }

  private checkIssueInput(input: Json, creating: boolean): string | null {
    if (creating && input["teamId"] !== this.team.id) return `unknown team ${String(input["teamId"])}`;
    const priority = input["priority"];
    if (priority !== undefined && (typeof priority !== "number" || priority < 0 || priority > 4)) return `priority out of range: ${String(priority)}`;
    for (const id of (input["labelIds"] ?? []) as string[]) if (!this.labels.some((l) => l.id === id)) return `unknown label ${id}`;
    const stateId = input["stateId"];
    if (stateId !== undefined && !this.states.some((s) => s.id === stateId)) return `unknown state ${String(stateId)}`;
    return null;
  }

  private find(idOrIdentifier: string): FakeIssue | undefined {
    return this.issues.find((i) => i.id === idOrIdentifier || i.identifier === idOrIdentifier);
  }

  private view(i: FakeIssue): Json {
    const state = this.states.find((s) => s.id === i.stateId);
    return { id: i.id, identifier: i.identifier, url: i.url, priority: i.priority, completedAt: i.completedAt, title: i.title, description: i.description, state: state ? { id: state.id, type: state.type } : null };
  }
}

let cachedSchema: GraphQLSchema | null = null;

/** Building the 1.2 MB schema takes a second: once per process. */
function linearSchema(): GraphQLSchema {
  if (!existsSync(LINEAR_SCHEMA_PATH)) throw new Error(`Linear's schema is missing at ${LINEAR_SCHEMA_PATH}: the fake cannot check operations without it`);
  cachedSchema ??= buildSchema(readFileSync(LINEAR_SCHEMA_PATH, "utf8"));
  return cachedSchema;
}

function connection(nodes: unknown[]): Json {
  return { nodes, pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } };
}

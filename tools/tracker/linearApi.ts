import type { LinearClient } from "@linear/sdk";
import type { TicketStatus } from "../../state/ticket.js";

/**
 * The reads the Linear tracker needs, as small documents of our own sent through the SDK's raw request:
 * the SDK's generated Teams and IssueLabels documents select fields newer than some workspaces' schema,
 * and these ask only for what is used.
 */
const TEAM_BY_KEY = /* GraphQL */ `
  query SelfhealTeam($key: String!) {
    teams(filter: { key: { eq: $key } }, first: 1) { nodes { id key } }
  }`;

const LABELS_BY_NAME = /* GraphQL */ `
  query SelfhealLabels($filter: IssueLabelFilter) {
    issueLabels(filter: $filter, first: 250) { nodes { id name team { id } } }
  }`;

const ISSUE = /* GraphQL */ `
  query SelfhealIssue($id: String!) {
    issue(id: $id) { id identifier url priority completedAt state { id type } }
  }`;

const ISSUE_BY_FINGERPRINT = /* GraphQL */ `
  query SelfhealIssueByFingerprint($teamId: ID!, $marker: String!) {
    issues(filter: { team: { id: { eq: $teamId } }, description: { contains: $marker } }, first: 1) {
      nodes { id identifier url priority completedAt state { id type } }
    }
  }`;

const COMMENT_ON_ISSUE = /* GraphQL */ `
  query SelfhealComment($issueId: ID!, $body: String!) {
    comments(filter: { issue: { id: { eq: $issueId } }, body: { eq: $body } }, first: 1) { nodes { id } }
  }`;

export interface LinearIssueRef {
  id: string;
  identifier: string;
  url: string;
  priority: number;
  /** When it entered a completed state; null otherwise. */
  completedAt: string | null;
  state: { id: string; type: string } | null;
}

async function raw<T>(client: LinearClient, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await client.client.rawRequest<T, Record<string, unknown>>(query, variables);
  if (!response.data) throw new Error(`Linear answered without data: ${response.error ?? JSON.stringify(response.errors ?? [])}`);
  return response.data;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The team's id, from a key such as ENG or an id as given. */
export async function teamId(client: LinearClient, team: string): Promise<string> {
  if (UUID.test(team)) return team;
  const data = await raw<{ teams: { nodes: { id: string }[] } }>(client, TEAM_BY_KEY, { key: team });
  const found = data.teams.nodes[0];
  if (!found) throw new Error(`Linear has no team with key "${team}" (profile: linear.team)`);
  return found.id;
}

/** Ids of the labels with these names usable by the team (team labels first, then workspace labels). */
export async function labelsByName(client: LinearClient, names: string[], team: string): Promise<Map<string, string>> {
  // Case-insensitive: a workspace's "Bug" label is our "bug".
  const filter = { or: names.map((name) => ({ name: { eqIgnoreCase: name } })) };
  const data = await raw<{ issueLabels: { nodes: { id: string; name: string; team: { id: string } | null }[] } }>(client, LABELS_BY_NAME, { filter });
  const byName = new Map<string, string>();
  const usable = data.issueLabels.nodes.filter((l) => !l.team || l.team.id === team);
  for (const label of usable.sort((a, b) => Number(Boolean(b.team)) - Number(Boolean(a.team)))) {
    const key = label.name.toLowerCase();
    if (!byName.has(key)) byName.set(key, label.id);
  }
  return byName;
}

export async function issueRef(client: LinearClient, id: string): Promise<LinearIssueRef | null> {
  try {
    return (await raw<{ issue: LinearIssueRef }>(client, ISSUE, { id })).issue;
  } catch (err) {
    // Linear answers an unknown or deleted issue with an "Entity not found" error.
    if (/not found/i.test(String((err as Error).message))) return null;
    throw err;
  }
}

/** An issue already carrying this pattern's marker: what a crash between creating and recording left behind. */
export async function issueByMarker(client: LinearClient, team: string, marker: string): Promise<LinearIssueRef | null> {
  const data = await raw<{ issues: { nodes: LinearIssueRef[] } }>(client, ISSUE_BY_FINGERPRINT, { teamId: team, marker });
  return data.issues.nodes[0] ?? null;
}

/** The id of a comment with exactly this body on the issue: what a create whose reply was lost left behind. */
export async function commentOn(client: LinearClient, issueId: string, body: string): Promise<string | null> {
  const data = await raw<{ comments: { nodes: { id: string }[] } }>(client, COMMENT_ON_ISSUE, { issueId, body });
  return data.comments.nodes[0]?.id ?? null;
}

/** Linear's workflow state types, read as the warehouse's ticket statuses. */
export function statusOf(stateType: string | undefined): TicketStatus {
  switch (stateType) {
    case "completed":
      return "done";
    case "canceled":
    case "duplicate":
      return "canceled";
    case "started":
      return "in_progress";
    default:
      return "open"; // triage, backlog, unstarted
  }
}

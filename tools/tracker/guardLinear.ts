import type { LinearClient } from "@linear/sdk";
import type { RequestKind, ServiceGuard } from "../../runtime/outside/guard.js";

/**
 * Sends every request of a Linear client through the guard. The SDK takes no fetch or middleware, and all
 * of its calls (the generated methods and our raw documents) go through its GraphQL client's two methods,
 * so those are wrapped on this one client.
 */
export function guardLinear(client: LinearClient, guard: ServiceGuard): void {
  const graphql = client.client;
  const request = graphql.request.bind(graphql);
  const rawRequest = graphql.rawRequest.bind(graphql);
  graphql.request = (document, variables, headers) => guard.call(() => request(document, variables, headers), kindOf(document));
  graphql.rawRequest = (query, variables, headers) => guard.call(() => rawRequest(query, variables, headers), kindOf(query));
}

/** A mutation creating something (issueCreate, commentCreate, issueLabelCreate) is not sent twice blindly: it would make twins. */
function kindOf(document: unknown): RequestKind {
  // A document is a string or a parsed DocumentNode; its JSON names the operation and its fields either way.
  const text = typeof document === "string" ? document : JSON.stringify(document);
  const mutation = /^\s*mutation\b/.test(text) || text.includes('"operation":"mutation"');
  return mutation && /[a-z]Create\b/.test(text) ? "unsafe" : "safe";
}

import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import type { Logger } from "pino";
import type { FailurePattern } from "../../../state/pattern.js";
import type { Ticket } from "../../../state/ticket.js";
import type { MemorySettings } from "../../../state/profileSections/memory.js";
import { TicketVectorStore, ticketDocument } from "./ticketVectorStore.js";

/** The PM's memory of tickets across weeks, when an embeddings model is at hand. */
export interface TicketMemory {
  embeddings: EmbeddingsInterface;
  settings: MemorySettings;
  log?: Logger;
  /** The triage's clock, for what "recently closed" means; now when absent. */
  now?: Date;
}

const OPEN: ReadonlySet<Ticket["status"]> = new Set(["open", "in_progress", "in_review"]);
const DAY_MS = 86_400_000;

/** The words a pattern or a ticket is remembered by: its kind and title (a ticket's title is its pattern's). */
function meaningOf(kind: string, title: string): string {
  return `${kind}: ${title}`;
}

/**
 * A pattern with no ticket of its own (its fingerprint is new: the code moved under a bug, users word a
 * need another way) takes over the fingerprint of the open or recently closed ticket of its kind that
 * means the same — cosine of their embeddings at least `minSimilarity` — and that no pattern of this
 * week claims, so the recurring failure updates (or reopens) its ticket instead of filing a twin. Runs
 * after the word-based adoption, on what it left. Offline, or when the endpoint fails, the patterns
 * come back unchanged: the fingerprint and word matching stand alone.
 */
export async function recallTickets(patterns: FailurePattern[], tickets: Ticket[], memory: TicketMemory | null): Promise<FailurePattern[]> {
  if (!memory) return patterns;
  const ticketed = new Set(tickets.map((t) => t.fingerprint));
  const claimed = new Set(patterns.map((p) => p.fingerprint));
  const newcomers = patterns.filter((p) => !ticketed.has(p.fingerprint));
  const since = (memory.now ?? new Date()).getTime() - memory.settings.recentlyClosedDays * DAY_MS;
  const remembered = tickets.filter((t) => !claimed.has(t.fingerprint) && (OPEN.has(t.status) || Date.parse(t.updatedAt) >= since));
  if (newcomers.length === 0 || remembered.length === 0) return patterns;
  try {
    const store = new TicketVectorStore(memory.embeddings);
    await store.addDocuments(remembered.map((t) => ticketDocument(meaningOf(t.kind, t.title), { fingerprint: t.fingerprint, kind: t.kind, ticketId: t.id })));
    const vectors = await memory.embeddings.embedDocuments(newcomers.map((p) => meaningOf(p.kind, p.title)));
    const adopted = new Map<FailurePattern, string>();
    for (const [i, pattern] of newcomers.entries()) {
      const vector = vectors[i];
      if (!vector) continue;
      const [best] = await store.similaritySearchVectorWithScore(vector, 1, (doc) => doc.metadata.kind === pattern.kind && !claimed.has(doc.metadata.fingerprint));
      if (!best || best[1] < memory.settings.minSimilarity) continue;
      claimed.add(best[0].metadata.fingerprint);
      adopted.set(pattern, best[0].metadata.fingerprint);
      memory.log?.info({ pattern: pattern.fingerprint, ticket: best[0].metadata.ticketId, similarity: Math.round(best[1] * 1000) / 1000 }, "pattern recalled its ticket by meaning");
    }
    return patterns.map((p) => (adopted.has(p) ? { ...p, fingerprint: adopted.get(p)! } : p));
  } catch (err) {
    memory.log?.warn({ err: String(err) }, "embeddings unavailable; tickets matched by fingerprint and words only");
    return patterns;
  }
}

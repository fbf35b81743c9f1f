import { VectorStore } from "@langchain/core/vectorstores";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { Document, type DocumentInterface } from "@langchain/core/documents";

/** What each remembered ticket's document carries: enough to filter by kind and to adopt its fingerprint. */
export interface TicketMetadata {
  fingerprint: string;
  kind: string;
  ticketId: string;
}

/** A filter over the remembered tickets (a function, as LangChain's in-memory stores take). */
export type TicketFilter = (doc: DocumentInterface<TicketMetadata>) => boolean;

/**
 * The tickets remembered for one triage, in memory, searched by cosine similarity. A LangChain vector
 * store so that a store with an index (PGVector on a Postgres warehouse whose server has the extension)
 * can take its place behind the same calls; the local PostgreSQL has no pgvector, and a week's open and
 * recently closed tickets are a few hundred vectors at most, so cosine in process costs nothing.
 */
export class TicketVectorStore extends VectorStore {
  declare FilterType: TicketFilter;
  private readonly entries: { vector: number[]; doc: DocumentInterface<TicketMetadata> }[] = [];

  constructor(embeddings: EmbeddingsInterface) {
    super(embeddings, {});
  }

  _vectorstoreType(): string {
    return "selfheal-tickets";
  }

  async addVectors(vectors: number[][], documents: DocumentInterface<TicketMetadata>[]): Promise<void> {
    if (vectors.length !== documents.length) throw new Error(`${vectors.length} vectors for ${documents.length} documents`);
    vectors.forEach((vector, i) => this.entries.push({ vector, doc: documents[i]! }));
  }

  async addDocuments(documents: DocumentInterface<TicketMetadata>[]): Promise<void> {
    if (documents.length === 0) return;
    await this.addVectors(await this.embeddings.embedDocuments(documents.map((d) => d.pageContent)), documents);
  }

  async similaritySearchVectorWithScore(query: number[], k: number, filter?: TicketFilter): Promise<[DocumentInterface<TicketMetadata>, number][]> {
    return this.entries
      .filter((e) => !filter || filter(e.doc))
      .map((e): [DocumentInterface<TicketMetadata>, number] => [e.doc, cosine(query, e.vector)])
      .sort((a, b) => b[1] - a[1])
      .slice(0, k);
  }
}

export function ticketDocument(text: string, metadata: TicketMetadata): DocumentInterface<TicketMetadata> {
  return new Document({ pageContent: text, metadata });
}

function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

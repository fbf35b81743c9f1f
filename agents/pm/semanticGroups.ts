import { cosine, idfOf, terms, vectorOf, type Vector } from "./textSimilarity.js";

/** Cosine at or above which two texts say the same thing (measured on paraphrases in semanticGroups.test.ts). */
export const SAME_TOPIC = 0.45;

export interface TextCluster {
  /** The most frequent text of the cluster: its title and what new texts are compared with. */
  leader: string;
  /** Topic terms of the leader, sorted: what the cluster's fingerprint is made of. */
  leaderTerms: string[];
  members: string[];
}

/**
 * Leader clustering, deterministic: distinct texts in order of frequency (then text), each joining the
 * most similar existing leader at or above the threshold, else leading a cluster of its own. Comparing
 * with leaders (not centroids) keeps clusters from drifting: texts that only share filler ("simplify
 * that flow" between unrelated routes) never chain into one pattern. `ignore` holds the words of the
 * product's own description: every need of a workflow tool mentions workflows, so "workflow" tells none apart.
 */
export function clusterTexts(counts: Map<string, number>, threshold = SAME_TOPIC, ignore?: ReadonlySet<string>): TextCluster[] {
  const texts = [...counts.keys()].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || a.localeCompare(b));
  const docs = texts.map((t) => terms(t, true, ignore));
  const idf = idfOf(docs);
  const clusters: (TextCluster & { vectors: Vector[] })[] = [];
  texts.forEach((text, i) => {
    const doc = docs[i] ?? [];
    const vector = vectorOf(doc, idf);
    let best: (typeof clusters)[number] | null = null;
    let bestScore = threshold - 1e-9;
    for (const c of clusters) {
      const score = Math.max(...c.vectors.map((v) => cosine(vector, v)));
      if (score > bestScore) [best, bestScore] = [c, score];
    }
    if (best && doc.length > 0) {
      best.members.push(text);
      best.vectors.push(vector);
    } else clusters.push({ leader: text, leaderTerms: [...new Set(doc)].sort(), members: [text], vectors: [vector] });
  });
  return clusters.map(({ leader, leaderTerms, members }) => ({ leader, leaderTerms, members }));
}

/** Similarity of two free texts under the same weighting as clustering (for matching a recurring pattern). */
export function textSimilarity(a: string, b: string): number {
  const docs = [terms(a), terms(b)];
  const idf = idfOf(docs);
  return cosine(vectorOf(docs[0] ?? [], idf), vectorOf(docs[1] ?? [], idf));
}

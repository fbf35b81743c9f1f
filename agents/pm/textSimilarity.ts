/**
 * Deterministic text similarity for grouping what users said or were said to want, offline: words are
 * lower-cased, stripped of placeholders and stop words, stemmed, and folded into a few general concepts
 * (so "recurring", "repeat" and "monthly" meet), then compared as TF-IDF vectors by cosine.
 */

/** Words that carry no topic in analytics prose: who did it, how it went, filler verbs. */
const STOP = new Set(
  ("a an the and or but of to in on at for from by with without into onto about as is are was were be been being " +
    "it its this that these those there here then than so too very just also not no nothing can could would should will " +
    "user users visitor visitors they them their he she we you i my our your " +
    "want wanted wants try tried trying tries look looked looking looks seem seemed get got getting go went going " +
    "again way make made use used using need needed needs leave left leaving page pages app product feature " +
    "click clicked clicks happen happens happened back forth between without success what where when how while after before " +
    "do doe does did done button link add show surface let able")
    .split(" "),
);

/**
 * General product-language concepts: every word of a family becomes its family's name. Only words whose
 * meaning is the same in any product belong here; product terms come from the reports themselves.
 */
const CONCEPTS: Record<string, string[]> = {
  recurrence: ["recur", "repeat", "schedul", "month", "week", "dai", "hour", "cron", "period", "automat", "everi", "mondai", "tuesdai", "wednesdai", "thursdai", "fridai", "saturdai", "sundai"],
  search: ["search", "find", "found", "seek", "hunt", "lookup"],
  help: ["help", "doc", "docs", "document", "faq", "guid", "support", "manual"],
  inert: ["noth", "inert", "unrespons", "dead", "ignor", "broken"],
  publish: ["publish", "releas", "deploi", "launch", "live"],
  export: ["export", "download"],
  import: ["import", "upload"],
  error: ["error", "fail", "crash", "except"],
  slow: ["slow", "timeout", "hang", "lag", "wait"],
};
const CONCEPT_OF = new Map<string, string>(Object.entries(CONCEPTS).flatMap(([name, stems]) => stems.map((s) => [s, name] as const)));

/** A light suffix stripper (Porter's first steps): enough to meet "invoices"/"invoice", "searched"/"search". */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith("ies") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")) w = w.slice(0, -1);
  for (const suffix of ["ingly", "edly", "ing", "ed", "ly", "ment", "ation", "ations"]) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  if (/(.)\1$/.test(w) && !/[lsz]$/.test(w)) w = w.slice(0, -1); // "scheduling" -> "schedul", "stopped" -> "stop"
  return w.replace(/y$/, "i").replace(/e$/, "");
}

/**
 * The topic terms of a text: stemmed, concept-folded (unless `fold` is false: where "weekly" and
 * "automation" must stay apart), stop words, placeholders and the `ignore` stems gone.
 */
export function terms(text: string, fold = true, ignore?: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const words = text
    .toLowerCase()
    .replace(/<[a-z]+>/g, " ")
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 2 && !STOP.has(w) && !/^\d+$/.test(w));
  for (const word of words) {
    const s = stem(word);
    if (STOP.has(s) || ignore?.has(s)) continue;
    out.push((fold ? conceptOf(s) : undefined) ?? s);
  }
  return out;
}

function conceptOf(s: string): string | undefined {
  const direct = CONCEPT_OF.get(s);
  if (direct) return direct;
  for (const [prefix, name] of CONCEPT_OF) if (prefix.length >= 5 && s.startsWith(prefix)) return name; // "scheduler", "publishing"
  return undefined;
}

export type Vector = Map<string, number>;

/** Inverse document frequencies over a corpus of term lists (smoothed, so a tiny corpus still weighs). */
export function idfOf(docs: string[][]): Map<string, number> {
  const df = new Map<string, number>();
  for (const doc of docs) for (const t of new Set(doc)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  return new Map([...df].map(([t, d]) => [t, Math.log((n + 1) / (d + 1)) + 1]));
}

/** A unit-length TF-IDF vector; a term counts once (short texts repeat words for style, not weight). */
export function vectorOf(doc: string[], idf: Map<string, number>): Vector {
  const v: Vector = new Map();
  for (const t of doc) v.set(t, idf.get(t) ?? 1);
  const norm = Math.sqrt([...v.values()].reduce((s, x) => s + x * x, 0));
  if (norm > 0) for (const [t, x] of v) v.set(t, x / norm);
  return v;
}

export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, x] of small) dot += x * (large.get(t) ?? 0);
  return dot;
}

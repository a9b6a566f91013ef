import type { Actor, Analysis, Claim, Event, FramingTerm } from "@parley/schema";

/** The article metadata the corpus model needs (no text). */
export interface CorpusArticle {
  id: string;
  outlet: string | null;
  /** `YYYY-MM-DD` or null. */
  published: string | null;
  title: string | null;
  /** Running-text word count, for per-1,000-word rates; 0 when unknown. */
  wordCount: number;
  /** `framing.terms` of the article's analysis; empty when not analysed for framing. */
  framingTerms: FramingTerm[];
}

/**
 * The flattened corpus every cross-article function reads: the store can build it from its tables,
 * `buildCorpusView` builds it from in-memory analyses. Events and claims point to articles by `articleId`;
 * actor ids in events and claims point into `actors` (unknown ids are tolerated and treated as their own root).
 */
export interface CorpusView {
  articles: CorpusArticle[];
  events: Event[];
  claims: Claim[];
  actors: Actor[];
}

/** Counts whitespace-separated words. */
export function countWords(text: string): number {
  const m = text.match(/\S+/g);
  return m ? m.length : 0;
}

/**
 * Flattens analyses into a `CorpusView`. Duplicate articles (same id) keep the first analysis in article-id
 * order; actors are deduplicated by id (the record from the earliest article id wins, aliases are unioned).
 */
export function buildCorpusView(analyses: readonly Analysis[]): CorpusView {
  const sorted = [...analyses].sort((a, b) => cmp(a.article.id, b.article.id));
  const seen = new Set<string>();
  const articles: CorpusArticle[] = [];
  const events: Event[] = [];
  const claims: Claim[] = [];
  const actors = new Map<string, Actor>();
  for (const a of sorted) {
    if (seen.has(a.article.id)) continue;
    seen.add(a.article.id);
    articles.push({
      id: a.article.id,
      outlet: a.article.outlet,
      published: a.article.published,
      title: a.article.title,
      wordCount: countWords(a.article.text),
      framingTerms: a.framing.terms,
    });
    events.push(...a.events);
    claims.push(...a.claims);
    for (const actor of a.actors) {
      const prev = actors.get(actor.id);
      if (!prev) actors.set(actor.id, actor);
      else {
        const aliases = [...new Set([...prev.aliases, ...actor.aliases])].sort();
        actors.set(actor.id, { ...prev, aliases });
      }
    }
  }
  return {
    articles,
    events,
    claims,
    actors: [...actors.values()].sort((x, y) => cmp(x.id, y.id)),
  };
}

/** Lookups shared by the corpus modules. */
export interface CorpusIndex {
  article(id: string): CorpusArticle | undefined;
  actor(id: string): Actor | undefined;
  /** Follows `affiliation` to the top (cycle-safe): Blinken → United States; unknown ids are their own root. */
  root(actorId: string): string;
}

export function indexCorpus(view: Pick<CorpusView, "articles" | "actors">): CorpusIndex {
  const articles = new Map(view.articles.map((a) => [a.id, a]));
  const actors = new Map(view.actors.map((a) => [a.id, a]));
  const roots = new Map<string, string>();
  const root = (id: string): string => {
    const cached = roots.get(id);
    if (cached !== undefined) return cached;
    let cur = id;
    const path = new Set<string>([cur]);
    for (;;) {
      const next = actors.get(cur)?.affiliation;
      if (!next || path.has(next)) break;
      path.add(next);
      cur = next;
    }
    roots.set(id, cur);
    return cur;
  };
  return { article: (id) => articles.get(id), actor: (id) => actors.get(id), root };
}

/** Plain string comparison (code-unit order), for deterministic sorts independent of locale. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares nullable strings with nulls last. */
export function cmpNullLast(a: string | null | undefined, b: string | null | undefined): number {
  if (a == null) return b == null ? 0 : 1;
  if (b == null) return -1;
  return cmp(a, b);
}

/** Source ∪ target ∪ mediators, unique, in first-seen order. */
export function participants(e: Pick<Event, "source" | "target" | "mediators">): string[] {
  return [...new Set([...e.source, ...e.target, ...e.mediators])];
}

/** Top-level issue id: `ceasefire.permanent` → `ceasefire`. */
export function topIssue(issue: string): string {
  const i = issue.indexOf(".");
  return i < 0 ? issue : issue.slice(0, i);
}

/** Increments `rec[key]`. */
export function bump(rec: Record<string, number>, key: string, by = 1): void {
  rec[key] = (rec[key] ?? 0) + by;
}

/** Object with keys sorted (stable output for snapshots and diffs). */
export function sortedRecord<V>(rec: Record<string, V>): Record<string, V> {
  const out: Record<string, V> = {};
  for (const k of Object.keys(rec).sort(cmp)) out[k] = rec[k] as V;
  return out;
}

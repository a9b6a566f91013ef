import type { EventType } from "@parley/schema";
import { bump, type CorpusView, cmp, cmpNullLast, indexCorpus, participants, sortedRecord } from "./view";

/** Key used for articles without an outlet. */
export const UNKNOWN_OUTLET = "(unknown)";

/** Events whose source is speaking: the outlet quotes or reports the statement of that actor. */
export const STATEMENT_EVENTS: ReadonlySet<EventType> = new Set(["ASSESS", "ACCUSE", "DEMAND", "APPEAL", "SUPPORT"]);

export interface FramingUse {
  term: string;
  frame: string;
  count: number;
  /** Uses per 1,000 words of the outlet's articles; null when no word counts are known. */
  per1000Words: number | null;
}

export interface ActorCount {
  actor: string;
  /** Events (and, for quotes, claims) that count. */
  count: number;
  /** Distinct articles these come from. */
  articles: number;
}

export interface OutletProfile {
  outlet: string;
  articleCount: number;
  /** Earliest and latest publication date (null when no article is dated). */
  dateRange: { first: string | null; last: string | null };
  wordCount: number;
  eventCount: number;
  /** Events per type. */
  eventTypes: Partial<Record<EventType, number>>;
  /** Framing terms by total count, most used first. */
  framing: FramingUse[];
  /** Framing counts per frame. */
  frames: Record<string, number>;
  /**
   * Actors the outlet gives voice to: the `attributedTo` of events, the claimant of claims, and the source of
   * statement events (ASSESS, ACCUSE, DEMAND, APPEAL, SUPPORT); one count per event or claim and actor.
   */
  quotes: ActorCount[];
  /** Actors taking part in most events (source ∪ target ∪ mediators), at most `topActors`. */
  topActors: ActorCount[];
}

export interface OutletOptions {
  /** How many top actors to list. Default 10. */
  topActors?: number;
  /** Count actors by affiliation root. Default false. */
  rollUp?: boolean;
}

interface Acc {
  articles: Set<string>;
  first: string | null;
  last: string | null;
  words: number;
  events: number;
  types: Record<string, number>;
  terms: Map<string, { term: string; frame: string; count: number }>;
  frames: Record<string, number>;
  quotes: Map<string, Set<string>>; // actor → item ids ("e:" / "c:")
  quoteArticles: Map<string, Set<string>>;
  covered: Map<string, number>;
  coveredArticles: Map<string, Set<string>>;
}

const addTo = (m: Map<string, Set<string>>, k: string, v: string) => {
  const s = m.get(k);
  if (s) s.add(v);
  else m.set(k, new Set([v]));
};

function ranked(
  counts: Map<string, number>,
  arts: Map<string, Set<string>>,
  limit = Number.POSITIVE_INFINITY,
): ActorCount[] {
  return [...counts]
    .map(([actor, count]) => ({ actor, count, articles: arts.get(actor)?.size ?? 0 }))
    .sort((a, b) => b.count - a.count || b.articles - a.articles || cmp(a.actor, b.actor))
    .slice(0, limit);
}

/** One profile per outlet, sorted by article count, then name; articles without an outlet come last under `UNKNOWN_OUTLET`. */
export function outletProfiles(view: CorpusView, options: OutletOptions = {}): OutletProfile[] {
  const idx = indexCorpus(view);
  const map = (id: string) => (options.rollUp ? idx.root(id) : id);
  const accs = new Map<string, Acc>();
  const acc = (outlet: string | null): Acc => {
    const key = outlet ?? UNKNOWN_OUTLET;
    let a = accs.get(key);
    if (!a) {
      a = {
        articles: new Set(),
        first: null,
        last: null,
        words: 0,
        events: 0,
        types: {},
        terms: new Map(),
        frames: {},
        quotes: new Map(),
        quoteArticles: new Map(),
        covered: new Map(),
        coveredArticles: new Map(),
      };
      accs.set(key, a);
    }
    return a;
  };
  for (const art of view.articles) {
    const a = acc(art.outlet);
    if (a.articles.has(art.id)) continue;
    a.articles.add(art.id);
    if (art.published) {
      if (cmpNullLast(art.published, a.first) < 0) a.first = art.published;
      if (a.last === null || art.published > a.last) a.last = art.published;
    }
    a.words += art.wordCount;
    for (const t of art.framingTerms) {
      const key = `${t.frame}\u0000${t.term}`;
      const prev = a.terms.get(key);
      if (prev) prev.count += t.count;
      else a.terms.set(key, { term: t.term, frame: t.frame, count: t.count });
      bump(a.frames, t.frame, t.count);
    }
  }
  for (const e of view.events) {
    const art = idx.article(e.articleId);
    if (!art) continue;
    const a = acc(art.outlet);
    a.events++;
    bump(a.types, e.type);
    const speakers = new Set<string>();
    if (e.attributedTo) speakers.add(map(e.attributedTo));
    if (STATEMENT_EVENTS.has(e.type)) for (const s of e.source) speakers.add(map(s));
    for (const s of speakers) {
      addTo(a.quotes, s, `e:${e.id}`);
      addTo(a.quoteArticles, s, e.articleId);
    }
    for (const p of new Set(participants(e).map(map))) {
      a.covered.set(p, (a.covered.get(p) ?? 0) + 1);
      addTo(a.coveredArticles, p, e.articleId);
    }
  }
  for (const c of view.claims) {
    const art = idx.article(c.articleId);
    if (!art || !c.claimant) continue;
    const a = acc(art.outlet);
    addTo(a.quotes, map(c.claimant), `c:${c.id}`);
    addTo(a.quoteArticles, map(c.claimant), c.articleId);
  }
  const top = options.topActors ?? 10;
  return [...accs]
    .map(([outlet, a]) => ({
      outlet,
      articleCount: a.articles.size,
      dateRange: { first: a.first, last: a.last },
      wordCount: a.words,
      eventCount: a.events,
      eventTypes: sortedRecord(a.types) as OutletProfile["eventTypes"],
      framing: [...a.terms.values()]
        .map((t) => ({ ...t, per1000Words: a.words > 0 ? (t.count * 1000) / a.words : null }))
        .sort((x, y) => y.count - x.count || cmp(x.term, y.term) || cmp(x.frame, y.frame)),
      frames: sortedRecord(a.frames),
      quotes: ranked(new Map([...a.quotes].map(([k, s]) => [k, s.size])), a.quoteArticles),
      topActors: ranked(a.covered, a.coveredArticles, top),
    }))
    .sort(
      (x, y) =>
        Number(x.outlet === UNKNOWN_OUTLET) - Number(y.outlet === UNKNOWN_OUTLET) ||
        y.articleCount - x.articleCount ||
        cmp(x.outlet, y.outlet),
    );
}

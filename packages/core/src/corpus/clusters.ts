import type { Event, EventStatus, EventType } from "@parley/schema";
import { dateSortKey, isoWeek, precisionOf } from "./dates";
import { hash64 } from "./hash";
import { type CorpusView, cmp, cmpNullLast, indexCorpus, participants } from "./view";

/** The earliest report of a clustered event. */
export interface ClusterReport {
  eventId: string;
  articleId: string;
  published: string | null;
  outlet: string | null;
}

/** One real-world event as reported by one or more articles. */
export interface EventCluster {
  /** `cl_` + hash of the sorted member event ids: stable across runs and input orders. */
  id: string;
  type: EventType;
  /** The most precise date the members agree on (the day when any member has one), else null. */
  date: string | null;
  /** Place id shared by the members that name one, else null. */
  placeId: string | null;
  /** Actor ids (source ∪ target ∪ mediators over all members), sorted. */
  actors: string[];
  /** Issue ids over all members, sorted. */
  issues: string[];
  /** Earliest article published (nulls last), then event id. */
  firstReport: ClusterReport;
  /** Distinct outlets, sorted (articles without an outlet are not counted). */
  outlets: string[];
  /** Corroboration: distinct articles reporting the event. */
  articleCount: number;
  /** Corroboration: distinct outlets reporting the event. */
  outletCount: number;
  /** Smallest and largest date value reported (month before the days in it), null when no member is dated. */
  dateSpan: { min: string | null; max: string | null };
  /** Number of member events per status. */
  statuses: Partial<Record<EventStatus, number>>;
  /** Member event ids, sorted. */
  eventIds: string[];
}

interface Working {
  seq: number;
  type: EventType;
  day: string | null;
  month: string | null;
  year: string | null;
  week: string | null;
  placeId: string | null;
  keys: Set<string>;
  members: Event[];
}

const EMPTY = "\u2205";

/**
 * Merges reports of the same real-world event. Two reports can merge when they have the same type,
 * overlapping actors (by id or by affiliation root; events naming no actor only merge with each other),
 * compatible dates (the same day; a month or year containing the other; or both undated and published in the
 * same ISO week) and compatible places (same place id, or one of them without one).
 *
 * The pass is greedy in a fixed order — day-precision events first, then month, year and undated ones, each
 * by date, article published, article id, event id — so the result does not depend on input order. Day events
 * seed clusters; coarser reports join the best-matching cluster (most shared actor keys, then the earliest
 * seeded) and never bridge two different days. Candidates are found through an index on
 * type × date bucket × actor key, so the cost is about O(n log n + n·a) for n events with a actors each.
 */
export function clusterEvents(view: Pick<CorpusView, "articles" | "events" | "actors">): EventCluster[] {
  const idx = indexCorpus(view);
  const published = (e: Event) => idx.article(e.articleId)?.published ?? null;
  const rank = (e: Event) => (e.date ? ["day", "month", "year"].indexOf(precisionOf(e.date.value)) : 3);
  const events = [...view.events].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      cmpNullLast(a.date ? dateSortKey(a.date.value) : null, b.date ? dateSortKey(b.date.value) : null) ||
      cmpNullLast(published(a), published(b)) ||
      cmp(a.articleId, b.articleId) ||
      cmp(a.id, b.id),
  );

  const keysOf = (e: Event): string[] => {
    const out = new Set<string>();
    for (const id of participants(e)) {
      out.add(id);
      out.add(idx.root(id));
    }
    return out.size ? [...out] : [EMPTY];
  };

  const index = new Map<string, Working[]>();
  const register = (c: Working, keys: Iterable<string>) => {
    const buckets: string[] = [];
    if (c.day) buckets.push(`d:${c.day}`);
    if (c.month) buckets.push(`m:${c.month}`);
    if (c.year) buckets.push(`y:${c.year}`);
    if (c.week) buckets.push(`w:${c.week}`);
    for (const k of keys)
      for (const b of buckets) {
        const slot = `${c.type}|${b}|${k}`;
        const list = index.get(slot);
        if (list) list.push(c);
        else index.set(slot, [c]);
      }
  };

  const clusters: Working[] = [];
  for (const e of events) {
    const keys = keysOf(e);
    const value = e.date?.value ?? null;
    let bucket: string | null;
    if (value) {
      const p = precisionOf(value);
      bucket =
        p === "day" ? `d:${value.slice(0, 10)}` : p === "month" ? `m:${value.slice(0, 7)}` : `y:${value.slice(0, 4)}`;
    } else {
      const pub = published(e);
      bucket = pub ? `w:${isoWeek(pub)}` : null;
    }
    const placeId = e.location?.placeId ?? null;

    let best: Working | null = null;
    let bestOverlap = 0;
    if (bucket) {
      const seen = new Set<Working>();
      for (const k of keys) {
        for (const c of index.get(`${e.type}|${bucket}|${k}`) ?? []) {
          if (seen.has(c)) continue;
          seen.add(c);
          if (placeId && c.placeId && placeId !== c.placeId) continue;
          let overlap = 0;
          for (const kk of keys) if (c.keys.has(kk)) overlap++;
          if (overlap > bestOverlap || (overlap === bestOverlap && best && c.seq < best.seq)) {
            best = c;
            bestOverlap = overlap;
          }
        }
      }
    }

    if (best) {
      best.members.push(e);
      if (!best.placeId && placeId) best.placeId = placeId;
      const fresh = keys.filter((k) => !best.keys.has(k));
      for (const k of fresh) best.keys.add(k);
      if (fresh.length) register(best, fresh);
      continue;
    }

    const c: Working = {
      seq: clusters.length,
      type: e.type,
      day: null,
      month: null,
      year: null,
      week: null,
      placeId,
      keys: new Set(keys),
      members: [e],
    };
    if (value) {
      const p = precisionOf(value);
      if (p === "day") c.day = value.slice(0, 10);
      if (p !== "year") c.month = value.slice(0, 7);
      c.year = value.slice(0, 4);
    } else if (bucket) c.week = bucket.slice(2);
    clusters.push(c);
    if (bucket) register(c, keys);
  }

  return clusters
    .map((c) => report(c, idx))
    .sort(
      (a, b) =>
        cmpNullLast(a.date ? dateSortKey(a.date) : null, b.date ? dateSortKey(b.date) : null) ||
        cmpNullLast(a.firstReport.published, b.firstReport.published) ||
        cmp(a.id, b.id),
    );
}

function report(c: Working, idx: ReturnType<typeof indexCorpus>): EventCluster {
  const eventIds = c.members.map((m) => m.id).sort(cmp);
  const actors = new Set<string>();
  const issues = new Set<string>();
  const articles = new Set<string>();
  const outlets = new Set<string>();
  const statuses: Partial<Record<EventStatus, number>> = {};
  let min: string | null = null;
  let max: string | null = null;
  let first: ClusterReport | null = null;
  for (const m of c.members) {
    for (const a of participants(m)) actors.add(a);
    for (const i of m.issues) issues.add(i);
    articles.add(m.articleId);
    const art = idx.article(m.articleId);
    if (art?.outlet) outlets.add(art.outlet);
    statuses[m.status] = (statuses[m.status] ?? 0) + 1;
    if (m.date) {
      const v = m.date.value;
      if (min === null || dateSortKey(v) < dateSortKey(min)) min = v;
      if (max === null || dateSortKey(v) > dateSortKey(max)) max = v;
    }
    const candidate: ClusterReport = {
      eventId: m.id,
      articleId: m.articleId,
      published: art?.published ?? null,
      outlet: art?.outlet ?? null,
    };
    if (
      !first ||
      cmpNullLast(candidate.published, first.published) < 0 ||
      (candidate.published === first.published && cmp(candidate.eventId, first.eventId) < 0)
    )
      first = candidate;
  }
  return {
    id: `cl_${hash64(eventIds.join("\n"))}`,
    type: c.type,
    date: c.day ?? c.month ?? c.year ?? null,
    placeId: c.placeId,
    actors: [...actors].sort(cmp),
    issues: [...issues].sort(cmp),
    firstReport: first!,
    outlets: [...outlets].sort(cmp),
    articleCount: articles.size,
    outletCount: outlets.size,
    dateSpan: { min, max },
    statuses,
    eventIds,
  };
}

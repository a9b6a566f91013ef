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
  /**
   * The earliest day reported when any member has a day (members' days lie within the type's window of it),
   * else the month or year the members share, else null.
   */
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

/**
 * How many days apart two day-precision reports of one event may be, by type: the largest difference between
 * the earliest and the latest day of a cluster. Rounds of talks (meetings, mediation, talks suspended or resumed)
 * last days and outlets date them by different sessions, so they get a week; trips and operations on the ground
 * (travel, releases, military action, mobilisation, aid) two days; statements and single acts one day, which
 * absorbs time zones and "yesterday" resolved against a publication date a day late. Month- and year-precision
 * reports have no window: they join a cluster with a day in their month or year.
 */
export const CLUSTER_WINDOW_DAYS: Readonly<Record<EventType, number>> = {
  MEET: 7,
  MEDIATE: 7,
  SUSPEND: 7,
  RESUME: 7,
  TRAVEL: 2,
  RELEASE: 2,
  MILITARY: 2,
  MOBILIZE: 2,
  HUMANITARIAN: 2,
  CALL: 1,
  PROPOSE: 1,
  COUNTER_PROPOSE: 1,
  ACCEPT: 1,
  REJECT: 1,
  DEMAND: 1,
  APPEAL: 1,
  ASSESS: 1,
  ACCUSE: 1,
  SUPPORT: 1,
  THREATEN: 1,
  AGREE: 1,
  CEASEFIRE: 1,
};

/** The largest window of any type (the store uses it to keep its partitions independent). */
export const MAX_CLUSTER_WINDOW_DAYS = Math.max(...Object.values(CLUSTER_WINDOW_DAYS));

const DAY_MS = 86_400_000;
/** Blocking grid for day-precision clusters: 7-day buckets of days since 1970-01-01. */
const BLOCK_DAYS = 7;

/** Days since 1970-01-01 of a `YYYY-MM-DD…` value. */
function dayNumber(value: string): number {
  const [y, m, d] = value.slice(0, 10).split("-").map(Number);
  return Math.round(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / DAY_MS);
}

interface Working {
  seq: number;
  type: EventType;
  /** Earliest day reported (the seed's day) and its day number, for clusters seeded by a day-precision report. */
  day: string | null;
  anchor: number | null;
  month: string | null;
  year: string | null;
  week: string | null;
  placeId: string | null;
  keys: Set<string>;
  /** Index buckets the cluster is registered under (`a:` anchor block, `m:` months, `y:` years, `w:` week). */
  buckets: Set<string>;
  members: Event[];
}

const EMPTY = "\u2205";

/**
 * Merges reports of the same real-world event. Two reports can merge when they have the same type,
 * overlapping actors (by id or by affiliation root; events naming no actor only merge with each other),
 * compatible dates and compatible places (same place id, or one of them without one). Dates are compatible when
 * - both have a day and the cluster's days stay within the type's window (`CLUSTER_WINDOW_DAYS`: a round of
 *   talks reported on the 8th by one outlet and on the 13th by another is one cluster; 20 days apart are two);
 * - a month or year report names the month or year of one of the cluster's days (or of its month/year);
 * - both are undated and their articles were published in the same ISO week.
 *
 * The pass is greedy in a fixed order — day-precision events first, then month, year and undated ones, each
 * by date, article published, article id, event id — so the result does not depend on input order. Day events
 * seed clusters anchored at their day; a later day report joins a cluster whose anchor is at most the window
 * before it, so no cluster spans more than its window and chains of daily reports do not grow without bound.
 * Every report joins the best-matching cluster (most shared actor keys, then the nearest anchor, then the
 * earliest seeded), so a coarser report never bridges two clusters. Candidates are found through an index on
 * type × date bucket × actor key, with day clusters blocked in 7-day buckets of their anchor and a day report
 * looking only at the buckets its window reaches, so the cost is about O(n log n + n·a) for n events with
 * a actors each.
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
  const put = (c: Working, bucket: string, key: string) => {
    const slot = `${c.type}|${bucket}|${key}`;
    const list = index.get(slot);
    if (list) list.push(c);
    else index.set(slot, [c]);
  };
  /** Registers the cluster under new buckets and new keys (every bucket × key pair once). */
  const register = (c: Working, buckets: Iterable<string>, keys: Iterable<string>) => {
    const freshBuckets = [...buckets].filter((b) => !c.buckets.has(b));
    const freshKeys = [...keys].filter((k) => !c.keys.has(k));
    for (const k of freshKeys) for (const b of c.buckets) put(c, b, k);
    for (const k of freshKeys) c.keys.add(k);
    for (const b of freshBuckets) {
      c.buckets.add(b);
      for (const k of c.keys) put(c, b, k);
    }
  };

  const clusters: Working[] = [];
  for (const e of events) {
    const keys = keysOf(e);
    const value = e.date?.value ?? null;
    const p = value ? precisionOf(value) : null;
    const day = p === "day" ? dayNumber(value!) : null;
    const window = CLUSTER_WINDOW_DAYS[e.type] ?? 1;
    // Buckets this report looks in, and the buckets it adds to the cluster it joins or seeds.
    let look: string[];
    let own: string[] = [];
    if (value && day !== null) {
      look = [];
      for (let b = Math.floor((day - window) / BLOCK_DAYS); b <= Math.floor(day / BLOCK_DAYS); b++) look.push(`a:${b}`);
      own = [`m:${value.slice(0, 7)}`, `y:${value.slice(0, 4)}`];
    } else if (value) {
      look = [p === "month" ? `m:${value.slice(0, 7)}` : `y:${value.slice(0, 4)}`];
      own = p === "month" ? [look[0]!, `y:${value.slice(0, 4)}`] : look;
    } else {
      const pub = published(e);
      look = pub ? [`w:${isoWeek(pub)}`] : [];
      own = look;
    }
    const placeId = e.location?.placeId ?? null;

    let best: Working | null = null;
    let bestOverlap = 0;
    let bestDistance = 0;
    const seen = new Set<Working>();
    for (const bucket of look) {
      for (const k of keys) {
        for (const c of index.get(`${e.type}|${bucket}|${k}`) ?? []) {
          if (seen.has(c)) continue;
          seen.add(c);
          if (placeId && c.placeId && placeId !== c.placeId) continue;
          let distance = 0;
          if (day !== null) {
            if (c.anchor === null) continue;
            distance = day - c.anchor;
            if (distance < 0 || distance > window) continue;
          }
          let overlap = 0;
          for (const kk of keys) if (c.keys.has(kk)) overlap++;
          if (
            !best ||
            overlap > bestOverlap ||
            (overlap === bestOverlap && (distance < bestDistance || (distance === bestDistance && c.seq < best.seq)))
          ) {
            best = c;
            bestOverlap = overlap;
            bestDistance = distance;
          }
        }
      }
    }

    if (best) {
      best.members.push(e);
      if (!best.placeId && placeId) best.placeId = placeId;
      register(best, own, keys);
      continue;
    }

    const c: Working = {
      seq: clusters.length,
      type: e.type,
      day: null,
      anchor: day,
      month: null,
      year: null,
      week: null,
      placeId,
      keys: new Set(),
      buckets: new Set(),
      members: [e],
    };
    if (value) {
      if (p === "day") c.day = value.slice(0, 10);
      if (p !== "year") c.month = value.slice(0, 7);
      c.year = value.slice(0, 4);
    } else if (look.length) c.week = look[0]!.slice(2);
    clusters.push(c);
    if (day !== null) own = [`a:${Math.floor(day / BLOCK_DAYS)}`, ...own];
    if (look.length) register(c, own, keys);
    else for (const k of keys) c.keys.add(k);
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

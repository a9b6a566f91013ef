import type { EventStatus, EventType } from "@parley/schema";
import { bucketOf, type Granularity } from "./dates";
import { bump, type CorpusView, cmp, indexCorpus, participants, sortedRecord, topIssue } from "./view";

export interface TimelineCounts {
  total: number;
  byType: Partial<Record<EventType, number>>;
  /** Events each actor takes part in (source ∪ target ∪ mediators). */
  byActor: Record<string, number>;
  /** Events per top-level issue. */
  byIssue: Record<string, number>;
}

export interface TimelineBucket {
  /** `2024-02-10`, `2024-W06` or `2024-02`. */
  key: string;
  /** First day of the bucket (`YYYY-MM-DD`; Monday for ISO weeks). */
  start: string;
  /** Reported as done or ongoing. */
  occurred: TimelineCounts;
  /** Scheduled, expected or pledged; kept apart so plans are not read as facts. */
  planned: TimelineCounts;
  /** Conditional or counterfactual. */
  hypothetical: TimelineCounts;
  /** Reported as not having happened. */
  negated: TimelineCounts;
}

export interface TimelineOptions {
  granularity: Granularity;
  /** Count actors by affiliation root. Default false. */
  rollUp?: boolean;
}

export interface Timeline {
  granularity: Granularity;
  /** Buckets with at least one event, oldest first (no empty buckets are filled in). */
  buckets: TimelineBucket[];
  /** Events whose own date is coarser than the granularity (`2024-02` in a daily timeline): count per date. */
  tooCoarse: Record<string, number>;
  /** Events with neither a date nor a dated article. */
  undated: number;
}

const emptyCounts = (): TimelineCounts => ({ total: 0, byType: {}, byActor: {}, byIssue: {} });

/** First day of a bucket key (`2024-02-10`, `2024-W06` → its Monday, `2024-02` → `2024-02-01`). */
export function bucketStart(key: string, granularity: Granularity): string {
  if (granularity === "day") return key;
  if (granularity === "month") return `${key}-01`;
  // ISO week → its Monday: week 1 holds Jan 4
  const year = Number(key.slice(0, 4));
  const week = Number(key.slice(6));
  const jan4 = Date.UTC(year, 0, 4);
  const dow = (new Date(jan4).getUTCDay() + 6) % 7;
  return new Date(jan4 + ((week - 1) * 7 - dow) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Event counts per day, ISO week or month, split by status. An event is placed by its own date when that is
 * precise enough, by its article's publication date when it has none, and listed in `tooCoarse` when its
 * date is coarser than the granularity (placing "in February" on the publication day would invent a date).
 */
export function buildTimeline(
  view: Pick<CorpusView, "articles" | "events" | "actors">,
  options: TimelineOptions,
): Timeline {
  const { granularity } = options;
  const idx = indexCorpus(view);
  const map = (id: string) => (options.rollUp ? idx.root(id) : id);
  const buckets = new Map<string, TimelineBucket>();
  const tooCoarse: Record<string, number> = {};
  let undated = 0;
  for (const e of view.events) {
    let key: string | null;
    if (e.date) {
      key = bucketOf(e.date.value, granularity);
      if (!key) {
        bump(tooCoarse, e.date.value);
        continue;
      }
    } else {
      const pub = idx.article(e.articleId)?.published;
      if (!pub) {
        undated++;
        continue;
      }
      key = bucketOf(pub, granularity)!;
    }
    let b = buckets.get(key);
    if (!b) {
      b = {
        key,
        start: bucketStart(key, granularity),
        occurred: emptyCounts(),
        planned: emptyCounts(),
        hypothetical: emptyCounts(),
        negated: emptyCounts(),
      };
      buckets.set(key, b);
    }
    const c = b[e.status as EventStatus];
    c.total++;
    c.byType[e.type] = (c.byType[e.type] ?? 0) + 1;
    for (const a of new Set(participants(e).map(map))) bump(c.byActor, a);
    for (const i of new Set(e.issues.map(topIssue))) bump(c.byIssue, i);
  }
  const out = [...buckets.values()].sort((a, b) => cmp(a.start, b.start));
  for (const b of out)
    for (const s of ["occurred", "planned", "hypothetical", "negated"] as const) {
      b[s].byType = sortedRecord(b[s].byType as Record<string, number>) as TimelineCounts["byType"];
      b[s].byActor = sortedRecord(b[s].byActor);
      b[s].byIssue = sortedRecord(b[s].byIssue);
    }
  return { granularity, buckets: out, tooCoarse: sortedRecord(tooCoarse), undated };
}

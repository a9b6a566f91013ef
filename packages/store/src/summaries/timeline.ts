import {
  bucketStart,
  cmp,
  type Granularity,
  sortedRecord,
  type Timeline,
  type TimelineBucket,
  type TimelineCounts,
} from "@parley/core";
import type { EventStatus } from "@parley/schema";
import { and, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { type Db, queryRows } from "../db/driver";
import { articles, events } from "../db/schema";
import { dateBounds, type TimelineFilterSchema } from "../filters";
import { eventScope } from "../views";

type TimelineFilter = z.output<typeof TimelineFilterSchema>;
type Dim = "type" | "actor" | "root" | "issue";

/**
 * Per (placement date, status, dimension, value): how many events in `scope` count there. The same SQL feeds
 * the `timeline_counts` summary at write time and the timeline of a filter the summary cannot answer, so both
 * follow one definition — that of core's `buildTimeline`: an event is placed by its own date, else by its
 * article's publication date; it counts once per participant (source ∪ target ∪ mediators), once per
 * affiliation root of its participants, once per top-level issue. Rejected events never count.
 */
export function timelineContributions(scope: SQL, dims: readonly Dim[] = ["type", "actor", "root", "issue"]): SQL {
  const parts: SQL[] = [];
  if (dims.includes("type"))
    parts.push(sql`SELECT placed, status, 'type' AS dim, type AS value, count(*)::int AS n FROM ev GROUP BY 1, 2, 4`);
  if (dims.includes("actor"))
    parts.push(sql`SELECT placed, status, 'actor', actor_id, count(*)::int FROM links GROUP BY 1, 2, 4`);
  if (dims.includes("root"))
    parts.push(sql`SELECT l.placed, l.status, 'root', r.root, count(DISTINCT (l.article_id, l.id))::int
      FROM links l JOIN roots r ON r.id = l.actor_id GROUP BY 1, 2, 4`);
  if (dims.includes("issue"))
    parts.push(sql`SELECT ev.placed, ev.status, 'issue', split_part(ei.issue, '.', 1),
        count(DISTINCT (ev.article_id, ev.id))::int
      FROM ev JOIN event_issues ei ON ei.article_id = ev.article_id AND ei.event_id = ev.id GROUP BY 1, 2, 4`);
  return sql`WITH RECURSIVE ev AS MATERIALIZED (
      SELECT ${events.articleId} AS article_id, ${events.id} AS id, ${events.type} AS type, ${events.status} AS status,
        coalesce(${events.dateValue}, ${articles.published}::text, '') AS placed
      FROM ${events} JOIN ${articles} ON ${articles.id} = ${events.articleId}
      WHERE ${scope} AND ${events.reviewState} IS DISTINCT FROM 'rejected'),
    links AS (
      SELECT DISTINCT ev.placed, ev.status, ev.article_id, ev.id, ea.actor_id
      FROM ev JOIN event_actors ea ON ea.article_id = ev.article_id AND ea.event_id = ev.id),
    chain(id, cur, path) AS (
      SELECT DISTINCT actor_id, actor_id, ARRAY[actor_id] FROM links
      UNION ALL
      SELECT c.id, a.affiliation, c.path || a.affiliation FROM chain c JOIN actors a ON a.id = c.cur
      WHERE a.affiliation IS NOT NULL AND a.affiliation <> ALL (c.path)),
    roots AS (SELECT DISTINCT ON (id) id, cur AS root FROM chain ORDER BY id, cardinality(path) DESC)
    ${sql.join(parts, sql` UNION ALL `)}`;
}

/** `placed` at each grain (see the `timeline_counts` migration). */
const GRAIN_KEY = sql`CASE g.grain
    WHEN 'week' THEN CASE WHEN length(placed) = 10 THEN to_char(placed::date, 'IYYY-"W"IW') ELSE placed END
    WHEN 'month' THEN CASE WHEN length(placed) >= 7 THEN substr(placed, 1, 7) ELSE placed END
    ELSE placed END`;

/** The contributions of `scope` at every grain, summed per key and ordered by it. */
function grainedContributions(scope: SQL): SQL {
  return sql`SELECT g.grain, ${GRAIN_KEY} AS placed, status, dim, value, sum(n)::int AS n
    FROM (${timelineContributions(scope)}) c CROSS JOIN (VALUES ('day'), ('week'), ('month')) AS g(grain)
    GROUP BY 1, 2, 3, 4, 5`;
}

/** Adds (`sign` 1) or removes (`sign` -1) the contributions of the events in `scope` to `timeline_counts`. */
export async function updateTimelineCounts(tx: Db, scope: SQL, sign: 1 | -1): Promise<void> {
  // Sorted keys: concurrent writers lock the rows they share in the same order, so they cannot deadlock.
  await tx.execute(sql`INSERT INTO timeline_counts (grain, placed, status, dim, value, n)
    SELECT grain, placed, status, dim, value, n * ${sign} FROM (${grainedContributions(scope)}) c
    ORDER BY grain, placed, status, dim, value
    ON CONFLICT (grain, placed, status, dim, value) DO UPDATE SET n = timeline_counts.n + excluded.n`);
}

/** Events of these articles (the write path's scope). */
export function articlesScope(ids: readonly string[]): SQL {
  return sql`${events.articleId} = ANY(${sql.param([...ids])}::text[])`;
}

/** One event (the review path's scope). */
export function eventKeyScope(articleId: string, eventId: string): SQL {
  return sql`${events.articleId} = ${articleId} AND ${events.id} = ${eventId}`;
}

/** Flags the summary for recomputation before its next use (e.g. an actor moved to another affiliation). */
export async function markTimelineStale(tx: Db): Promise<void> {
  await tx.execute(sql`UPDATE summary_state SET stale = true WHERE name = 'timeline'`);
}

/** Recomputes `timeline_counts` from the events, holding writers off meanwhile so none is counted twice. */
export async function rebuildTimelineCounts(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`LOCK TABLE timeline_counts IN EXCLUSIVE MODE`);
    await tx.execute(sql`DELETE FROM timeline_counts`);
    await tx.execute(sql`INSERT INTO timeline_counts (grain, placed, status, dim, value, n)
      SELECT grain, placed, status, dim, value, n FROM (${grainedContributions(sql`true`)}) c`);
    await tx.execute(sql`UPDATE summary_state SET stale = false WHERE name = 'timeline'`);
  });
}

async function ensureFresh(db: Db): Promise<void> {
  const [state] = await queryRows<{ stale: boolean }>(db, sql`SELECT stale FROM summary_state WHERE name = 'timeline'`);
  if (state?.stale) await rebuildTimelineCounts(db);
}

/** Filters the summary can answer: it has no outlet, actor, issue, type or text columns. */
function summaryAnswers(f: TimelineFilter): boolean {
  return !(f.actor || f.role || f.type || f.issue || f.text || f.outlet || f.articleId);
}

/** The bucket key of a placement value in SQL, NULL when the value is too coarse (see core's `bucketOf`). */
function bucketSql(g: Granularity): SQL {
  const day =
    g === "day" ? sql`placed` : g === "week" ? sql`to_char(placed::date, 'IYYY-"W"IW')` : sql`substr(placed, 1, 7)`;
  return sql`CASE WHEN length(placed) = 10 THEN ${day}${g === "month" ? sql` WHEN length(placed) = 7 THEN placed` : sql``} END`;
}

/** Placement values whose date range meets [from, to] (the events' `coalesce(date, published)` bounds). */
function placedRange(f: TimelineFilter): SQL[] {
  const c: SQL[] = [];
  // A partial date compares with a day by its own length: `2024-03` ends on or after `2024-03-15`.
  if (f.from) {
    const from = dateBounds(f.from)[0];
    c.push(sql`placed <> '' AND placed COLLATE "C" >= substr(${from}::text, 1, length(placed))`);
  }
  if (f.to) {
    const to = dateBounds(f.to)[1];
    c.push(sql`placed <> '' AND placed COLLATE "C" <= substr(${to}::text, 1, length(placed))`);
  }
  return c;
}

/**
 * The grain of `timeline_counts` that answers a granularity and date range exactly: the granularity's own
 * when the range is open or (months) falls on month boundaries, else the placement values themselves.
 */
function grainFor(f: TimelineFilter): Granularity {
  if (!f.from && !f.to) return f.granularity;
  if (f.granularity !== "month") return "day";
  const fromOk = !f.from || dateBounds(f.from)[0].endsWith("-01");
  const toOk = !f.to || dateBounds(f.to)[1] === dateBounds(f.to.slice(0, 7))[1];
  return fromOk && toOk ? "month" : "day";
}

interface CountRow {
  bucket: string | null;
  placed: string;
  status: EventStatus;
  dim: Dim;
  value: string;
  n: number;
}

/**
 * The timeline of a filter, aggregated in SQL: from `timeline_counts` when the filter only narrows status and
 * dates, otherwise from the contributions of the filtered events. Same result as core's `buildTimeline` over
 * the loaded events.
 */
export async function sqlTimeline(db: Db, f: TimelineFilter): Promise<Timeline> {
  const g = f.granularity;
  const actorDim: Dim = f.rollUp ? "root" : "actor";
  const dims: Dim[] = ["type", actorDim, "issue"];
  let source: SQL;
  let bucket: SQL;
  const conds: SQL[] = [sql`dim IN (${sql.join(dims, sql`, `)})`];
  if (summaryAnswers(f)) {
    await ensureFresh(db);
    const grain = grainFor(f);
    source = sql`timeline_counts`;
    conds.push(sql`grain = ${grain}`);
    const statuses = f.status ? (Array.isArray(f.status) ? f.status : [f.status]) : null;
    if (statuses) conds.push(sql`status IN (${sql.join(statuses, sql`, `)})`);
    conds.push(...placedRange(f));
    // At the granularity's own grain the key is the bucket; only coarser values (and '') are not.
    bucket =
      grain === g
        ? g === "week"
          ? sql`CASE WHEN placed LIKE '%W%' THEN placed END`
          : sql`CASE WHEN length(placed) = ${g === "day" ? 10 : 7} THEN placed END`
        : bucketSql(g);
  } else {
    source = sql`(${timelineContributions(eventScope(f), dims)})`;
    bucket = bucketSql(g);
  }
  const rows = await queryRows<CountRow>(
    db,
    sql`SELECT ${bucket} AS bucket, placed, status, dim, value, sum(n)::int AS n FROM ${source} c
      WHERE ${and(...conds)} GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0`,
  );
  const buckets = new Map<string, TimelineBucket>();
  const tooCoarse: Record<string, number> = {};
  let undated = 0;
  const empty = (): TimelineCounts => ({ total: 0, byType: {}, byActor: {}, byIssue: {} });
  for (const r of rows) {
    const n = Number(r.n);
    if (r.bucket === null) {
      // Counted once per event: through its type.
      if (r.dim !== "type") continue;
      if (r.placed === "") undated += n;
      else tooCoarse[r.placed] = (tooCoarse[r.placed] ?? 0) + n;
      continue;
    }
    let b = buckets.get(r.bucket);
    if (!b) {
      b = {
        key: r.bucket,
        start: bucketStart(r.bucket, g),
        occurred: empty(),
        planned: empty(),
        hypothetical: empty(),
        negated: empty(),
      };
      buckets.set(r.bucket, b);
    }
    const c = b[r.status];
    const add = (rec: Record<string, number>) => {
      rec[r.value] = (rec[r.value] ?? 0) + n;
    };
    if (r.dim === "type") {
      c.total += n;
      add(c.byType as Record<string, number>);
    } else if (r.dim === "issue") add(c.byIssue);
    else add(c.byActor);
  }
  const out = [...buckets.values()].sort((a, b) => cmp(a.start, b.start));
  for (const b of out)
    for (const s of ["occurred", "planned", "hypothetical", "negated"] as const) {
      b[s].byType = sortedRecord(b[s].byType as Record<string, number>) as TimelineCounts["byType"];
      b[s].byActor = sortedRecord(b[s].byActor);
      b[s].byIssue = sortedRecord(b[s].byIssue);
    }
  return {
    granularity: g,
    buckets: out.slice(f.offset, f.offset + f.limit),
    tooCoarse: sortedRecord(tooCoarse),
    undated,
  };
}

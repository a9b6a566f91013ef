import { and, inArray, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { type Db, queryRows } from "./db/driver";
import { actors, articles, eventClusterMembers, eventClusters, events } from "./db/schema";
import { dateBounds, type FilterSchema } from "./filters";
import { CLUSTER_WINDOW_DAYS, clusterEvents, type EventCluster, MAX_CLUSTER_WINDOW_DAYS } from "./model";
import { loadActorsFor, loadEventsWhere } from "./views";
import { insertJson } from "./write";

/** `method` of clusters the store computes (core's `clusterEvents`); other methods are left alone. */
export const CLUSTER_METHOD = "parley-auto-1";

/**
 * The partition an event is clustered in: type × year of its date (dated), type × ISO week of its article
 * (undated; `clusterEvents` merges undated reports of one week only), and each undated event of an undated article
 * alone. `clusterEvents` merges only events of one type, and dated ones whose days lie within the type's window
 * (`CLUSTER_WINDOW_DAYS`, at most a week) or whose month or year contains such a day — so a cluster can cross a
 * year boundary only when the type has reports in the last days of one year and the first days of the next.
 * `recluster` closes the partitions it is given over those boundaries (and over the stored clusters it replaces),
 * so re-clustering some partitions gives the same clusters as re-clustering the corpus.
 */
export const EVENT_BUCKET = sql`CASE
  WHEN ${events.dateValue} IS NOT NULL THEN ${events.type} || '|y:' || substr(${events.dateValue}, 1, 4)
  WHEN ${articles.published} IS NOT NULL THEN ${events.type} || '|w:' || to_char(${articles.published}, 'IYYY-"W"IW')
  ELSE ${events.type} || '|n:' || ${events.articleId} || ':' || ${events.id} END`;

const notRejected = sql`${events.reviewState} IS DISTINCT FROM 'rejected'`;

/**
 * Records the partitions of the given articles' events, and of the stored clusters holding them, as out of date.
 * Call inside the transaction that writes the articles (before deleting replaced events: their cluster
 * memberships go with them), so the record commits or vanishes with the write.
 */
export async function markPending(
  db: Db,
  articleIds: readonly string[],
  opts: { clustered: boolean } = { clustered: true },
): Promise<void> {
  if (articleIds.length === 0) return;
  const ids = sql.param([...articleIds]);
  // New articles are in no cluster yet: only replaced ones need the partitions of the clusters holding them.
  const held = opts.clustered
    ? sql`UNION SELECT c.bucket FROM ${eventClusters} c JOIN ${eventClusterMembers} m ON m.cluster_id = c.id
        WHERE m.article_id = ANY(${ids}::text[]) AND c.bucket IS NOT NULL`
    : sql``;
  await db.execute(
    sql`INSERT INTO recluster_pending (bucket) SELECT DISTINCT b FROM (
      SELECT ${EVENT_BUCKET} AS b FROM ${events} JOIN ${articles} ON ${articles.id} = ${events.articleId}
        WHERE ${events.articleId} = ANY(${ids}::text[]) ${held}) AS x ORDER BY b`,
  );
}

/**
 * Re-clusters the partitions recorded as out of date (`markPending`), or the whole corpus, and clears the record
 * in the same transaction: after a crash the record is still there and the next call finishes the work.
 */
export async function reclusterPending(
  db: Db,
  scope: "pending" | "all" = "pending",
  budget = Number.POSITIVE_INFINITY,
): Promise<ReclusterSummary> {
  const t0 = performance.now();
  if (scope === "all" || !Number.isFinite(budget)) {
    const summary = await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${RECLUSTER_LOCK})`);
      const taken = await queryRows<{ bucket: string }>(tx, sql`DELETE FROM recluster_pending RETURNING bucket`);
      if (scope === "all") return reclusterLocked(tx, "all");
      const buckets = [...new Set(taken.map((r) => r.bucket))];
      if (buckets.length === 0) return { buckets: 0, events: 0, clusters: 0 };
      return reclusterLocked(tx, buckets);
    });
    return { ...summary, ms: Math.round(performance.now() - t0) };
  }
  // In steps of about `budget` events (re-clustering loads every event of its partitions): memory follows the
  // largest partition, not the whole ingest. Each step re-clusters its partitions and clears them from the record
  // in one transaction, so a crash between steps leaves the rest recorded. The sizes are read once, outside.
  const pending = await queryRows<{ bucket: string }>(db, sql`SELECT DISTINCT bucket FROM recluster_pending`);
  const total: ReclusterSummary = { buckets: 0, events: 0, clusters: 0, ms: 0 };
  if (pending.length === 0) return total;
  const sizes = new Map<string, number>();
  const rows = await queryRows<{ b: string; n: number }>(
    db,
    sql`SELECT ${EVENT_BUCKET} AS b, count(*)::int AS n FROM ${events} JOIN ${articles} ON ${articles.id} = ${events.articleId}
      WHERE ${EVENT_BUCKET} = ANY(${sql.param(pending.map((r) => r.bucket))}::text[]) GROUP BY 1`,
  );
  for (const r of rows) sizes.set(r.b, Number(r.n));
  const steps: string[][] = [];
  let step: string[] = [];
  let size = 0;
  // Sorted, a type's years sit together (a step often holds the neighbours its closure would add).
  for (const b of pending.map((r) => r.bucket).sort()) {
    const n = sizes.get(b) ?? 0;
    if (step.length > 0 && size + n > budget) {
      steps.push(step);
      step = [];
      size = 0;
    }
    step.push(b);
    size += n;
  }
  if (step.length > 0) steps.push(step);
  for (const buckets of steps) {
    const r = await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${RECLUSTER_LOCK})`);
      await tx.execute(sql`DELETE FROM recluster_pending WHERE bucket = ANY(${sql.param(buckets)}::text[])`);
      return reclusterLocked(tx, buckets);
    });
    total.buckets += r.buckets;
    total.events += r.events;
    total.clusters += r.clusters;
  }
  // Partitions recorded meanwhile by another writer are left for its own call (or the next).
  return { ...total, ms: Math.round(performance.now() - t0) };
}

/** Partitions holding the given articles' events now, plus those holding clusters with their events. */
export async function bucketsOfArticles(db: Db, articleIds: readonly string[]): Promise<string[]> {
  if (articleIds.length === 0) return [];
  const out = new Set<string>();
  const ids = sql.param([...articleIds]);
  const now = await queryRows<{ b: string }>(
    db,
    sql`SELECT DISTINCT ${EVENT_BUCKET} AS b FROM ${events} JOIN ${articles} ON ${articles.id} = ${events.articleId}
      WHERE ${events.articleId} = ANY(${ids}::text[])`,
  );
  for (const r of now) out.add(r.b);
  const held = await queryRows<{ b: string }>(
    db,
    sql`SELECT DISTINCT c.bucket AS b FROM ${eventClusters} c JOIN ${eventClusterMembers} m ON m.cluster_id = c.id
      WHERE m.article_id = ANY(${ids}::text[]) AND c.bucket IS NOT NULL`,
  );
  for (const r of held) out.add(r.b);
  return [...out];
}

/** Partitions of specific events (before and after a review changes their type or date). */
export async function bucketsOfEvents(db: Db, keys: { articleId: string; id: string }[]): Promise<string[]> {
  const out = new Set<string>();
  for (const k of keys) {
    const rows = await queryRows<{ b: string }>(
      db,
      sql`SELECT ${EVENT_BUCKET} AS b FROM ${events} JOIN ${articles} ON ${articles.id} = ${events.articleId}
        WHERE ${events.articleId} = ${k.articleId} AND ${events.id} = ${k.id}
        UNION SELECT c.bucket FROM ${eventClusters} c JOIN ${eventClusterMembers} m ON m.cluster_id = c.id
        WHERE m.article_id = ${k.articleId} AND m.event_id = ${k.id} AND c.bucket IS NOT NULL`,
    );
    for (const r of rows) out.add(r.b);
  }
  return [...out];
}

export interface ReclusterSummary {
  buckets: number;
  events: number;
  clusters: number;
  ms: number;
}

function spanBounds(c: EventCluster): [string | null, string | null] {
  const lo = c.dateSpan.min ?? c.date ?? c.firstReport.published;
  const hi = c.dateSpan.max ?? c.date ?? c.firstReport.published;
  return [lo ? dateBounds(lo)[0] : null, hi ? dateBounds(hi)[1] : null];
}

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Math.round(Date.parse(`${day.slice(0, 10)}T00:00:00Z`) / DAY_MS);

/**
 * Day-precision report days of the given types in the last and first `MAX_CLUSTER_WINDOW_DAYS` days of the years
 * around the given ones: `type|YYYY` → days.
 */
async function boundaryDays(db: Db, types: string[], years: number[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (types.length === 0) return out;
  const w = MAX_CLUSTER_WINDOW_DAYS;
  const lateFrom = `12-${String(32 - w).padStart(2, "0")}`;
  const earlyTo = `01-${String(w).padStart(2, "0")}`;
  const ys = [...new Set(years.flatMap((y) => [y - 1, y, y + 1]))].map(String);
  const rows = await queryRows<{ type: string; d: string }>(
    db,
    sql`SELECT DISTINCT ${events.type} AS type, substr(${events.dateValue}, 1, 10) AS d FROM ${events}
      WHERE ${notRejected} AND length(${events.dateValue}) >= 10
        AND ${events.type} = ANY(${sql.param(types)}::text[])
        AND substr(${events.dateValue}, 1, 4) = ANY(${sql.param(ys)}::text[])
        AND (substr(${events.dateValue}, 6, 5) >= ${lateFrom} OR substr(${events.dateValue}, 6, 5) <= ${earlyTo})`,
  );
  for (const r of rows) {
    const key = `${r.type}|${r.d.slice(0, 4)}`;
    const list = out.get(key);
    if (list) list.push(r.d);
    else out.set(key, [r.d]);
  }
  return out;
}

/**
 * The smallest superset of `start` that re-clusters to the same clusters as the whole corpus: it adds
 * - the partitions of stored clusters holding events of the set (they are replaced, so wholly re-clustered),
 * - the partitions of the events of stored clusters of the set (they lose their cluster, so are re-clustered),
 * - for a dated partition type × year, the previous or next year of that type when a cluster could cross the
 *   boundary: a report in the last `w` days of the earlier year and one in the first `w` days of the later
 *   (`w` = the type's window), so chains of windows stay in one set.
 * Repeated until nothing is added (usually one round and a check).
 */
export async function closeBuckets(db: Db, start: readonly string[]): Promise<string[]> {
  const set = new Set(start);
  for (;;) {
    const size = set.size;
    const list = sql.param([...set]);
    const held = await queryRows<{ b: string }>(
      db,
      sql`SELECT c.bucket AS b FROM ${eventClusters} c JOIN ${eventClusterMembers} m ON m.cluster_id = c.id
          JOIN ${events} ON ${events.articleId} = m.article_id AND ${events.id} = m.event_id
          JOIN ${articles} ON ${articles.id} = ${events.articleId}
        WHERE c.method = ${CLUSTER_METHOD} AND c.bucket IS NOT NULL AND ${EVENT_BUCKET} = ANY(${list}::text[])
        UNION
        SELECT ${EVENT_BUCKET} AS b FROM ${eventClusters} c JOIN ${eventClusterMembers} m ON m.cluster_id = c.id
          JOIN ${events} ON ${events.articleId} = m.article_id AND ${events.id} = m.event_id
          JOIN ${articles} ON ${articles.id} = ${events.articleId}
        WHERE c.method = ${CLUSTER_METHOD} AND c.bucket = ANY(${list}::text[])`,
    );
    for (const r of held) set.add(r.b);
    const dated: [string, number][] = [];
    for (const b of set) {
      const m = /^([A-Z_]+)\|y:(\d{4})$/.exec(b);
      if (m) dated.push([m[1]!, Number(m[2])]);
    }
    const days = await boundaryDays(
      db,
      [...new Set(dated.map(([t]) => t))],
      dated.map(([, y]) => y),
    );
    /** True when a cluster of `type` could hold days of both `year` and `year + 1`. */
    const linked = (type: string, year: number): boolean => {
      const w = CLUSTER_WINDOW_DAYS[type as keyof typeof CLUSTER_WINDOW_DAYS] ?? MAX_CLUSTER_WINDOW_DAYS;
      const jan1 = dayNumber(`${year + 1}-01-01`);
      const late = (days.get(`${type}|${year}`) ?? []).some((d) => jan1 - dayNumber(d) <= w && jan1 > dayNumber(d));
      const early = (days.get(`${type}|${year + 1}`) ?? []).some(
        (d) => dayNumber(d) - jan1 < w && dayNumber(d) >= jan1,
      );
      return late && early;
    };
    for (const [type, year] of dated) {
      if (linked(type, year - 1)) set.add(`${type}|y:${year - 1}`);
      if (linked(type, year)) set.add(`${type}|y:${year + 1}`);
    }
    if (set.size === size) return [...set];
  }
}

/**
 * Re-clusters whole partitions (`"all"`: the corpus) with core's `clusterEvents` and replaces their stored
 * clusters in one transaction. The partitions are first closed (`closeBuckets`) so that the result equals
 * re-clustering the corpus. Clusters that come out unchanged keep their id and creation time.
 */
export async function recluster(db: Db, given: readonly string[] | "all"): Promise<ReclusterSummary> {
  const t0 = performance.now();
  if (given !== "all" && given.length === 0) return { buckets: 0, events: 0, clusters: 0, ms: 0 };
  // Two processes re-clustering at once (concurrent ingests on one server) would each delete the partitions'
  // clusters and insert their own, from different snapshots: an event could end in two clusters, or an insert
  // fail on a duplicate id. One transaction-scoped advisory lock serialises them, and the reads happen after
  // it is taken, so each sees the other's committed clusters and events.
  const summary = await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${RECLUSTER_LOCK})`);
    return reclusterLocked(tx, given);
  });
  return { ...summary, ms: Math.round(performance.now() - t0) };
}

/** Any constant will do (another than the migrator's); it serialises re-clustering on one database. */
const RECLUSTER_LOCK = 0x70636c75;

async function reclusterLocked(db: Db, given: readonly string[] | "all"): Promise<Omit<ReclusterSummary, "ms">> {
  const buckets = given === "all" ? given : await closeBuckets(db, given);
  const inBuckets: SQL = buckets === "all" ? sql`true` : sql`${EVENT_BUCKET} = ANY(${sql.param([...buckets])}::text[])`;
  const evs = await loadEventsWhere(db, and(notRejected, inBuckets)!, true);
  const arts = await queryRows<{ id: string; outlet: string | null; published: string | null; title: string | null }>(
    db,
    sql`SELECT ${articles.id} AS id, ${articles.outlet} AS outlet, ${articles.published}::text AS published,
      ${articles.title} AS title FROM ${articles} WHERE ${articles.id} IN (
        SELECT ${events.articleId} FROM ${events} JOIN ${articles} ON ${articles.id} = ${events.articleId}
        WHERE ${notRejected} AND ${inBuckets})`,
  );
  const acts = await loadActorsFor(db, evs);
  const names = new Map(acts.map((a) => [a.id, a.name]));
  const published = new Map(arts.map((a) => [a.id, a.published]));
  const bucketOf = (articleId: string, e: (typeof evs)[number]): string => {
    if (e.date) return `${e.type}|y:${e.date.value.slice(0, 4)}`;
    const pub = published.get(articleId);
    return pub ? `${e.type}|w:${isoWeekSql(pub)}` : `${e.type}|n:${articleId}:${e.id}`;
  };
  const clusters = clusterEvents({
    articles: arts.map((a) => ({ ...a, wordCount: 0, framingTerms: [] })),
    events: evs,
    actors: acts,
  });
  const byKey = new Map(evs.map((e) => [e.id, e]));
  const rows = clusters.map((c) => {
    const first = byKey.get(c.eventIds[0]!)!;
    const [start, end] = spanBounds(c);
    const who = c.actors
      .slice(0, 3)
      .map((a) => names.get(a) ?? a)
      .join(", ");
    return {
      id: c.id,
      label: `${c.type} ${c.date ?? "undated"}${who ? ` ${who}` : ""}`,
      method: CLUSTER_METHOD,
      bucket: bucketOf(first.articleId, first),
      type: c.type,
      date: c.date,
      placeId: c.placeId,
      actors: c.actors,
      issues: c.issues,
      outlets: c.outlets,
      articleCount: c.articleCount,
      outletCount: c.outletCount,
      dateMin: c.dateSpan.min,
      dateMax: c.dateSpan.max,
      dateStart: start,
      dateEnd: end,
      firstReport: c.firstReport,
      statuses: c.statuses as Record<string, number>,
    };
  });
  const members = clusters.flatMap((c) =>
    c.eventIds.map((id) => ({ clusterId: c.id, articleId: byKey.get(id)!.articleId, eventId: id })),
  );
  const scope = sql`${eventClusters.method} = ${CLUSTER_METHOD} AND ${
    buckets === "all" ? sql`true` : sql`${eventClusters.bucket} = ANY(${sql.param([...buckets])}::text[])`
  }`;
  // Unchanged clusters (same members, so the same id) keep their creation time.
  const before = await queryRows<{ id: string; created_at: string | Date }>(
    db,
    sql`SELECT ${eventClusters.id} AS id, ${eventClusters.createdAt} AS created_at FROM ${eventClusters} WHERE ${scope}`,
  );
  const created = new Map(before.map((r) => [r.id, new Date(r.created_at).toISOString()]));
  await db.delete(eventClusters).where(scope);
  const now = new Date().toISOString();
  await insertJson(
    db,
    "event_clusters",
    {
      id: "text",
      label: "text",
      method: "text",
      created_at: "timestamptz",
      bucket: "text",
      type: "text",
      date: "text",
      place_id: "text",
      actors: "text[]",
      issues: "text[]",
      outlets: "text[]",
      article_count: "integer",
      outlet_count: "integer",
      date_min: "text",
      date_max: "text",
      date_start: "date",
      date_end: "date",
      first_report: "jsonb",
      statuses: "jsonb",
    },
    rows.map((r) => ({
      id: r.id,
      label: r.label,
      method: r.method,
      created_at: created.get(r.id) ?? now,
      bucket: r.bucket,
      type: r.type,
      date: r.date,
      place_id: r.placeId,
      actors: r.actors,
      issues: r.issues,
      outlets: r.outlets,
      article_count: r.articleCount,
      outlet_count: r.outletCount,
      date_min: r.dateMin,
      date_max: r.dateMax,
      date_start: r.dateStart,
      date_end: r.dateEnd,
      first_report: r.firstReport,
      statuses: r.statuses,
    })),
  );
  await insertJson(
    db,
    "event_cluster_members",
    { cluster_id: "text", article_id: "text", event_id: "text" },
    members.map((m) => ({ cluster_id: m.clusterId, article_id: m.articleId, event_id: m.eventId })),
  );
  const nb = buckets === "all" ? new Set(rows.map((r) => r.bucket)).size : buckets.length;
  return { buckets: nb, events: evs.length, clusters: rows.length };
}

/** ISO week as PostgreSQL's `to_char(d, 'IYYY-"W"IW')` writes it. */
function isoWeekSql(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  const t = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
  const dow = (new Date(t).getUTCDay() + 6) % 7;
  const thursday = new Date(t + (3 - dow) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 / 7);
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** A stored event cluster: core's `EventCluster` plus its label, method and creation time. */
export interface StoredCluster extends EventCluster {
  label: string | null;
  method: string;
  createdAt: string;
  members: { articleId: string; eventId: string }[];
}

type BaseFilter = z.output<typeof FilterSchema>;

/** Stored clusters matching a filter, dated ones first by date, then by corroboration. */
export async function queryClusters(
  db: Db,
  f: BaseFilter & { minOutlets?: number; minArticles?: number },
): Promise<StoredCluster[]> {
  const c = eventClusters;
  const conds: SQL[] = [];
  if (f.actor) {
    conds.push(sql`${c.actors} && ARRAY(SELECT ${actors.id} FROM ${actors} WHERE ${actors.id} = ${f.actor}
      OR lower(${actors.name}) = lower(${f.actor}) OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(${actors.aliases}) al(v)
      WHERE lower(al.v) = lower(${f.actor})))`);
  }
  const types = f.type === undefined ? undefined : Array.isArray(f.type) ? f.type : [f.type];
  if (types) conds.push(inArray(c.type, types));
  if (f.issue) {
    conds.push(
      sql`EXISTS (SELECT 1 FROM unnest(${c.issues}) i(v) WHERE i.v = ${f.issue} OR starts_with(i.v, ${`${f.issue}.`}))`,
    );
  }
  if (f.outlet) conds.push(sql`EXISTS (SELECT 1 FROM unnest(${c.outlets}) o(v) WHERE lower(o.v) = lower(${f.outlet}))`);
  const statuses = f.status === undefined ? undefined : Array.isArray(f.status) ? f.status : [f.status];
  if (statuses)
    conds.push(
      sql`(${sql.join(
        statuses.map((s) => sql`${c.statuses} ? ${s}`),
        sql` OR `,
      )})`,
    );
  if (f.from) conds.push(sql`${c.dateEnd} >= ${dateBounds(f.from)[0]}::date`);
  if (f.to) conds.push(sql`${c.dateStart} <= ${dateBounds(f.to)[1]}::date`);
  if (f.text || f.articleId) {
    const inner: SQL[] = [];
    if (f.articleId) inner.push(sql`${events.articleId} = ${f.articleId}`);
    if (f.text) inner.push(sql`${events.tsv} @@ websearch_to_tsquery('english', ${f.text})`);
    conds.push(sql`EXISTS (SELECT 1 FROM ${eventClusterMembers} m JOIN ${events}
      ON ${events.articleId} = m.article_id AND ${events.id} = m.event_id
      WHERE m.cluster_id = ${c.id} AND ${and(...inner)})`);
  }
  if (f.minOutlets) conds.push(sql`${c.outletCount} >= ${f.minOutlets}`);
  if (f.minArticles) conds.push(sql`${c.articleCount} >= ${f.minArticles}`);
  const rows = await db
    .select()
    .from(c)
    .where(and(...conds))
    .orderBy(sql`${c.dateStart} ASC NULLS LAST`, sql`${c.outletCount} DESC`, c.id)
    .limit(f.limit)
    .offset(f.offset);
  if (rows.length === 0) return [];
  const mem = await db
    .select()
    .from(eventClusterMembers)
    .where(
      inArray(
        eventClusterMembers.clusterId,
        rows.map((r) => r.id),
      ),
    );
  const byCluster = new Map<string, { articleId: string; eventId: string }[]>();
  for (const m of mem) {
    const list = byCluster.get(m.clusterId) ?? [];
    list.push({ articleId: m.articleId, eventId: m.eventId });
    byCluster.set(m.clusterId, list);
  }
  return rows.map((r) => {
    const members = (byCluster.get(r.id) ?? []).sort((x, y) =>
      x.eventId < y.eventId ? -1 : x.eventId > y.eventId ? 1 : 0,
    );
    return {
      id: r.id,
      type: r.type as EventCluster["type"],
      date: r.date,
      placeId: r.placeId,
      actors: r.actors,
      issues: r.issues,
      firstReport: r.firstReport ?? { eventId: "", articleId: "", published: null, outlet: null },
      outlets: r.outlets,
      articleCount: r.articleCount,
      outletCount: r.outletCount,
      dateSpan: { min: r.dateMin, max: r.dateMax },
      statuses: r.statuses as EventCluster["statuses"],
      eventIds: members.map((m) => m.eventId),
      label: r.label,
      method: r.method,
      createdAt: new Date(r.createdAt).toISOString(),
      members,
    };
  });
}

/**
 * Exports that stream: events page by page (keyset pagination in the listing order, so each page is one index-
 * friendly query however deep it is) with their cluster and reviews, and the whole-corpus dump as JSON text
 * chunks. Memory stays at one page whatever the corpus size.
 */
import { and, asc, eq, gt, inArray, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { type Db, queryRows } from "./db/driver";
import { articles, eventClusterMembers, eventClusters, events, reviews } from "./db/schema";
import type { EventFilterSchema } from "./filters";
import {
  articleConditions,
  eventConditions,
  hydrateEvents,
  loadArticle,
  rowToReview,
  type StoredEvent,
  type StoredReview,
} from "./read";

/** An event with what an export line needs: its cluster (corroboration) and its analyst reviews. */
export interface EventWithContext {
  event: StoredEvent;
  cluster: { id: string; articleCount: number; outletCount: number; outlets: string[] } | null;
  reviews: StoredReview[];
}

interface Cursor {
  start: string | null;
  articleId: string;
  ord: number;
}

/** Rows after `c` in the order `sort_date ASC NULLS LAST, article id, ord` (index `events_sort_idx`). */
function after(c: Cursor): SQL {
  const rest = sql`(${events.articleId}, ${events.ord}) > (${c.articleId}, ${c.ord})`;
  if (c.start === null) return sql`(${events.sortDate} IS NULL AND ${rest})`;
  return sql`(${events.sortDate} > ${c.start}::date OR (${events.sortDate} = ${c.start}::date AND ${rest})
    OR ${events.sortDate} IS NULL)`;
}

const key = (articleId: string, eventId: string) => `${articleId}\u0000${eventId}`;

/**
 * The events a filter selects (every one: `limit`/`offset` of the filter are ignored; `max` caps the total), in
 * pages of `pageSize`, in the order of `events()`.
 */
export async function* streamEvents(
  db: Db,
  f: z.output<typeof EventFilterSchema>,
  opts: { pageSize?: number; max?: number } = {},
): AsyncGenerator<EventWithContext[]> {
  const pageSize = opts.pageSize ?? 2000;
  let left = opts.max ?? Number.POSITIVE_INFINITY;
  const conds = [...eventConditions(f), ...articleConditions(f)];
  if (!f.includeRejected) conds.push(sql`${events.reviewState} IS DISTINCT FROM 'rejected'`);
  let cursor: Cursor | null = null;
  while (left > 0) {
    const rows: { e: typeof events.$inferSelect; a: typeof articles.$inferSelect; start: string | null }[] = await db
      .select({ e: events, a: articles, start: sql<string | null>`${events.sortDate}::text` })
      .from(events)
      .innerJoin(articles, eq(articles.id, events.articleId))
      .where(and(...conds, ...(cursor ? [after(cursor)] : [])))
      .orderBy(sql`${events.sortDate} ASC NULLS LAST`, asc(events.articleId), asc(events.ord))
      .limit(Math.min(pageSize, left));
    if (rows.length === 0) return;
    const last = rows[rows.length - 1]!;
    cursor = { start: last.start, articleId: last.e.articleId, ord: last.e.ord };
    left -= rows.length;
    const hydrated = await hydrateEvents(
      db,
      rows.map((r) => r.e),
    );
    const articleIds: string[] = [...new Set(rows.map((r) => r.e.articleId))];
    const clusterOf = new Map<string, EventWithContext["cluster"]>();
    const memberships = await queryRows<{
      article_id: string;
      event_id: string;
      id: string;
      article_count: number;
      outlet_count: number;
      outlets: string[];
    }>(
      db,
      sql`SELECT m.article_id, m.event_id, c.id, c.article_count, c.outlet_count, c.outlets
        FROM ${eventClusterMembers} m JOIN ${eventClusters} c ON c.id = m.cluster_id
        WHERE m.article_id = ANY(${sql.param(articleIds)}::text[]) ORDER BY c.id`,
    );
    for (const m of memberships) {
      const k = key(m.article_id, m.event_id);
      if (!clusterOf.has(k)) {
        clusterOf.set(k, { id: m.id, articleCount: m.article_count, outletCount: m.outlet_count, outlets: m.outlets });
      }
    }
    const reviewsOf = new Map<string, StoredReview[]>();
    const rs = await db
      .select()
      .from(reviews)
      .where(inArray(reviews.articleId, articleIds))
      .orderBy(asc(reviews.createdAt), asc(reviews.id));
    for (const r of rs.map(rowToReview)) {
      const k = key(r.articleId, r.eventId);
      const list = reviewsOf.get(k);
      if (list) list.push(r);
      else reviewsOf.set(k, [r]);
    }
    yield hydrated.map((h, i) => {
      const a = rows[i]!.a;
      const k = key(h.event.articleId, h.event.id);
      return {
        event: {
          ...h.event,
          reviewState: h.reviewState,
          article: { id: a.id, title: a.title, outlet: a.outlet, published: a.published, url: a.url },
        },
        cluster: clusterOf.get(k) ?? null,
        reviews: reviewsOf.get(k) ?? [],
      };
    });
    if (rows.length < pageSize) return;
  }
}

/**
 * The whole corpus as the text of `JSON.stringify(exportAll())`, in chunks: articles a page at a time, then
 * reviews, then clusters with their members.
 */
export async function* exportJsonChunks(db: Db): AsyncGenerator<string> {
  yield `{"format":"parley-corpus","version":1,"exportedAt":${JSON.stringify(new Date().toISOString())},"articles":[`;
  let first = true;
  const sep = () => {
    const s = first ? "" : ",";
    first = false;
    return s;
  };
  let lastId = "";
  for (;;) {
    const ids = await db
      .select({ id: articles.id })
      .from(articles)
      .where(gt(articles.id, lastId))
      .orderBy(asc(articles.id))
      .limit(200);
    if (ids.length === 0) break;
    lastId = ids[ids.length - 1]!.id;
    const parts: string[] = [];
    for (const { id } of ids) {
      const a = await loadArticle(db, id, { machine: true });
      if (a) {
        const entry = { analysis: a.analysis, file: a.file, line: a.line, ingestedAt: a.ingestedAt };
        parts.push(sep() + JSON.stringify(entry));
      }
    }
    yield parts.join("");
  }
  yield `],"reviews":[`;
  first = true;
  for (let offset = 0; ; offset += 5000) {
    const page = await db
      .select()
      .from(reviews)
      .orderBy(asc(reviews.createdAt), asc(reviews.id))
      .limit(5000)
      .offset(offset);
    yield page.map((r) => sep() + JSON.stringify(rowToReview(r))).join("");
    if (page.length < 5000) break;
  }
  yield `],"clusters":[`;
  first = true;
  let lastCluster = "";
  for (;;) {
    const cs = await db
      .select()
      .from(eventClusters)
      .where(gt(eventClusters.id, lastCluster))
      .orderBy(asc(eventClusters.id))
      .limit(1000);
    if (cs.length === 0) break;
    lastCluster = cs[cs.length - 1]!.id;
    const members = await db
      .select()
      .from(eventClusterMembers)
      .where(
        inArray(
          eventClusterMembers.clusterId,
          cs.map((c) => c.id),
        ),
      );
    const byCluster = new Map<string, { articleId: string; eventId: string }[]>();
    for (const m of members) {
      const list = byCluster.get(m.clusterId) ?? [];
      list.push({ articleId: m.articleId, eventId: m.eventId });
      byCluster.set(m.clusterId, list);
    }
    yield cs
      .map((c) => {
        const entry = {
          id: c.id,
          label: c.label,
          method: c.method,
          createdAt: new Date(c.createdAt).toISOString(),
          members: (byCluster.get(c.id) ?? []).sort((x, y) =>
            x.articleId + x.eventId < y.articleId + y.eventId ? -1 : 1,
          ),
        };
        return sep() + JSON.stringify(entry);
      })
      .join("");
  }
  yield "]}";
}

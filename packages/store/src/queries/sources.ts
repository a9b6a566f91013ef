import { type ActorCount, cmp, type OutletProfile, STATEMENT_EVENTS, sortedRecord, UNKNOWN_OUTLET } from "@parley/core";
import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { z } from "zod";
import { type Db, queryRows } from "../db/driver";
import { articles, claims, events } from "../db/schema";
import type { ModelFilterSchema } from "../filters";
import { ensureEventFactsFresh } from "../summaries/event-facts";
import { eventScope, viewArticleWhere } from "../views";
import { affiliationRoots } from "./stances";

type ModelFilter = z.output<typeof ModelFilterSchema>;

/** The outlet key core groups by: the outlet as written, `UNKNOWN_OUTLET` for none. */
const outletKey = sql`coalesce(${articles.outlet}, ${UNKNOWN_OUTLET})`;

interface Acc {
  profile: OutletProfile;
  terms: { term: string; frame: string; count: number }[];
  quotes: ActorCount[];
  covered: ActorCount[];
}

/** True when the filter selects events by more than "not rejected" (every `event_facts` row). */
function eventFiltered(f: ModelFilter): boolean {
  return !!(f.actor || f.role || f.type || f.issue || f.text || f.outlet || f.articleId || f.status || f.from || f.to);
}

/** Core's actor ranking: most counts, then most articles, then id (code-unit order). */
const byCount = (a: ActorCount, b: ActorCount) => b.count - a.count || b.articles - a.articles || cmp(a.actor, b.actor);

/**
 * Outlet profiles aggregated in the database: counts per outlet, event type, framing term and actor come back
 * as a few grouped queries instead of every event, claim and article. Same scope as `loadView(f, { claims,
 * allArticles })` and same result as core's `outletProfiles` over it (the reference it is tested against).
 */
export async function sqlOutletProfiles(db: Db, f: ModelFilter): Promise<OutletProfile[]> {
  const rollUp = f.rollUp ?? false;
  const roots = rollUp ? await affiliationRoots(db) : {};
  const map = (col: SQL | AnyPgColumn) =>
    rollUp ? sql`coalesce(${JSON.stringify(roots)}::jsonb ->> ${col}, ${col})` : col;
  const articleWhere = viewArticleWhere(f, { allArticles: true });
  const scope = eventScope(f);
  const scopedEvents = sql`${events} JOIN ${articles} ON ${articles.id} = ${events.articleId}`;

  const perOutlet = await queryRows<{
    outlet: string;
    n: number;
    first: string | null;
    last: string | null;
    words: string | number;
  }>(
    db,
    sql`SELECT ${outletKey} AS outlet, count(*)::int AS n, min(${articles.published})::text AS first,
      max(${articles.published})::text AS last, sum(${articles.wordCount})::bigint AS words
      FROM ${articles} WHERE ${articleWhere} GROUP BY 1`,
  );
  const terms = await queryRows<{ outlet: string; frame: string; term: string; n: string | number }>(
    db,
    sql`SELECT ${outletKey} AS outlet, t ->> 'frame' AS frame, t ->> 'term' AS term, sum((t ->> 'count')::numeric) AS n
      FROM ${articles} CROSS JOIN LATERAL jsonb_array_elements(coalesce(${articles.framing} -> 'terms', '[]')) AS t
      WHERE ${articleWhere} GROUP BY 1, 2, 3`,
  );
  const types = await queryRows<{ outlet: string; type: string; n: number }>(
    db,
    sql`SELECT ${outletKey} AS outlet, ${events.type} AS type, count(*)::int AS n
      FROM ${scopedEvents} WHERE ${scope} GROUP BY 1, 2`,
  );
  // Actors per event from `event_facts`: links as `role:actor` (an actor id may hold a colon, a role does not).
  await ensureEventFactsFresh(db);
  const facts = eventFiltered(f)
    ? sql`event_facts ef JOIN ${events} ON ${events.articleId} = ef.article_id AND ${events.id} = ef.event_id
      JOIN ${articles} ON ${articles.id} = ef.article_id`
    : sql`event_facts ef JOIN ${articles} ON ${articles.id} = ef.article_id`;
  const factsWhere = eventFiltered(f) ? scope : sql`true`;
  // One count per event and (mapped) participant, like core's participant set. Hash aggregates (per article,
  // then per outlet) rather than a count(DISTINCT) that sorts every link.
  const covered = await queryRows<{ outlet: string; actor: string; n: number; na: number }>(
    db,
    sql`SELECT outlet, actor, sum(n)::int AS n, count(*)::int AS na FROM (
        SELECT ${outletKey} AS outlet, p.actor, ef.article_id, count(*) AS n
        FROM ${facts} CROSS JOIN LATERAL (SELECT DISTINCT ${map(sql`substr(l, strpos(l, ':') + 1)`)} AS actor
          FROM unnest(ef.links) AS l) p
        WHERE ${factsWhere} GROUP BY 1, 2, 3) x
      GROUP BY 1, 2`,
  );
  // Speakers: who an event is attributed to, the source of a statement event, a claim's claimant. Core counts
  // distinct `e:<event id>` / `c:<claim id>` items per actor.
  const statementTypes = sql.join(
    [...STATEMENT_EVENTS].map((t) => sql`${t}`),
    sql`, `,
  );
  const quotes = await queryRows<{ outlet: string; actor: string; n: number; na: number }>(
    db,
    sql`SELECT outlet, actor, count(DISTINCT item)::int AS n, count(DISTINCT article_id)::int AS na FROM (
        SELECT ${outletKey} AS outlet, ${map(sql`ef.attributed_to`)} AS actor, 'e:' || ef.event_id AS item,
          ef.article_id
        FROM ${facts} WHERE ${factsWhere} AND ef.attributed_to IS NOT NULL
        UNION ALL
        SELECT ${outletKey}, ${map(sql`substr(l, 8)`)}, 'e:' || ef.event_id, ef.article_id
        FROM ${facts} CROSS JOIN LATERAL unnest(ef.links) AS l
        WHERE ${factsWhere} AND ef.type IN (${statementTypes}) AND l LIKE 'source:%'
        UNION ALL
        SELECT ${outletKey}, ${map(claims.claimant)}, 'c:' || ${claims.id}, ${claims.articleId}
        FROM ${claims} JOIN ${articles} ON ${articles.id} = ${claims.articleId}
        WHERE ${articleWhere} AND ${claims.claimant} IS NOT NULL) s
      GROUP BY 1, 2`,
  );

  const accs = new Map<string, Acc>();
  for (const r of perOutlet) {
    accs.set(r.outlet, {
      profile: {
        outlet: r.outlet,
        articleCount: Number(r.n),
        dateRange: { first: r.first, last: r.last },
        wordCount: Number(r.words),
        eventCount: 0,
        eventTypes: {},
        framing: [],
        frames: {},
        quotes: [],
        topActors: [],
      },
      terms: [],
      quotes: [],
      covered: [],
    });
  }
  // Every event, claim and term belongs to an article of the scope, so its outlet has an entry.
  const acc = (outlet: string) => accs.get(outlet)!;
  for (const r of types) {
    const a = acc(r.outlet);
    a.profile.eventCount += Number(r.n);
    (a.profile.eventTypes as Record<string, number>)[r.type] = Number(r.n);
  }
  for (const r of terms) acc(r.outlet).terms.push({ term: r.term, frame: r.frame, count: Number(r.n) });
  for (const r of covered) acc(r.outlet).covered.push({ actor: r.actor, count: Number(r.n), articles: Number(r.na) });
  for (const r of quotes) acc(r.outlet).quotes.push({ actor: r.actor, count: Number(r.n), articles: Number(r.na) });

  const out: OutletProfile[] = [];
  for (const a of accs.values()) {
    const p = a.profile;
    const frames: Record<string, number> = {};
    for (const t of a.terms) frames[t.frame] = (frames[t.frame] ?? 0) + t.count;
    out.push({
      ...p,
      eventTypes: sortedRecord(p.eventTypes as Record<string, number>) as OutletProfile["eventTypes"],
      framing: a.terms
        .map((t) => ({ ...t, per1000Words: p.wordCount > 0 ? (t.count * 1000) / p.wordCount : null }))
        .sort((x, y) => y.count - x.count || cmp(x.term, y.term) || cmp(x.frame, y.frame)),
      frames: sortedRecord(frames),
      quotes: a.quotes.sort(byCount),
      topActors: a.covered.sort(byCount).slice(0, 10),
    });
  }
  return out.sort(
    (x, y) =>
      Number(x.outlet === UNKNOWN_OUTLET) - Number(y.outlet === UNKNOWN_OUTLET) ||
      y.articleCount - x.articleCount ||
      cmp(x.outlet, y.outlet),
  );
}

import type { Actor, Analysis, Article, Claim, Event, Mention } from "@parley/schema";
import { and, asc, count, desc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { type Db, queryRows } from "./db/driver";
import {
  actors,
  articleActors,
  articles,
  claims,
  eventActors,
  eventIssues,
  events,
  mentions,
  outlets,
  reviews,
} from "./db/schema";
import {
  type ActorFilterSchema,
  type ArticleFilterSchema,
  type ClaimFilterSchema,
  dateBounds,
  type EventFilterSchema,
  type FilterSchema,
  type ReviewFilterSchema,
} from "./filters";

export type ReviewState = "verified" | "corrected" | "rejected";

export interface StoredEvent extends Event {
  reviewState: ReviewState | null;
  article: { id: string; title: string | null; outlet: string | null; published: string | null; url: string | null };
}

export interface StoredArticle extends Article {
  ingestedAt: string;
  analyzedAt: string;
  extractorVersion: string;
  file: string | null;
  line: number | null;
}

export interface ArticleWithAnalysis extends StoredArticle {
  analysis: Analysis;
  /** Per event id, the analyst's verdict, if any. */
  reviewStates: Record<string, ReviewState>;
}

export interface StoredReview {
  id: string;
  eventId: string;
  articleId: string;
  eventType: string;
  evidenceStart: number;
  evidenceEnd: number;
  action: "verify" | "correct" | "reject";
  changes: Record<string, unknown>;
  author: string;
  note: string | null;
  createdAt: string;
}

export interface ActorSummary extends Actor {
  events: number;
  articles: number;
}

type EventRow = typeof events.$inferSelect;

const iso = (v: string | Date | null | undefined): string => (v == null ? "" : new Date(v).toISOString());

function toList<T>(v: T | T[] | undefined): T[] | undefined {
  return v === undefined ? undefined : Array.isArray(v) ? v : [v];
}

function rowToEvent(r: EventRow, links: (typeof eventActors.$inferSelect)[], issues: string[]): Event {
  const byRole = (role: string) => links.filter((l) => l.role === role).map((l) => l.actorId);
  return {
    id: r.id,
    articleId: r.articleId,
    type: r.type as Event["type"],
    source: byRole("source"),
    target: byRole("target"),
    mediators: byRole("mediator"),
    issues,
    location:
      r.locationName == null
        ? null
        : { name: r.locationName, placeId: r.locationPlaceId, lat: r.locationLat, lon: r.locationLon },
    date:
      r.dateValue == null
        ? null
        : { value: r.dateValue, precision: r.datePrecision as "day" | "month" | "year", raw: r.dateRaw ?? "" },
    status: r.status as Event["status"],
    attributedTo: r.attributedTo,
    evidence: { text: r.evidenceText, start: r.evidenceStart, end: r.evidenceEnd },
    trigger: r.trigger,
    confidence: r.confidence,
    extractorVersion: r.extractorVersion,
  };
}

/** Rebuilds events (with actor roles and issues) from their rows. */
export async function hydrateEvents(db: Db, rows: EventRow[]) {
  if (rows.length === 0) return [];
  const articleIds = [...new Set(rows.map((r) => r.articleId))];
  const wanted = new Set(rows.map((r) => `${r.articleId}\u0000${r.id}`));
  const links = await db
    .select()
    .from(eventActors)
    .where(inArray(eventActors.articleId, articleIds))
    .orderBy(asc(eventActors.ord));
  const issues = await db
    .select()
    .from(eventIssues)
    .where(inArray(eventIssues.articleId, articleIds))
    .orderBy(asc(eventIssues.ord));
  const linkMap = new Map<string, (typeof eventActors.$inferSelect)[]>();
  for (const l of links) {
    const k = `${l.articleId}\u0000${l.eventId}`;
    if (!wanted.has(k)) continue;
    linkMap.set(k, [...(linkMap.get(k) ?? []), l]);
  }
  const issueMap = new Map<string, string[]>();
  for (const i of issues) {
    const k = `${i.articleId}\u0000${i.eventId}`;
    if (!wanted.has(k)) continue;
    issueMap.set(k, [...(issueMap.get(k) ?? []), i.issue]);
  }
  return rows.map((r) => {
    const k = `${r.articleId}\u0000${r.id}`;
    return {
      row: r,
      event: rowToEvent(r, linkMap.get(k) ?? [], issueMap.get(k) ?? []),
      reviewState: r.reviewState as ReviewState | null,
      original: r.original as Event | null,
    };
  });
}

export async function loadEvents(db: Db, keys: { articleId: string; id: string }[]) {
  if (keys.length === 0) return [];
  const rows = await db
    .select()
    .from(events)
    .where(or(...keys.map((k) => and(eq(events.articleId, k.articleId), eq(events.id, k.id)))));
  return hydrateEvents(db, rows);
}

type BaseFilter = z.output<typeof FilterSchema>;

export const effectiveStart = sql`coalesce(${events.dateStart}, ${articles.published})`;
const effectiveEnd = sql`coalesce(${events.dateEnd}, ${articles.published})`;

function actorMatch(actor: string): SQL {
  return sql`(${actors.id} = ${actor} OR lower(${actors.name}) = lower(${actor}) OR EXISTS (
    SELECT 1 FROM jsonb_array_elements_text(${actors.aliases}) AS al(v) WHERE lower(al.v) = lower(${actor})))`;
}

/** Conditions on the events table (joined with articles). */
export function eventConditions(f: BaseFilter): SQL[] {
  const c: SQL[] = [];
  if (f.actor) {
    // The matching actor ids first (a small set), then their events through event_actors(actor_id): a
    // semi-join the planner can drive from the actor index instead of testing every event.
    c.push(sql`(${events.articleId}, ${events.id}) IN (SELECT ea.article_id, ea.event_id FROM ${eventActors} ea
      WHERE ea.actor_id IN (SELECT ${actors.id} FROM ${actors} WHERE ${actorMatch(f.actor)})
      ${f.role ? sql`AND ea.role = ${f.role}` : sql``})`);
  }
  const types = toList(f.type);
  if (types) c.push(inArray(events.type, types));
  const statuses = toList(f.status);
  if (statuses) c.push(inArray(events.status, statuses));
  if (f.issue) {
    c.push(sql`EXISTS (SELECT 1 FROM ${eventIssues}
      WHERE ${eventIssues.articleId} = ${events.articleId} AND ${eventIssues.eventId} = ${events.id}
      AND (${eventIssues.issue} = ${f.issue} OR starts_with(${eventIssues.issue}, ${`${f.issue}.`})))`);
  }
  if (f.from) c.push(sql`${effectiveEnd} >= ${dateBounds(f.from)[0]}::date`);
  if (f.to) c.push(sql`${effectiveStart} <= ${dateBounds(f.to)[1]}::date`);
  if (f.text) {
    c.push(sql`${events.tsv} @@ websearch_to_tsquery('english', ${f.text})`);
  }
  return c;
}

export function articleConditions(f: BaseFilter): SQL[] {
  const c: SQL[] = [];
  if (f.outlet) c.push(sql`lower(${articles.outlet}) = lower(${f.outlet})`);
  if (f.articleId) c.push(eq(articles.id, f.articleId));
  return c;
}

export async function queryEvents(db: Db, f: z.output<typeof EventFilterSchema>): Promise<StoredEvent[]> {
  const conds = [...eventConditions(f), ...articleConditions(f)];
  if (!f.includeRejected) conds.push(sql`${events.reviewState} IS DISTINCT FROM 'rejected'`);
  const rows = await db
    .select({ e: events, a: articles })
    .from(events)
    .innerJoin(articles, eq(articles.id, events.articleId))
    .where(and(...conds))
    // sort_date = coalesce(date_start, published), indexed with (article_id, ord): the LIMIT stops the walk.
    .orderBy(
      ...(f.newestFirst
        ? [sql`${events.sortDate} DESC NULLS LAST`, desc(events.articleId), asc(events.ord)]
        : [asc(events.sortDate), asc(events.articleId), asc(events.ord)]),
    )
    .limit(f.limit)
    .offset(f.offset);
  const hydrated = await hydrateEvents(
    db,
    rows.map((r) => r.e),
  );
  return hydrated.map((h, i) => {
    const a = rows[i]!.a;
    return {
      ...h.event,
      reviewState: h.reviewState,
      article: { id: a.id, title: a.title, outlet: a.outlet, published: a.published, url: a.url },
    };
  });
}

function toStoredArticle(a: typeof articles.$inferSelect): StoredArticle {
  return {
    id: a.id,
    title: a.title,
    text: a.text,
    outlet: a.outlet,
    url: a.url,
    published: a.published,
    language: a.language,
    ingestedAt: iso(a.ingestedAt),
    analyzedAt: iso(a.analyzedAt),
    extractorVersion: a.extractorVersion,
    file: a.sourceFile,
    line: a.sourceLine,
  };
}

const articleColumns = {
  id: articles.id,
  title: articles.title,
  text: articles.text,
  outlet: articles.outlet,
  url: articles.url,
  published: articles.published,
  language: articles.language,
  ingestedAt: articles.ingestedAt,
  analyzedAt: articles.analyzedAt,
  extractorVersion: articles.extractorVersion,
  sourceFile: articles.sourceFile,
  sourceLine: articles.sourceLine,
  dateline: articles.dateline,
  sentences: articles.sentences,
  framing: articles.framing,
};

export async function queryArticles(db: Db, f: z.output<typeof ArticleFilterSchema>): Promise<StoredArticle[]> {
  const conds = articleConditions(f);
  if (f.from) conds.push(sql`${articles.published} >= ${dateBounds(f.from)[0]}::date`);
  if (f.to) conds.push(sql`${articles.published} <= ${dateBounds(f.to)[1]}::date`);
  if (f.text) conds.push(sql`${articles.tsv} @@ websearch_to_tsquery('english', ${f.text})`);
  const ev = eventConditions({ ...f, from: undefined, to: undefined, text: undefined });
  if (ev.length > 0) {
    conds.push(sql`EXISTS (SELECT 1 FROM ${events} WHERE ${events.articleId} = ${articles.id}
      AND ${events.reviewState} IS DISTINCT FROM 'rejected' AND ${and(...ev)})`);
  }
  const rows = await db
    .select(articleColumns)
    .from(articles)
    .where(and(...conds))
    .orderBy(sql`${articles.published} ASC NULLS LAST`, asc(articles.id))
    .limit(f.limit)
    .offset(f.offset);
  return rows.map((r) => toStoredArticle(r as typeof articles.$inferSelect));
}

async function actorsById(db: Db, ids: string[]): Promise<Map<string, Actor>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select().from(actors).where(inArray(actors.id, ids));
  return new Map(rows.map((r) => [r.id, rowToActor(r)]));
}

function rowToActor(r: typeof actors.$inferSelect): Actor {
  return {
    id: r.id,
    name: r.name,
    type: r.type as Actor["type"],
    affiliation: r.affiliation,
    aliases: r.aliases,
    offices: r.offices,
    known: r.known,
  };
}

/** One article with its full analysis; `machine` returns events as extracted, before analyst corrections. */
export async function loadArticle(
  db: Db,
  id: string,
  opts: { machine?: boolean } = {},
): Promise<ArticleWithAnalysis | null> {
  const [a] = await db.select(articleColumns).from(articles).where(eq(articles.id, id));
  if (!a) return null;
  const actorIds = await db
    .select({ actorId: articleActors.actorId })
    .from(articleActors)
    .where(eq(articleActors.articleId, id))
    .orderBy(asc(articleActors.ord));
  const byId = await actorsById(
    db,
    actorIds.map((r) => r.actorId),
  );
  const mentionRows = await db.select().from(mentions).where(eq(mentions.articleId, id)).orderBy(asc(mentions.ord));
  const eventRows = await db.select().from(events).where(eq(events.articleId, id)).orderBy(asc(events.ord));
  const hydrated = await hydrateEvents(db, eventRows);
  const claimRows = await db.select().from(claims).where(eq(claims.articleId, id)).orderBy(asc(claims.ord));
  const stored = toStoredArticle(a as typeof articles.$inferSelect);
  const reviewStates: Record<string, ReviewState> = {};
  for (const h of hydrated) if (h.reviewState) reviewStates[h.event.id] = h.reviewState;
  const analysis: Analysis = {
    article: {
      id: stored.id,
      title: stored.title,
      text: stored.text,
      outlet: stored.outlet,
      url: stored.url,
      published: stored.published,
      language: stored.language,
    },
    dateline: a.dateline ?? null,
    sentences: a.sentences,
    actors: actorIds.map((r) => byId.get(r.actorId)).filter((x): x is Actor => x !== undefined),
    mentions: mentionRows.map(
      (m): Mention => ({
        span: { start: m.spanStart, end: m.spanEnd },
        text: m.text,
        actorId: m.actorId,
        resolvedBy: m.resolvedBy as Mention["resolvedBy"],
        sentence: m.sentence,
      }),
    ),
    events: hydrated.map((h) => (opts.machine && h.original ? h.original : h.event)),
    claims: claimRows.map(rowToClaim),
    framing: a.framing,
    extractorVersion: a.extractorVersion,
  };
  return { ...stored, analysis, reviewStates };
}

export function rowToClaim(c: typeof claims.$inferSelect): Claim {
  return {
    id: c.id,
    articleId: c.articleId,
    kind: c.kind as Claim["kind"],
    value: c.value,
    qualifier: c.qualifier as Claim["qualifier"],
    subject: c.subject,
    location: c.location,
    claimant: c.claimant,
    asOf: c.asOf,
    raw: c.raw,
    evidence: { text: c.evidenceText, start: c.evidenceStart, end: c.evidenceEnd },
  };
}

export async function queryActors(db: Db, f: z.output<typeof ActorFilterSchema>): Promise<ActorSummary[]> {
  const conds: SQL[] = [];
  if (f.name) {
    const like = `%${f.name.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    conds.push(sql`(lower(${actors.id}) LIKE ${like} OR lower(${actors.name}) LIKE ${like} OR EXISTS (
      SELECT 1 FROM jsonb_array_elements_text(${actors.aliases}) AS al(v) WHERE lower(al.v) LIKE ${like}))`);
  }
  if (f.actor) conds.push(actorMatch(f.actor));
  if (f.actorType) conds.push(eq(actors.type, f.actorType));
  if (f.known !== undefined) conds.push(eq(actors.known, f.known));
  const ev = [
    ...eventConditions({ ...f, actor: undefined }),
    ...articleConditions(f),
    sql`${events.reviewState} IS DISTINCT FROM 'rejected'`,
  ];
  const eventScope = sql`SELECT ${events.articleId}, ${events.id} FROM ${events}
    JOIN ${articles} ON ${articles.id} = ${events.articleId} WHERE ${and(...ev)}`;
  // Distinct (actor, article, event), then per article, then per actor: hash aggregates where two count(DISTINCT)
  // sorted every link (half the time on the whole corpus).
  const involved = sql`SELECT actor_id, sum(n)::int AS n, count(*)::int AS na FROM (
      SELECT actor_id, article_id, count(*) AS n FROM (
        SELECT DISTINCT ea.actor_id, ea.article_id, ea.event_id
        FROM ${eventActors} ea JOIN (${eventScope}) s(article_id, id) ON s.article_id = ea.article_id AND s.id = ea.event_id
        ${f.role ? sql`WHERE ea.role = ${f.role}` : sql``}) d
      GROUP BY 1, 2) x
    GROUP BY 1`;
  const eventFiltered = !!(
    f.type ||
    f.issue ||
    f.status ||
    f.from ||
    f.to ||
    f.text ||
    f.outlet ||
    f.articleId ||
    f.role
  );
  const rows = await queryRows<{
    id: string;
    name: string;
    type: string;
    affiliation: string | null;
    aliases: string[] | string;
    offices: unknown;
    known: boolean;
    n: number | null;
    na: number | null;
  }>(
    db,
    sql`SELECT ${actors.id} AS id, ${actors.name} AS name, ${actors.type} AS type, ${actors.affiliation} AS affiliation,
      ${actors.aliases} AS aliases, ${actors.offices} AS offices, ${actors.known} AS known, inv.n, inv.na
    FROM ${actors} ${eventFiltered ? sql`JOIN` : sql`LEFT JOIN`} (${involved}) inv ON inv.actor_id = ${actors.id}
    ${conds.length ? sql`WHERE ${and(...conds)}` : sql``}
    ORDER BY coalesce(inv.n, 0) DESC, ${actors.name} ASC, ${actors.id} ASC
    LIMIT ${f.limit} OFFSET ${f.offset}`,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    type: r.type as Actor["type"],
    affiliation: r.affiliation,
    aliases: typeof r.aliases === "string" ? JSON.parse(r.aliases) : r.aliases,
    offices: (typeof r.offices === "string" ? JSON.parse(r.offices) : r.offices) as Actor["offices"],
    known: r.known,
    events: r.n ?? 0,
    articles: r.na ?? 0,
  }));
}

// asOf is a partial date; compare on its first day, falling back to the article's date.
const claimWhen = sql`coalesce(to_date(${claims.asOf} || substr('-01-01', length(${claims.asOf}) - 3), 'YYYY-MM-DD'), ${articles.published})`;

/** Conditions on the claims table (joined with articles). */
export function claimConditions(f: BaseFilter & { kind?: string | string[] }): SQL[] {
  const conds = articleConditions(f);
  const kinds = toList(f.kind);
  if (kinds) conds.push(inArray(claims.kind, kinds));
  if (f.actor) {
    conds.push(
      sql`EXISTS (SELECT 1 FROM ${actors} WHERE ${actors.id} = ${claims.claimant} AND ${actorMatch(f.actor)})`,
    );
  }
  if (f.from) conds.push(sql`${claimWhen} >= ${dateBounds(f.from)[0]}::date`);
  if (f.to) conds.push(sql`${claimWhen} <= ${dateBounds(f.to)[1]}::date`);
  if (f.text) {
    conds.push(sql`to_tsvector('english', ${claims.evidenceText}) @@ websearch_to_tsquery('english', ${f.text})`);
  }
  return conds;
}

export async function queryClaims(
  db: Db,
  f: z.output<typeof ClaimFilterSchema>,
): Promise<(Claim & { article: StoredEvent["article"] })[]> {
  const conds = claimConditions(f);
  const when = claimWhen;
  const rows = await db
    .select({ c: claims, a: articles })
    .from(claims)
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .where(and(...conds))
    .orderBy(sql`${when} ASC NULLS LAST`, asc(claims.articleId), asc(claims.ord))
    .limit(f.limit)
    .offset(f.offset);
  return rows.map(({ c, a }) => ({
    ...rowToClaim(c),
    article: { id: a.id, title: a.title, outlet: a.outlet, published: a.published, url: a.url },
  }));
}

export function rowToReview(r: typeof reviews.$inferSelect): StoredReview {
  return {
    id: r.id,
    eventId: r.eventId,
    articleId: r.articleId,
    eventType: r.eventType,
    evidenceStart: r.evidenceStart,
    evidenceEnd: r.evidenceEnd,
    action: r.action,
    changes: r.changes,
    author: r.author,
    note: r.note,
    createdAt: iso(r.createdAt),
  };
}

export async function queryReviews(db: Db, f: z.output<typeof ReviewFilterSchema>): Promise<StoredReview[]> {
  const conds: SQL[] = [];
  if (f.eventId) conds.push(eq(reviews.eventId, f.eventId));
  if (f.articleId) conds.push(eq(reviews.articleId, f.articleId));
  if (f.author) conds.push(eq(reviews.author, f.author));
  if (f.action) conds.push(eq(reviews.action, f.action));
  const rows = await db
    .select()
    .from(reviews)
    .where(and(...conds))
    .orderBy(asc(reviews.createdAt), asc(reviews.id))
    .limit(f.limit)
    .offset(f.offset);
  return rows.map(rowToReview);
}

export interface CorpusStats {
  articles: number;
  events: number;
  rejectedEvents: number;
  actors: number;
  mentions: number;
  claims: number;
  reviews: number;
  outlets: number;
  extractorVersions: Record<string, number>;
  published: { first: string | null; last: string | null };
  eventTypes: Record<string, number>;
}

export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const res = await queryRows<Record<string, number>>(
    db,
    sql`SELECT
    (SELECT count(*)::int FROM ${articles}) AS articles,
    (SELECT count(*)::int FROM ${events}) AS events,
    (SELECT count(*)::int FROM ${actors}) AS actors,
    (SELECT count(*)::int FROM ${mentions}) AS mentions,
    (SELECT count(*)::int FROM ${claims}) AS claims,
    (SELECT count(*)::int FROM ${reviews}) AS reviews,
    (SELECT count(*)::int FROM ${outlets}) AS outlets`,
  );
  return res[0] ?? {};
}

export async function queryStats(db: Db): Promise<CorpusStats> {
  const counts = await tableCounts(db);
  const rejected = await db.select({ n: count() }).from(events).where(eq(events.reviewState, "rejected"));
  const versions = await db
    .select({ v: articles.extractorVersion, n: count() })
    .from(articles)
    .groupBy(articles.extractorVersion);
  const types = await db
    .select({ t: events.type, n: count() })
    .from(events)
    .groupBy(events.type)
    .orderBy(desc(count()));
  const range = await queryRows<{ first: string | null; last: string | null }>(
    db,
    sql`SELECT min(${articles.published})::text AS first, max(${articles.published})::text AS last FROM ${articles}`,
  );
  return {
    articles: counts.articles ?? 0,
    events: counts.events ?? 0,
    rejectedEvents: Number(rejected[0]?.n ?? 0),
    actors: counts.actors ?? 0,
    mentions: counts.mentions ?? 0,
    claims: counts.claims ?? 0,
    reviews: counts.reviews ?? 0,
    outlets: counts.outlets ?? 0,
    extractorVersions: Object.fromEntries(versions.map((r) => [r.v, Number(r.n)])),
    published: { first: range[0]?.first ?? null, last: range[0]?.last ?? null },
    eventTypes: Object.fromEntries(types.map((r) => [r.t, Number(r.n)])),
  };
}

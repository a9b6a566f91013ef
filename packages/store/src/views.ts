import type { Actor, Claim, Event, FramingTerm } from "@parley/schema";
import { and, inArray, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { type Db, queryRows } from "./db/driver";
import { actors, articles, claims, eventActors, eventIssues, events } from "./db/schema";
import type { FilterSchema } from "./filters";
import type { CorpusArticle, CorpusView } from "./model";
import { articleConditions, claimConditions, eventConditions, rowToClaim } from "./read";

type BaseFilter = z.output<typeof FilterSchema>;

/** What a view needs beyond the filter. */
export interface ViewOptions {
  /** Only these event types (a model function that ignores the others). */
  types?: readonly string[];
  /** Only these statuses. */
  statuses?: readonly string[];
  /** Only events with at least one issue. */
  withIssues?: boolean;
  /** Load claims of the articles in scope. */
  claims?: boolean;
  /** Keep articles of the filter's outlet/date range that have no matching event (outlet profiles). */
  allArticles?: boolean;
  /** Load no events (claims-only views). */
  noEvents?: boolean;
  /** Leave out evidence text and triggers (see `loadEventsWhere`). */
  lean?: boolean;
}

/** A `CorpusView` for a filter, with the referenced actors (and their affiliation chains). */
export interface LoadedView extends CorpusView {
  actorNames: Record<string, string>;
}

interface EventSqlRow {
  article_id: string;
  id: string;
  type: string;
  status: string;
  attributed_to: string | null;
  evidence_text: string;
  evidence_start: number;
  evidence_end: number;
  trigger: string;
  date_value: string | null;
  date_precision: string | null;
  date_raw: string | null;
  location_name: string | null;
  location_place_id: string | null;
  location_lat: number | null;
  location_lon: number | null;
  confidence: number;
  extractor_version: string;
  links: string[] | string | null;
  issues: string[] | string | null;
}

/** PostgreSQL text[] as a JS array (both drivers parse arrays; this also accepts the `{a,b}` literal). */
export function pgArray(v: string[] | string | null | undefined): string[] {
  if (v == null) return [];
  if (Array.isArray(v)) return v;
  if (v === "{}") return [];
  return v
    .slice(1, -1)
    .match(/"((?:[^"\\]|\\.)*)"|[^,]+/g)!
    .map((x) => (x.startsWith('"') ? x.slice(1, -1).replace(/\\(.)/g, "$1") : x));
}

export function sqlRowToEvent(r: EventSqlRow): Event {
  const links = pgArray(r.links);
  const byRole = (role: string) => links.filter((l) => l.startsWith(`${role}:`)).map((l) => l.slice(role.length + 1));
  return {
    id: r.id,
    articleId: r.article_id,
    type: r.type as Event["type"],
    source: byRole("source"),
    target: byRole("target"),
    mediators: byRole("mediator"),
    issues: pgArray(r.issues),
    location:
      r.location_name == null
        ? null
        : { name: r.location_name, placeId: r.location_place_id, lat: r.location_lat, lon: r.location_lon },
    date:
      r.date_value == null
        ? null
        : { value: r.date_value, precision: r.date_precision as "day" | "month" | "year", raw: r.date_raw ?? "" },
    status: r.status as Event["status"],
    attributedTo: r.attributed_to,
    evidence: { text: r.evidence_text, start: r.evidence_start, end: r.evidence_end },
    trigger: r.trigger,
    confidence: Number(r.confidence),
    extractorVersion: r.extractor_version,
  };
}

/** Columns of an event with its actor links (`role:actorId`, in order) and issues, in one row. */
const eventColumns = (
  lean: boolean,
) => sql`${events.articleId} AS article_id, ${events.id} AS id, ${events.type} AS type,
  ${events.status} AS status, ${events.attributedTo} AS attributed_to,
  ${lean ? sql`''` : events.evidenceText} AS evidence_text,
  ${events.evidenceStart} AS evidence_start, ${events.evidenceEnd} AS evidence_end,
  ${lean ? sql`''` : events.trigger} AS trigger,
  ${events.dateValue} AS date_value, ${events.datePrecision} AS date_precision, ${events.dateRaw} AS date_raw,
  ${events.locationName} AS location_name, ${events.locationPlaceId} AS location_place_id,
  ${events.locationLat} AS location_lat, ${events.locationLon} AS location_lon, ${events.confidence} AS confidence,
  ${events.extractorVersion} AS extractor_version,
  (SELECT array_agg(ea.role || ':' || ea.actor_id ORDER BY ea.ord) FROM ${eventActors} ea
    WHERE ea.article_id = ${events.articleId} AND ea.event_id = ${events.id}) AS links,
  (SELECT array_agg(ei.issue ORDER BY ei.ord) FROM ${eventIssues} ei
    WHERE ei.article_id = ${events.articleId} AND ei.event_id = ${events.id}) AS issues`;

/** The WHERE clause selecting the events a filter covers (rejected events never count). */
export function eventScope(f: BaseFilter, o: ViewOptions = {}): SQL {
  const conds = [
    ...eventConditions(f),
    ...articleConditions(f),
    sql`${events.reviewState} IS DISTINCT FROM 'rejected'`,
  ];
  if (o.types) conds.push(inArray(events.type, [...o.types]));
  if (o.statuses) conds.push(inArray(events.status, [...o.statuses]));
  if (o.withIssues) {
    conds.push(
      sql`EXISTS (SELECT 1 FROM ${eventIssues} WHERE ${eventIssues.articleId} = ${events.articleId} AND ${eventIssues.eventId} = ${events.id})`,
    );
  }
  return and(...conds)!;
}

/**
 * Events (with links and issues) matching a WHERE over events ⋈ articles. `lean` leaves out the evidence text
 * and trigger (empty strings), for model functions that do not read them (clusters, timeline, roles).
 */
export async function loadEventsWhere(db: Db, where: SQL, lean = false): Promise<Event[]> {
  const rows = await queryRows<EventSqlRow>(
    db,
    sql`SELECT ${eventColumns(lean)} FROM ${events} JOIN ${articles} ON ${articles.id} = ${events.articleId} WHERE ${where}
      ORDER BY ${events.articleId}, ${events.ord}`,
  );
  return rows.map(sqlRowToEvent);
}

/** True when the filter restricts events by more than article metadata. */
function eventOnly(f: BaseFilter): boolean {
  return !!(f.actor || f.type || f.issue || f.status || f.text || f.role);
}

/**
 * Loads the part of the corpus a filter covers, in a few set-based queries: the matching events (with links
 * and issues), their articles, optionally claims, and every actor referenced with its affiliation chain.
 */
export async function loadView(db: Db, f: BaseFilter, o: ViewOptions = {}): Promise<LoadedView> {
  const evs = o.noEvents ? [] : await loadEventsWhere(db, eventScope(f, o), o.lean);
  const articleWhere = viewArticleWhere(f, o);
  const arts = await queryRows<{
    id: string;
    outlet: string | null;
    published: string | null;
    title: string | null;
    word_count: number;
    terms: FramingTerm[] | string | null;
  }>(
    db,
    sql`SELECT ${articles.id} AS id, ${articles.outlet} AS outlet, ${articles.published}::text AS published,
      ${articles.title} AS title, ${articles.wordCount} AS word_count, ${articles.framing} -> 'terms' AS terms
      FROM ${articles} WHERE ${articleWhere} ORDER BY ${articles.id}`,
  );
  const corpusArticles: CorpusArticle[] = arts.map((a) => ({
    id: a.id,
    outlet: a.outlet,
    published: a.published,
    title: a.title,
    wordCount: Number(a.word_count),
    framingTerms: (typeof a.terms === "string" ? JSON.parse(a.terms) : a.terms) ?? [],
  }));
  let cls: Claim[] = [];
  if (o.claims) {
    const conds = o.noEvents
      ? claimConditions(f)
      : [sql`${claims.articleId} IN (SELECT ${articles.id} FROM ${articles} WHERE ${articleWhere})`];
    cls = await loadClaimsWhere(db, and(...conds) ?? sql`true`);
  }
  const acts = await loadActorsFor(db, evs, cls);
  const actorNames: Record<string, string> = {};
  for (const a of acts) actorNames[a.id] = a.name;
  return { articles: corpusArticles, events: evs, claims: cls, actors: acts, actorNames };
}

/** The WHERE over `articles` selecting the articles `loadView` returns for a filter and options. */
export function viewArticleWhere(f: BaseFilter, o: ViewOptions = {}): SQL {
  const scopedArticles = sql`SELECT ${events.articleId} FROM ${events} JOIN ${articles} ON ${articles.id} = ${events.articleId} WHERE ${eventScope(f, o)}`;
  if ((o.allArticles || o.noEvents) && !eventOnly(f)) {
    const conds = articleConditions(f);
    if (f.from) conds.push(sql`${articles.published} >= ${dateBoundsSql(f.from, 0)}::date`);
    if (f.to) conds.push(sql`${articles.published} <= ${dateBoundsSql(f.to, 1)}::date`);
    const byMetadata = conds.length ? and(...conds)! : sql`true`;
    return o.noEvents ? byMetadata : sql`(${byMetadata} OR ${articles.id} IN (${scopedArticles}))`;
  }
  return sql`${articles.id} IN (${scopedArticles})`;
}

function dateBoundsSql(v: string, i: 0 | 1): string {
  const [y, m, d] = v.split("-");
  if (d) return v;
  if (m) {
    if (i === 0) return `${y}-${m}-01`;
    const last = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
    return `${y}-${m}-${String(last).padStart(2, "0")}`;
  }
  return i === 0 ? `${y}-01-01` : `${y}-12-31`;
}

async function loadClaimsWhere(db: Db, where: SQL): Promise<Claim[]> {
  const rows = await db
    .select({ c: claims })
    .from(claims)
    .innerJoin(articles, sql`${articles.id} = ${claims.articleId}`)
    .where(where)
    .orderBy(claims.articleId, claims.ord);
  return rows.map(({ c }) => rowToClaim(c));
}

/** The actors events and claims name, with every actor up their affiliation chains (one recursive query). */
export async function loadActorsFor(db: Db, evs: readonly Event[], cls: readonly Claim[] = []): Promise<Actor[]> {
  const ids = new Set<string>();
  for (const e of evs) {
    for (const a of e.source) ids.add(a);
    for (const a of e.target) ids.add(a);
    for (const a of e.mediators) ids.add(a);
    if (e.attributedTo) ids.add(e.attributedTo);
  }
  for (const c of cls) if (c.claimant) ids.add(c.claimant);
  return loadActorsByIds(db, [...ids]);
}

/** These actors with every actor up their affiliation chains (one recursive query), by id. */
export async function loadActorsByIds(db: Db, list: readonly string[]): Promise<Actor[]> {
  if (list.length === 0) return [];
  const rows = await queryRows<{
    id: string;
    name: string;
    type: string;
    affiliation: string | null;
    aliases: string[] | string;
    offices: unknown;
    known: boolean;
  }>(
    db,
    sql`WITH RECURSIVE chain(id) AS (
        SELECT x FROM unnest(${sql.param([...list])}::text[]) AS x
        UNION SELECT ${actors.affiliation} FROM ${actors} JOIN chain ON ${actors.id} = chain.id
          WHERE ${actors.affiliation} IS NOT NULL)
      SELECT ${actors.id} AS id, ${actors.name} AS name, ${actors.type} AS type, ${actors.affiliation} AS affiliation,
        ${actors.aliases} AS aliases, ${actors.offices} AS offices, ${actors.known} AS known
      FROM ${actors} WHERE ${actors.id} IN (SELECT id FROM chain) ORDER BY ${actors.id}`,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    type: r.type as Actor["type"],
    affiliation: r.affiliation,
    aliases: typeof r.aliases === "string" ? JSON.parse(r.aliases) : r.aliases,
    offices: (typeof r.offices === "string" ? JSON.parse(r.offices) : r.offices) as Actor["offices"],
    known: r.known,
  }));
}

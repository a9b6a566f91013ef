import type { Analysis, Event } from "@parley/schema";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { markPending } from "./clusters";
import type { Db } from "./db/driver";
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
import { dateBounds, type ReviewChanges } from "./filters";
import { countWords } from "./model";
import { loadEvents } from "./read";
import { articlesScope, eventKeyScope, markTimelineStale, updateSummaries } from "./summaries";

/** Rows per INSERT statement; keeps every statement well under PostgreSQL's 65,535 parameters. */
const CHUNK = 500;

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * Multi-row INSERT through one JSON parameter (`jsonb_to_recordset`): building a 500-row VALUES list with
 * drizzle costs ~0.15 ms a row on the main thread, this costs a JSON.stringify. `columns` maps each column
 * to its SQL type; rows are keyed by column name.
 */
export async function insertJson(
  tx: Db,
  table: string,
  columns: Record<string, string>,
  rows: Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(columns);
  const list = sql.raw(names.map((n) => `"${n}"`).join(", "));
  const defs = sql.raw(names.map((n) => `"${n}" ${columns[n]}`).join(", "));
  for (let i = 0; i < rows.length; i += 5000) {
    const json = JSON.stringify(rows.slice(i, i + 5000));
    await tx.execute(
      sql`INSERT INTO ${sql.identifier(table)} (${list}) SELECT ${list} FROM jsonb_to_recordset(${json}::jsonb) AS x(${defs})`,
    );
  }
}

const EVENT_COLUMNS = {
  article_id: "text",
  id: "text",
  ord: "integer",
  type: "text",
  key_type: "text",
  status: "text",
  attributed_to: "text",
  evidence_text: "text",
  evidence_start: "integer",
  evidence_end: "integer",
  trigger: "text",
  date_value: "text",
  date_precision: "text",
  date_raw: "text",
  date_start: "date",
  date_end: "date",
  sort_date: "date",
  location_name: "text",
  location_place_id: "text",
  location_lat: "double precision",
  location_lon: "double precision",
  confidence: "double precision",
  extractor_version: "text",
};

function eventJsonRow(r: EventRow): Record<string, unknown> {
  return {
    article_id: r.articleId,
    id: r.id,
    ord: r.ord,
    type: r.type,
    key_type: r.keyType,
    status: r.status,
    attributed_to: r.attributedTo,
    evidence_text: r.evidenceText,
    evidence_start: r.evidenceStart,
    evidence_end: r.evidenceEnd,
    trigger: r.trigger,
    date_value: r.dateValue,
    date_precision: r.datePrecision,
    date_raw: r.dateRaw,
    date_start: r.dateStart,
    date_end: r.dateEnd,
    sort_date: r.sortDate,
    location_name: r.locationName,
    location_place_id: r.locationPlaceId,
    location_lat: r.locationLat,
    location_lon: r.locationLon,
    confidence: r.confidence,
    extractor_version: r.extractorVersion,
  };
}

export interface SourceMeta {
  file?: string | null;
  line?: number | null;
  /** Kept on import so a round trip preserves it. */
  ingestedAt?: string | null;
}

export type EventRow = typeof events.$inferInsert;

export function eventRow(e: Event, ord: number, keyType: string = e.type, published: string | null = null): EventRow {
  const bounds = e.date ? dateBounds(e.date.value) : null;
  return {
    articleId: e.articleId,
    id: e.id,
    ord,
    type: e.type,
    keyType,
    status: e.status,
    attributedTo: e.attributedTo,
    evidenceText: e.evidence.text,
    evidenceStart: e.evidence.start,
    evidenceEnd: e.evidence.end,
    trigger: e.trigger,
    dateValue: e.date?.value ?? null,
    datePrecision: e.date?.precision ?? null,
    dateRaw: e.date?.raw ?? null,
    dateStart: bounds?.[0] ?? null,
    dateEnd: bounds?.[1] ?? null,
    sortDate: bounds?.[0] ?? published,
    locationName: e.location?.name ?? null,
    locationPlaceId: e.location?.placeId ?? null,
    locationLat: e.location?.lat ?? null,
    locationLon: e.location?.lon ?? null,
    confidence: e.confidence,
    extractorVersion: e.extractorVersion,
  };
}

function eventLinks(e: Event) {
  const roles = [
    ["source", e.source],
    ["target", e.target],
    ["mediator", e.mediators],
  ] as const;
  const links: (typeof eventActors.$inferInsert)[] = [];
  for (const [role, ids] of roles) {
    const seen = new Set<string>();
    ids.forEach((actorId) => {
      if (seen.has(actorId)) return;
      seen.add(actorId);
      links.push({ articleId: e.articleId, eventId: e.id, actorId, role, ord: links.length });
    });
  }
  const issues = [...new Set(e.issues)].map((issue, ord) => ({ articleId: e.articleId, eventId: e.id, issue, ord }));
  return { links, issues };
}

export interface WriteResult {
  outcome: "inserted" | "duplicate" | "replaced";
  reviewsApplied: number;
}

export interface WriteItem {
  analysis: Analysis;
  meta: SourceMeta;
}

/**
 * Writes one article with its whole analysis. Call inside a transaction: with `replace` the article's
 * previous analysis is deleted first (re-analysis); otherwise an existing article makes this a no-op.
 * Reviews whose stable key matches a new event are re-applied.
 */
export async function writeAnalysis(
  tx: Db,
  analysis: Analysis,
  meta: SourceMeta,
  mode: "insert" | "replace" = "insert",
): Promise<WriteResult> {
  const [r] = await writeAnalyses(tx, [{ analysis, meta }], mode);
  return r!;
}

/**
 * Writes several articles with their analyses in one transaction (call inside one), with one multi-row
 * INSERT per table for the whole batch. The caller retries the articles one by one if the batch fails, so
 * each article is still stored with all its analysis or not at all.
 */
export async function writeAnalyses(
  tx: Db,
  items: readonly WriteItem[],
  mode: "insert" | "replace" = "insert",
): Promise<WriteResult[]> {
  // The same article twice in one batch: only the first counts.
  const firstIndex = new Map<string, number>();
  items.forEach((it, i) => {
    if (!firstIndex.has(it.analysis.article.id)) firstIndex.set(it.analysis.article.id, i);
  });
  const results: WriteResult[] = items.map(() => ({ outcome: "duplicate", reviewsApplied: 0 }));

  // Rows that other writers may also insert (outlets, actors, articles) go in key order, so two concurrent ingests
  // lock them in the same order and cannot deadlock.
  const outletNames = [
    ...new Set(items.flatMap((it) => (it.analysis.article.outlet ? [it.analysis.article.outlet] : []))),
  ].sort();
  if (outletNames.length) {
    await tx
      .insert(outlets)
      .values(outletNames.map((name) => ({ name })))
      .onConflictDoNothing();
  }

  const actorRows = new Map<string, typeof actors.$inferInsert>();
  for (const it of items) {
    for (const act of it.analysis.actors) {
      actorRows.set(act.id, {
        id: act.id,
        name: act.name,
        type: act.type,
        affiliation: act.affiliation,
        aliases: act.aliases,
        offices: act.offices ?? [],
        known: act.known ?? true,
      });
    }
  }
  await markStaleOnAffiliationChange(tx, [...actorRows.values()]);
  await insertChunked(
    [...actorRows.values()].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)),
    (chunk) =>
      tx
        .insert(actors)
        .values(chunk)
        .onConflictDoUpdate({
          target: actors.id,
          set: {
            name: sql`excluded.name`,
            type: sql`excluded.type`,
            affiliation: sql`excluded.affiliation`,
            aliases: sql`excluded.aliases`,
            offices: sql`excluded.offices`,
            known: sql`excluded.known`,
            updatedAt: sql`now()`,
          },
          // Unchanged actors (the usual case) are not rewritten.
          setWhere: sql`(${actors.name}, ${actors.type}, ${actors.affiliation}, ${actors.aliases}, ${actors.offices}, ${actors.known})
            IS DISTINCT FROM (excluded.name, excluded.type, excluded.affiliation, excluded.aliases, excluded.offices, excluded.known)`,
        }),
  );

  const unique = [...firstIndex.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, i]) => items[i]!);
  const articleRow = ({ analysis, meta }: WriteItem) => {
    const a = analysis.article;
    return {
      id: a.id,
      title: a.title,
      text: a.text,
      outlet: a.outlet,
      url: a.url,
      published: a.published,
      language: a.language,
      extractorVersion: analysis.extractorVersion,
      sourceFile: meta.file ?? null,
      sourceLine: meta.line ?? null,
      dateline: analysis.dateline,
      sentences: analysis.sentences,
      framing: analysis.framing,
      wordCount: countWords(a.text),
      ...(meta.ingestedAt ? { ingestedAt: meta.ingestedAt } : {}),
    };
  };

  const written = new Set<string>();
  if (mode === "replace") {
    const ids = unique.map((it) => it.analysis.article.id);
    const existing = new Set<string>();
    for (const it of unique) {
      const updated = await tx
        .update(articles)
        .set({
          extractorVersion: it.analysis.extractorVersion,
          dateline: it.analysis.dateline,
          sentences: it.analysis.sentences,
          framing: it.analysis.framing,
          analyzedAt: sql`now()`,
        })
        .where(eq(articles.id, it.analysis.article.id))
        .returning({ id: articles.id });
      if (updated.length > 0) existing.add(it.analysis.article.id);
    }
    if (existing.size > 0) {
      const old = [...existing];
      await markPending(tx, old);
      await updateSummaries(tx, articlesScope(old), -1);
      await tx.delete(events).where(inArray(events.articleId, old));
      await tx.delete(mentions).where(inArray(mentions.articleId, old));
      await tx.delete(claims).where(inArray(claims.articleId, old));
      await tx.delete(articleActors).where(inArray(articleActors.articleId, old));
    }
    const fresh = unique.filter((it) => !existing.has(it.analysis.article.id));
    await insertChunked(fresh.map(articleRow), (chunk) => tx.insert(articles).values(chunk));
    for (const id of ids) written.add(id);
    for (const [id, i] of firstIndex)
      results[i] = { outcome: existing.has(id) ? "replaced" : "inserted", reviewsApplied: 0 };
  } else {
    const rows = unique.map(articleRow);
    for (let i = 0; i < rows.length; i += 100) {
      const ins = await tx
        .insert(articles)
        .values(rows.slice(i, i + 100))
        .onConflictDoNothing()
        .returning({ id: articles.id });
      for (const r of ins) written.add(r.id);
    }
    for (const id of written) results[firstIndex.get(id)!] = { outcome: "inserted", reviewsApplied: 0 };
  }

  const todo = unique.filter((it) => written.has(it.analysis.article.id));
  if (todo.length === 0) return results;
  await insertJson(
    tx,
    "article_actors",
    { article_id: "text", actor_id: "text", ord: "integer" },
    todo.flatMap(({ analysis }) => {
      const ids = [...new Set(analysis.actors.map((x) => x.id))];
      return ids.map((actor_id, ord) => ({ article_id: analysis.article.id, actor_id, ord }));
    }),
  );
  await insertJson(
    tx,
    "mentions",
    {
      article_id: "text",
      ord: "integer",
      span_start: "integer",
      span_end: "integer",
      text: "text",
      actor_id: "text",
      resolved_by: "text",
      sentence: "integer",
    },
    todo.flatMap(({ analysis }) =>
      analysis.mentions.map((m, ord) => ({
        article_id: analysis.article.id,
        ord,
        span_start: m.span.start,
        span_end: m.span.end,
        text: m.text,
        actor_id: m.actorId,
        resolved_by: m.resolvedBy,
        sentence: m.sentence,
      })),
    ),
  );
  const evs = todo.flatMap(({ analysis }) => analysis.events.map((e) => ({ ...e, articleId: analysis.article.id })));
  const ords = todo.flatMap(({ analysis }) => analysis.events.map((_e, ord) => ord));
  const published = todo.flatMap(({ analysis }) => analysis.events.map(() => analysis.article.published ?? null));
  await insertJson(
    tx,
    "events",
    EVENT_COLUMNS,
    evs.map((e, i) => eventJsonRow(eventRow(e, ords[i]!, e.type, published[i]))),
  );
  const links = evs.map(eventLinks);
  await insertJson(
    tx,
    "event_actors",
    { article_id: "text", event_id: "text", actor_id: "text", role: "text", ord: "integer" },
    links.flatMap((l) =>
      l.links.map((x) => ({
        article_id: x.articleId,
        event_id: x.eventId,
        actor_id: x.actorId,
        role: x.role,
        ord: x.ord,
      })),
    ),
  );
  await insertJson(
    tx,
    "event_issues",
    { article_id: "text", event_id: "text", issue: "text", ord: "integer" },
    links.flatMap((l) =>
      l.issues.map((x) => ({ article_id: x.articleId, event_id: x.eventId, issue: x.issue, ord: x.ord })),
    ),
  );
  await updateSummaries(tx, articlesScope(todo.map((it) => it.analysis.article.id)), 1);
  await insertJson(
    tx,
    "claims",
    {
      article_id: "text",
      id: "text",
      ord: "integer",
      kind: "text",
      value: "double precision",
      qualifier: "text",
      subject: "text",
      location: "text",
      claimant: "text",
      as_of: "text",
      raw: "text",
      evidence_text: "text",
      evidence_start: "integer",
      evidence_end: "integer",
    },
    todo.flatMap(({ analysis }) =>
      analysis.claims.map((c, ord) => ({
        article_id: analysis.article.id,
        id: c.id,
        ord,
        kind: c.kind,
        value: c.value,
        qualifier: c.qualifier,
        subject: c.subject,
        location: c.location,
        claimant: c.claimant,
        as_of: c.asOf,
        raw: c.raw,
        evidence_text: c.evidence.text,
        evidence_start: c.evidence.start,
        evidence_end: c.evidence.end,
      })),
    ),
  );
  // Reviews are rare: one query finds the articles that have any.
  const reviewed = await tx
    .selectDistinct({ articleId: reviews.articleId })
    .from(reviews)
    .where(
      inArray(
        reviews.articleId,
        todo.map((it) => it.analysis.article.id),
      ),
    );
  for (const { articleId } of reviewed) {
    results[firstIndex.get(articleId)!]!.reviewsApplied = await applyReviews(tx, articleId);
  }
  await markPending(
    tx,
    todo.map((it) => it.analysis.article.id),
    { clustered: false },
  );
  return results;
}

/** Re-applies every review of an article (oldest first) to the events their stable key matches. */
export async function applyReviews(tx: Db, articleId: string): Promise<number> {
  const rs = await tx
    .select()
    .from(reviews)
    .where(eq(reviews.articleId, articleId))
    .orderBy(asc(reviews.createdAt), asc(reviews.id));
  let applied = 0;
  for (const r of rs) {
    const match = await tx
      .select({ id: events.id })
      .from(events)
      .where(
        and(
          eq(events.articleId, articleId),
          eq(events.keyType, r.eventType),
          eq(events.evidenceStart, r.evidenceStart),
          eq(events.evidenceEnd, r.evidenceEnd),
        ),
      );
    for (const m of match) {
      await applyReviewTo(tx, articleId, m.id, r.action, r.changes as ReviewChanges);
      applied++;
    }
  }
  return applied;
}

const STATE = { verify: "verified", correct: "corrected", reject: "rejected" } as const;

export async function applyReviewTo(
  tx: Db,
  articleId: string,
  eventId: string,
  action: keyof typeof STATE,
  changes: ReviewChanges,
): Promise<void> {
  // The event's summary rows leave with its old state and come back with the new one.
  await updateSummaries(tx, eventKeyScope(articleId, eventId), -1);
  await applyReviewChange(tx, articleId, eventId, action, changes);
  await updateSummaries(tx, eventKeyScope(articleId, eventId), 1);
}

async function applyReviewChange(
  tx: Db,
  articleId: string,
  eventId: string,
  action: keyof typeof STATE,
  changes: ReviewChanges,
): Promise<void> {
  const where = and(eq(events.articleId, articleId), eq(events.id, eventId));
  if (action !== "correct" || Object.keys(changes).length === 0) {
    await tx.update(events).set({ reviewState: STATE[action] }).where(where);
    return;
  }
  const [current] = await loadEvents(tx, [{ articleId, id: eventId }]);
  if (!current) return;
  const [row] = await tx.select({ original: events.original, keyType: events.keyType }).from(events).where(where);
  const corrected: Event = { ...current.event, ...changes };
  const [article] = await tx.select({ published: articles.published }).from(articles).where(eq(articles.id, articleId));
  const {
    articleId: _a,
    id: _i,
    ord: _o,
    keyType: _k,
    ...fields
  } = eventRow(corrected, 0, corrected.type, article?.published ?? null);
  await tx
    .update(events)
    .set({ ...fields, reviewState: "corrected", original: row?.original ?? current.event })
    .where(where);
  if (changes.source || changes.target || changes.mediators) {
    await tx.delete(eventActors).where(and(eq(eventActors.articleId, articleId), eq(eventActors.eventId, eventId)));
    const { links } = eventLinks(corrected);
    if (links.length) await tx.insert(eventActors).values(links);
  }
  if (changes.issues) {
    await tx.delete(eventIssues).where(and(eq(eventIssues.articleId, articleId), eq(eventIssues.eventId, eventId)));
    const { issues } = eventLinks(corrected);
    if (issues.length) await tx.insert(eventIssues).values(issues);
  }
}

/**
 * Summaries count actors under their affiliation root as it was when the events were written; an upsert that
 * moves an existing actor to another affiliation makes those counts stale.
 */
async function markStaleOnAffiliationChange(tx: Db, rows: readonly (typeof actors.$inferInsert)[]): Promise<void> {
  if (rows.length === 0) return;
  const current = await tx
    .select({ id: actors.id, affiliation: actors.affiliation })
    .from(actors)
    .where(
      inArray(
        actors.id,
        rows.map((r) => r.id),
      ),
    );
  const before = new Map(current.map((r) => [r.id, r.affiliation ?? null]));
  const moved = rows.some((r) => before.has(r.id) && before.get(r.id) !== (r.affiliation ?? null));
  if (moved) await markTimelineStale(tx);
}

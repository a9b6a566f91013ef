import type { Analysis, Event } from "@parley/schema";
import { and, asc, eq, sql } from "drizzle-orm";
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

/** Rows per INSERT statement; keeps every statement well under PostgreSQL's 65,535 parameters. */
const CHUNK = 500;

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

export interface SourceMeta {
  file?: string | null;
  line?: number | null;
  /** Kept on import so a round trip preserves it. */
  ingestedAt?: string | null;
}

export type EventRow = typeof events.$inferInsert;

export function eventRow(e: Event, ord: number, keyType: string = e.type): EventRow {
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
  const a = analysis.article;
  if (a.outlet) await tx.insert(outlets).values({ name: a.outlet }).onConflictDoNothing();

  const actorRows = new Map<string, typeof actors.$inferInsert>();
  for (const act of analysis.actors) {
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
  await insertChunked([...actorRows.values()], (chunk) =>
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
      }),
  );

  const articleRow = {
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
  let outcome: WriteResult["outcome"] = "inserted";
  if (mode === "replace") {
    const updated = await tx
      .update(articles)
      .set({
        extractorVersion: analysis.extractorVersion,
        dateline: analysis.dateline,
        sentences: analysis.sentences,
        framing: analysis.framing,
        analyzedAt: sql`now()`,
      })
      .where(eq(articles.id, a.id))
      .returning({ id: articles.id });
    if (updated.length > 0) {
      outcome = "replaced";
      await tx.delete(events).where(eq(events.articleId, a.id));
      await tx.delete(mentions).where(eq(mentions.articleId, a.id));
      await tx.delete(claims).where(eq(claims.articleId, a.id));
      await tx.delete(articleActors).where(eq(articleActors.articleId, a.id));
    } else {
      await tx.insert(articles).values(articleRow);
    }
  } else {
    const inserted = await tx.insert(articles).values(articleRow).onConflictDoNothing().returning({ id: articles.id });
    if (inserted.length === 0) return { outcome: "duplicate", reviewsApplied: 0 };
  }

  await insertChunked(
    [...actorRows.keys()].map((actorId, ord) => ({ articleId: a.id, actorId, ord })),
    (chunk) => tx.insert(articleActors).values(chunk),
  );
  await insertChunked(
    analysis.mentions.map((m, ord) => ({
      articleId: a.id,
      ord,
      spanStart: m.span.start,
      spanEnd: m.span.end,
      text: m.text,
      actorId: m.actorId,
      resolvedBy: m.resolvedBy,
      sentence: m.sentence,
    })),
    (chunk) => tx.insert(mentions).values(chunk),
  );
  const evs = analysis.events.map((e) => ({ ...e, articleId: a.id }));
  await insertChunked(
    evs.map((e, ord) => eventRow(e, ord)),
    (chunk) => tx.insert(events).values(chunk),
  );
  const links = evs.map(eventLinks);
  await insertChunked(
    links.flatMap((l) => l.links),
    (chunk) => tx.insert(eventActors).values(chunk),
  );
  await insertChunked(
    links.flatMap((l) => l.issues),
    (chunk) => tx.insert(eventIssues).values(chunk),
  );
  await insertChunked(
    analysis.claims.map((c, ord) => ({
      articleId: a.id,
      id: c.id,
      ord,
      kind: c.kind,
      value: c.value,
      qualifier: c.qualifier,
      subject: c.subject,
      location: c.location,
      claimant: c.claimant,
      asOf: c.asOf,
      raw: c.raw,
      evidenceText: c.evidence.text,
      evidenceStart: c.evidence.start,
      evidenceEnd: c.evidence.end,
    })),
    (chunk) => tx.insert(claims).values(chunk),
  );
  const reviewsApplied = await applyReviews(tx, a.id);
  return { outcome, reviewsApplied };
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
  const where = and(eq(events.articleId, articleId), eq(events.id, eventId));
  if (action !== "correct" || Object.keys(changes).length === 0) {
    await tx.update(events).set({ reviewState: STATE[action] }).where(where);
    return;
  }
  const [current] = await loadEvents(tx, [{ articleId, id: eventId }]);
  if (!current) return;
  const [row] = await tx.select({ original: events.original, keyType: events.keyType }).from(events).where(where);
  const corrected: Event = { ...current.event, ...changes };
  const { articleId: _a, id: _i, ord: _o, keyType: _k, ...fields } = eventRow(corrected, 0);
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

import {
  cmp,
  STANCE_OF,
  type StanceHistory,
  type StanceKind,
  type StanceRecord,
  stanceMatrix,
  stickingPoints,
} from "@parley/core";
import type { EventType } from "@parley/schema";
import { inArray, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { type Db, queryRows } from "../db/driver";
import { actors, articles, eventActors, eventIssues, events } from "../db/schema";
import type { ModelFilterSchema } from "../filters";
import type { StancesView } from "../model-queries";
import { eventScope, pgArray } from "../views";

type ModelFilter = z.output<typeof ModelFilterSchema>;

const STANCE_TYPES = Object.keys(STANCE_OF) as EventType[];

/** `CASE type WHEN 'DEMAND' THEN 'demands' …` from core's table. */
const stanceOfType = sql`CASE ev.type ${sql.join(
  Object.entries(STANCE_OF).map(([type, stance]) => sql`WHEN ${type} THEN ${stance}`),
  sql` `,
)} END`;

/**
 * Actor id → affiliation root, for actors whose root is another actor (core's `indexCorpus().root`: follow
 * `affiliation` to the top, cycle-safe; an affiliation outside the table is its own root).
 */
export async function affiliationRoots(db: Db): Promise<Record<string, string>> {
  const rows = await queryRows<{ id: string; affiliation: string }>(
    db,
    sql`SELECT ${actors.id} AS id, ${actors.affiliation} AS affiliation FROM ${actors}
      WHERE ${actors.affiliation} IS NOT NULL`,
  );
  const up = new Map(rows.map((r) => [r.id, r.affiliation]));
  const roots: Record<string, string> = {};
  for (const id of up.keys()) {
    let cur = id;
    const path = new Set([cur]);
    for (;;) {
      const next = up.get(cur);
      if (!next || path.has(next)) break;
      path.add(next);
      cur = next;
    }
    if (cur !== id) roots[id] = cur;
  }
  return roots;
}

/**
 * The stance records (core's `stanceRecords`, raw actor ids) of the events in `scope`: occurred events of a
 * stance type with issues; holders are the source, for AGREE source and target; one record per distinct holder
 * and issue. Holders, targets and issues are gathered per event by index lookups (a plan linear in the events).
 */
function recordsOf(scope: SQL): SQL {
  const where = sql`${inArray(events.type, STANCE_TYPES)} AND ${events.status} = 'occurred'
    AND ${events.reviewState} IS DISTINCT FROM 'rejected'`;
  const links = (roles: SQL) => sql`SELECT DISTINCT ea.actor_id FROM ${eventActors} ea
    WHERE ea.article_id = ${events.articleId} AND ea.event_id = ${events.id} AND ${roles}`;
  return sql`SELECT ev.article_id, ev.id AS event_id, h.holder, i.issue, ${stanceOfType} AS stance,
      ev.type AS event_type, ev.date, ev.published,
      CASE WHEN ev.date IS NULL THEN ev.published
        WHEN length(ev.date) = 10 THEN ev.date WHEN length(ev.date) = 7 THEN ev.date || '-00'
        ELSE ev.date || '-00-00' END AS sort_when,
      ev.targets
    FROM (SELECT ${events.articleId} AS article_id, ${events.id} AS id, ${events.type} AS type,
        ${events.dateValue} AS date, ${articles.published}::text AS published,
        ARRAY(${links(sql`(ea.role = 'source' OR (${events.type} = 'AGREE' AND ea.role = 'target'))`)}) AS holders,
        ARRAY(${links(sql`ea.role = 'target'`)}) AS targets,
        ARRAY(SELECT DISTINCT ei.issue FROM ${eventIssues} ei
          WHERE ei.article_id = ${events.articleId} AND ei.event_id = ${events.id}) AS issues
      FROM ${events} JOIN ${articles} ON ${articles.id} = ${events.articleId} WHERE ${where} AND ${scope}) ev
    CROSS JOIN LATERAL unnest(ev.holders) AS h(holder) CROSS JOIN LATERAL unnest(ev.issues) AS i(issue)`;
}

const COLUMNS = sql.raw("article_id, event_id, holder, issue, stance, event_type, date, published, sort_when, targets");

/** Adds the stance records of the events in `scope` (`sign` 1) or removes them (-1). */
export async function updateStanceRecords(tx: Db, scope: SQL, sign: 1 | -1): Promise<void> {
  if (sign === -1) {
    await tx.execute(sql`DELETE FROM stance_records sr USING ${events}
      WHERE sr.article_id = ${events.articleId} AND sr.event_id = ${events.id} AND ${scope}`);
    return;
  }
  await tx.execute(sql`INSERT INTO stance_records (${COLUMNS}) SELECT ${COLUMNS} FROM (${recordsOf(scope)}) r
    ON CONFLICT DO NOTHING`);
}

/** Recomputes `stance_records` from the events. */
export async function rebuildStanceRecords(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`LOCK TABLE stance_records IN EXCLUSIVE MODE`);
    await tx.execute(sql`DELETE FROM stance_records`);
    await updateStanceRecords(tx, sql`true`, 1);
    await tx.execute(sql`UPDATE summary_state SET stale = false WHERE name = 'stances'`);
  });
}

/** True when the filter narrows nothing, so the records table is read without joining events. */
function unfiltered(f: ModelFilter): boolean {
  return !(f.actor || f.role || f.type || f.issue || f.text || f.outlet || f.articleId || f.status || f.from || f.to);
}

/**
 * The records a filter selects, holders mapped through `roots` when rolling up (one record per event, mapped
 * holder and issue, as core's holder set does).
 */
function recordsSql(f: ModelFilter, roots: Record<string, string> | null): SQL {
  const holder = roots ? sql`coalesce(${JSON.stringify(roots)}::jsonb ->> sr.holder, sr.holder)` : sql`sr.holder`;
  const join = unfiltered(f)
    ? sql``
    : sql`JOIN ${events} ON ${events.articleId} = sr.article_id AND ${events.id} = sr.event_id
      JOIN ${articles} ON ${articles.id} = sr.article_id WHERE ${eventScope(f)}`;
  // Two holders with one root would make one record twice.
  const distinct = roots ? sql`DISTINCT ON (sr.article_id, sr.event_id, ${holder}, sr.issue)` : sql``;
  return sql`SELECT ${distinct}
      ${holder} AS actor, sr.issue, sr.stance, sr.event_id, sr.article_id, sr.event_type, sr.date, sr.published,
      sr.targets, sr.sort_when
    FROM stance_records sr ${join}`;
}

/** Core's `compareStances` as an ORDER BY (undated first, code-unit string order). */
const CHRONOLOGICAL = sql`ranked.sort_when COLLATE "C" ASC NULLS FIRST, ranked.published COLLATE "C" ASC NULLS LAST,
  ranked.article_id COLLATE "C", ranked.event_id COLLATE "C"`;

interface RecordRow {
  actor: string;
  issue: string;
  stance: StanceKind;
  event_id: string;
  article_id: string;
  event_type: EventType;
  date: string | null;
  published: string | null;
  targets: string[] | string;
  evidence: string;
  /** 1 on the latest record of its (actor, issue). */
  latest_rank: number;
  in_page: boolean;
}

function toRecord(r: RecordRow, roots: Record<string, string>): StanceRecord {
  const targets = [...new Set(pgArray(r.targets).map((t) => roots[t] ?? t))].sort(cmp);
  return {
    actor: r.actor,
    issue: r.issue,
    stance: r.stance,
    eventId: r.event_id,
    articleId: r.article_id,
    eventType: r.event_type,
    date: r.date,
    published: r.published,
    targets: r.event_type === "AGREE" ? targets.filter((t) => t !== r.actor) : targets,
    evidence: r.evidence,
  };
}

/**
 * Stance histories, matrix and sticking points computed in the database: one query returns the latest record of
 * every (actor, issue) — all the matrix and sticking points read — and the whole history of the (actor, issue)
 * pairs in the requested page. Same result as core's `stanceHistories` / `stanceMatrix` / `stickingPoints`.
 */
export async function sqlStances(db: Db, f: ModelFilter): Promise<StancesView> {
  await ensureFresh(db);
  const rollUp = f.rollUp ?? true;
  const roots = rollUp ? await affiliationRoots(db) : {};
  const rows = await queryRows<RecordRow>(
    db,
    sql`WITH recs AS MATERIALIZED (${recordsSql(f, rollUp ? roots : null)}),
      ranked AS (SELECT recs.*,
        row_number() OVER (PARTITION BY actor COLLATE "C", issue COLLATE "C" ORDER BY sort_when COLLATE "C" DESC NULLS LAST, published COLLATE "C" DESC NULLS FIRST,
          article_id COLLATE "C" DESC, event_id COLLATE "C" DESC) AS latest_rank,
        dense_rank() OVER (ORDER BY actor COLLATE "C", issue COLLATE "C") AS pair
        FROM recs)
      SELECT ranked.*, ${events.evidenceText} AS evidence,
        pair > ${f.offset} AND pair <= ${f.offset + f.limit} AS in_page
      FROM ranked JOIN ${events} ON ${events.articleId} = ranked.article_id AND ${events.id} = ranked.event_id
      WHERE latest_rank = 1 OR (pair > ${f.offset} AND pair <= ${f.offset + f.limit})
      ORDER BY ranked.actor COLLATE "C", ranked.issue COLLATE "C", ${CHRONOLOGICAL}`,
  );
  const latest: StanceHistory[] = [];
  const page = new Map<string, StanceHistory>();
  for (const r of rows) {
    const rec = toRecord(r, roots);
    if (Number(r.latest_rank) === 1) latest.push({ actor: rec.actor, issue: rec.issue, history: [rec], latest: rec });
    if (!r.in_page) continue;
    const key = `${rec.actor}\u0000${rec.issue}`;
    const h = page.get(key);
    if (h) {
      h.history.push(rec);
      h.latest = rec;
    } else page.set(key, { actor: rec.actor, issue: rec.issue, history: [rec], latest: rec });
  }
  const histories = [...page.values()];
  const named = new Set<string>();
  for (const h of [...latest, ...histories])
    for (const r of h.history) {
      named.add(r.actor);
      for (const t of r.targets) named.add(t);
    }
  return {
    histories,
    matrix: stanceMatrix(latest),
    stickingPoints: stickingPoints(latest),
    actors: await actorNames(db, [...named]),
  };
}

async function ensureFresh(db: Db): Promise<void> {
  const [state] = await queryRows<{ stale: boolean }>(db, sql`SELECT stale FROM summary_state WHERE name = 'stances'`);
  if (state?.stale) await rebuildStanceRecords(db);
}

async function actorNames(db: Db, ids: string[]): Promise<Record<string, string>> {
  if (ids.length === 0) return {};
  const rows = await queryRows<{ id: string; name: string }>(
    db,
    sql`SELECT ${actors.id} AS id, ${actors.name} AS name FROM ${actors}
      WHERE ${actors.id} = ANY(${sql.param(ids)}::text[]) ORDER BY ${actors.id}`,
  );
  const out: Record<string, string> = {};
  for (const r of rows) out[r.id] = r.name;
  return out;
}

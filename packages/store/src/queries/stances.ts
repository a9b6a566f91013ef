import {
  STANCE_OF,
  type StanceHistory,
  type StanceKind,
  type StanceRecord,
  stanceMatrix,
  stickingPoints,
} from "@parley/core";
import type { EventType } from "@parley/schema";
import { type SQL, sql } from "drizzle-orm";
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
 * Every stance record of the events a filter selects, as core's `stanceRecords` defines them (occurred events
 * of a stance type with issues; the holder is the source, for AGREE source and target; actors mapped through
 * `roots` when rolling up), with `sort_when`, the key of core's `compareStances` order. Holders, targets and
 * issues are gathered per event by index lookups, which keeps the plan linear in the events selected.
 */
function recordsSql(f: ModelFilter, roots: Record<string, string> | null): SQL {
  const scope = eventScope(f, { types: STANCE_TYPES, statuses: ["occurred"], withIssues: true });
  const mapped = roots ? sql`coalesce(${JSON.stringify(roots)}::jsonb ->> ea.actor_id, ea.actor_id)` : sql`ea.actor_id`;
  const links = (roles: SQL) => sql`SELECT DISTINCT ${mapped} FROM ${eventActors} ea
    WHERE ea.article_id = ${events.articleId} AND ea.event_id = ${events.id} AND ${roles}`;
  return sql`WITH ev AS MATERIALIZED (
      SELECT ${events.articleId} AS article_id, ${events.id} AS id, ${events.type} AS type,
        ${events.dateValue} AS date, ${articles.published}::text AS published, ${events.evidenceText} AS evidence,
        ARRAY(${links(sql`(ea.role = 'source' OR (${events.type} = 'AGREE' AND ea.role = 'target'))`)}) AS holders,
        ARRAY(${links(sql`ea.role = 'target'`)}) AS targets,
        ARRAY(SELECT DISTINCT ei.issue FROM ${eventIssues} ei
          WHERE ei.article_id = ${events.articleId} AND ei.event_id = ${events.id}) AS issues
      FROM ${events} JOIN ${articles} ON ${articles.id} = ${events.articleId} WHERE ${scope})
    SELECT h.actor, i.issue, ${stanceOfType} AS stance, ev.id AS event_id, ev.article_id, ev.type AS event_type,
      ev.date, ev.published, ev.targets, ev.evidence,
      CASE WHEN ev.date IS NULL THEN ev.published
        WHEN length(ev.date) = 10 THEN ev.date WHEN length(ev.date) = 7 THEN ev.date || '-00'
        ELSE ev.date || '-00-00' END AS sort_when
    FROM ev CROSS JOIN LATERAL unnest(ev.holders) AS h(actor) CROSS JOIN LATERAL unnest(ev.issues) AS i(issue)`;
}

/** Core's `compareStances` as an ORDER BY (undated first, code-unit string order). */
const CHRONOLOGICAL = sql`sort_when COLLATE "C" ASC NULLS FIRST, published COLLATE "C" ASC NULLS LAST,
  article_id COLLATE "C", event_id COLLATE "C"`;

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

function toRecord(r: RecordRow): StanceRecord {
  const targets = pgArray(r.targets).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
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
  const roots = (f.rollUp ?? true) ? await affiliationRoots(db) : null;
  const rows = await queryRows<RecordRow>(
    db,
    sql`WITH recs AS MATERIALIZED (${recordsSql(f, roots)}),
      ranked AS (SELECT recs.*,
        row_number() OVER (PARTITION BY actor, issue ORDER BY sort_when COLLATE "C" DESC NULLS LAST, published COLLATE "C" DESC NULLS FIRST,
          article_id COLLATE "C" DESC, event_id COLLATE "C" DESC) AS latest_rank,
        dense_rank() OVER (ORDER BY actor COLLATE "C", issue COLLATE "C") AS pair
        FROM recs)
      SELECT *, pair > ${f.offset} AND pair <= ${f.offset + f.limit} AS in_page FROM ranked
      WHERE latest_rank = 1 OR (pair > ${f.offset} AND pair <= ${f.offset + f.limit})
      ORDER BY actor COLLATE "C", issue COLLATE "C", ${CHRONOLOGICAL}`,
  );
  const latest: StanceHistory[] = [];
  const page = new Map<string, StanceHistory>();
  for (const r of rows) {
    const rec = toRecord(r);
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

import { type SQL, sql } from "drizzle-orm";
import { type Db, queryRows } from "./db/driver";
import { countWords } from "./model";
import { tableCounts } from "./read";

/** One integrity rule and what it found. */
export interface CheckResult {
  /** Stable name, e.g. `event-evidence`. */
  name: string;
  /** What the rule requires, in words. */
  rule: string;
  /** Rows breaking the rule. */
  problems: number;
  /** A few of them (ids and what is wrong), at most `EXAMPLES`. */
  examples: string[];
}

export interface CheckReport {
  ok: boolean;
  /** Rows per table when the check ran. */
  counts: Record<string, number>;
  checks: CheckResult[];
  ms: number;
}

const EXAMPLES = 5;
/** Articles whose text and spans are compared per round trip. */
const PAGE = 200;

/** A rule answered by one query returning the offending rows as `{ n, ex }` (total and a few descriptions). */
async function sqlRule(db: Db, name: string, rule: string, offenders: SQL): Promise<CheckResult> {
  const rows = await queryRows<{ n: number; ex: string[] | null }>(
    db,
    sql`SELECT count(*)::int AS n, (array_agg(x.ex ORDER BY x.ex))[1:${EXAMPLES}] AS ex FROM (${offenders}) AS x`,
  );
  return { name, rule, problems: rows[0]?.n ?? 0, examples: rows[0]?.ex ?? [] };
}

function structuralRules(): [string, string, SQL][] {
  const orphan = (table: string, what: string) =>
    sql`SELECT ${`${what} `}::text || t.article_id AS ex FROM ${sql.identifier(table)} t
      WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = t.article_id)`;
  /** `ord` runs 0..n-1 in every article: a gap or a repeat means rows were lost or written twice. */
  const ordGaps = (table: string) =>
    sql`SELECT article_id || ': ' || count(*) || ' rows, ord ' || min(ord) || '..' || max(ord) AS ex
      FROM ${sql.identifier(table)} GROUP BY article_id HAVING min(ord) <> 0 OR max(ord) <> count(*) - 1 OR count(DISTINCT ord) <> count(*)`;
  return [
    ["event-article", "every event's article exists", orphan("events", "event of missing article")],
    ["mention-article", "every mention's article exists", orphan("mentions", "mention of missing article")],
    ["claim-article", "every claim's article exists", orphan("claims", "claim of missing article")],
    [
      "article-actor-article",
      "every article–actor link's article exists",
      orphan("article_actors", "actor link of missing article"),
    ],
    [
      "event-link-event",
      "every event–actor and event–issue link's event exists",
      sql`SELECT 'link of missing event ' || l.article_id || '/' || l.event_id AS ex FROM (
          SELECT article_id, event_id FROM event_actors UNION ALL SELECT article_id, event_id FROM event_issues) l
        WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.article_id = l.article_id AND e.id = l.event_id)`,
    ],
    [
      "mention-actor",
      "every mention's actor is among its article's actors",
      sql`SELECT m.article_id || ' mention ' || m.ord || ' actor ' || m.actor_id AS ex FROM mentions m
        WHERE NOT EXISTS (SELECT 1 FROM article_actors aa WHERE aa.article_id = m.article_id AND aa.actor_id = m.actor_id)`,
    ],
    ["event-order", "each article's events are numbered 0..n-1 (none lost, none twice)", ordGaps("events")],
    ["mention-order", "each article's mentions are numbered 0..n-1", ordGaps("mentions")],
    ["claim-order", "each article's claims are numbered 0..n-1", ordGaps("claims")],
    [
      "cluster-member-event",
      "every cluster member's event and cluster exist (no orphan members)",
      sql`SELECT 'member ' || m.cluster_id || ' ' || m.article_id || '/' || m.event_id AS ex
        FROM event_cluster_members m
        WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.article_id = m.article_id AND e.id = m.event_id)
          OR NOT EXISTS (SELECT 1 FROM event_clusters c WHERE c.id = m.cluster_id)`,
    ],
    [
      "cluster-once",
      "an event is in at most one automatic cluster",
      sql`SELECT m.article_id || '/' || m.event_id || ' in ' || count(*) || ' clusters' AS ex
        FROM event_cluster_members m JOIN event_clusters c ON c.id = m.cluster_id AND c.method = 'parley-auto-1'
        GROUP BY m.article_id, m.event_id HAVING count(*) > 1`,
    ],
    [
      "cluster-counts",
      "each automatic cluster's stored counts (articles, outlets, statuses) match its members",
      sql`SELECT c.id || ': stored ' || c.article_count || ' article(s), ' || c.outlet_count || ' outlet(s), '
          || coalesce(s.total, 0) || ' status(es); members give ' || coalesce(m.articles, 0) || ', '
          || coalesce(m.outlets, 0) || ', ' || coalesce(m.members, 0) AS ex
        FROM event_clusters c
        LEFT JOIN (SELECT cm.cluster_id, count(*) AS members, count(DISTINCT cm.article_id) AS articles,
            count(DISTINCT a.outlet) AS outlets
          FROM event_cluster_members cm JOIN articles a ON a.id = cm.article_id GROUP BY cm.cluster_id) m
          ON m.cluster_id = c.id
        LEFT JOIN LATERAL (SELECT sum(v::int) AS total FROM jsonb_each_text(c.statuses) AS j(k, v)) s ON true
        WHERE c.method = 'parley-auto-1' AND (c.article_count IS DISTINCT FROM coalesce(m.articles, 0)::int
          OR c.outlet_count IS DISTINCT FROM coalesce(m.outlets, 0)::int
          OR coalesce(s.total, 0) IS DISTINCT FROM coalesce(m.members, 0))`,
    ],
    [
      "review-state",
      "each reviewed event carries the state of its latest review, and only reviewed events carry one " +
        "(events sharing their review key with another are left out: a review applies to one of them until re-analysis)",
      sql`SELECT e.article_id || '/' || e.id || ': state ' || coalesce(e.review_state, 'none') || ', latest review '
          || coalesce(r.action, 'none') AS ex
        FROM events e LEFT JOIN LATERAL (SELECT action FROM reviews r WHERE r.article_id = e.article_id
            AND r.event_type = e.key_type AND r.evidence_start = e.evidence_start AND r.evidence_end = e.evidence_end
          ORDER BY r.created_at DESC, r.id DESC LIMIT 1) r ON true
        WHERE e.review_state IS DISTINCT FROM CASE r.action WHEN 'verify' THEN 'verified'
          WHEN 'correct' THEN 'corrected' WHEN 'reject' THEN 'rejected' END
          AND NOT EXISTS (SELECT 1 FROM events s WHERE s.article_id = e.article_id AND s.key_type = e.key_type
            AND s.evidence_start = e.evidence_start AND s.evidence_end = e.evidence_end AND s.id <> e.id)`,
    ],
  ];
}

interface SpanRow {
  article_id: string;
  what: string;
  key: string;
  start: number;
  end: number;
  text: string;
}

/**
 * Checks in JavaScript what SQL cannot: offsets are UTF-16 code units (JavaScript string indices), while SQL's
 * `substring` counts code points. Also each article's stored word count.
 */
async function textRules(db: Db): Promise<CheckResult[]> {
  const spans: CheckResult = {
    name: "evidence-spans",
    rule: "every event's, claim's and mention's text equals its article's text at its offsets",
    problems: 0,
    examples: [],
  };
  const sentences: CheckResult = {
    name: "sentence-spans",
    rule: "every sentence span lies inside its article's text, in order",
    problems: 0,
    examples: [],
  };
  const words: CheckResult = {
    name: "word-count",
    rule: "each article's stored word count matches its text",
    problems: 0,
    examples: [],
  };
  const note = (r: CheckResult, ex: string) => {
    r.problems++;
    if (r.examples.length < EXAMPLES) r.examples.push(ex);
  };
  let after = "";
  for (;;) {
    const page = await queryRows<{ id: string; text: string; word_count: number; sentences: unknown }>(
      db,
      sql`SELECT id, text, word_count, sentences FROM articles WHERE id > ${after} ORDER BY id LIMIT ${PAGE}`,
    );
    if (page.length === 0) break;
    after = page[page.length - 1]!.id;
    const ids = sql.param(page.map((a) => a.id));
    const rows = await queryRows<SpanRow>(
      db,
      sql`SELECT article_id, 'event' AS what, id AS key, evidence_start AS start, evidence_end AS "end",
            evidence_text AS text FROM events WHERE article_id = ANY(${ids}::text[])
          UNION ALL SELECT article_id, 'claim', id, evidence_start, evidence_end, evidence_text
            FROM claims WHERE article_id = ANY(${ids}::text[])
          UNION ALL SELECT article_id, 'mention', ord::text, span_start, span_end, text
            FROM mentions WHERE article_id = ANY(${ids}::text[])`,
    );
    const texts = new Map(page.map((a) => [a.id, a.text]));
    for (const r of rows) {
      const text = texts.get(r.article_id)!;
      const inside = r.start >= 0 && r.start <= r.end && r.end <= text.length;
      if (!inside || text.slice(r.start, r.end) !== r.text) {
        note(
          spans,
          `${r.what} ${r.article_id}/${r.key} [${r.start}, ${r.end}): stored ${JSON.stringify(r.text.slice(0, 40))}, ` +
            (inside ? `text has ${JSON.stringify(text.slice(r.start, r.end).slice(0, 40))}` : "outside the text"),
        );
      }
    }
    for (const a of page) {
      if (countWords(a.text) !== a.word_count) {
        note(words, `${a.id}: stored ${a.word_count}, text has ${countWords(a.text)}`);
      }
      const list = Array.isArray(a.sentences) ? (a.sentences as { span?: { start?: unknown; end?: unknown } }[]) : null;
      if (!list) {
        note(sentences, `${a.id}: sentences are not a list`);
        continue;
      }
      let prev = 0;
      for (const [i, s] of list.entries()) {
        const start = s?.span?.start;
        const end = s?.span?.end;
        if (
          typeof start !== "number" ||
          typeof end !== "number" ||
          start < prev ||
          end < start ||
          end > a.text.length
        ) {
          note(sentences, `${a.id}: sentence ${i} [${String(start)}, ${String(end)}) of ${a.text.length}`);
          break;
        }
        prev = start;
      }
    }
  }
  return [spans, sentences, words];
}

/** Checks the stored corpus against the rules above; read-only. */
export async function checkCorpus(db: Db): Promise<CheckReport> {
  const t0 = performance.now();
  const counts = { ...(await tableCounts(db)) };
  const extra = await queryRows<{ clusters: number; members: number }>(
    db,
    sql`SELECT (SELECT count(*)::int FROM event_clusters) AS clusters,
      (SELECT count(*)::int FROM event_cluster_members) AS members`,
  );
  counts.clusters = extra[0]?.clusters ?? 0;
  counts.clusterMembers = extra[0]?.members ?? 0;
  const checks: CheckResult[] = [];
  for (const [name, rule, offenders] of structuralRules()) checks.push(await sqlRule(db, name, rule, offenders));
  checks.push(...(await textRules(db)));
  return {
    ok: checks.every((c) => c.problems === 0),
    counts,
    checks,
    ms: Math.round(performance.now() - t0),
  };
}

import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, queryRows } from "./db/driver";

/**
 * Per-table row counts and content digests, equal for equal corpora whatever the driver: rows are read as JSON in
 * key order, without the columns a restore legitimately rewrites (analysis and update times, generated search
 * vectors), timestamps normalised to UTC, keys sorted, then hashed with SHA-256.
 */
const DIGESTED: { table: string; key: string; skip: string[]; times: string[] }[] = [
  { table: "outlets", key: "name", skip: ["created_at"], times: [] },
  { table: "actors", key: "id", skip: ["updated_at"], times: [] },
  { table: "articles", key: "id", skip: ["tsv", "analyzed_at"], times: ["ingested_at"] },
  { table: "article_actors", key: "article_id, actor_id", skip: [], times: [] },
  { table: "mentions", key: "article_id, ord", skip: [], times: [] },
  { table: "events", key: "article_id, id", skip: ["tsv"], times: [] },
  { table: "event_actors", key: "article_id, event_id, role, actor_id", skip: [], times: [] },
  { table: "event_issues", key: "article_id, event_id, issue", skip: [], times: [] },
  { table: "claims", key: "article_id, id", skip: [], times: [] },
  { table: "event_clusters", key: "id", skip: [], times: ["created_at"] },
  { table: "event_cluster_members", key: "cluster_id, article_id, event_id", skip: [], times: [] },
  { table: "reviews", key: "id", skip: [], times: ["created_at"] },
];

export const TableDigestSchema = z.object({ rows: z.number().int().nonnegative(), sha256: z.string() });
export type TableDigest = z.infer<typeof TableDigestSchema>;
export type CorpusDigest = Record<string, TableDigest>;

const PAGE = 2000;

/** JSON with object keys sorted at every level, so equal values give equal text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export async function corpusDigest(db: Db): Promise<CorpusDigest> {
  const out: CorpusDigest = {};
  for (const t of DIGESTED) {
    const hash = createHash("sha256");
    let rows = 0;
    const order = sql.join(
      t.key.split(", ").map((k) => sql.identifier(k)),
      sql`, `,
    );
    for (let offset = 0; ; offset += PAGE) {
      const page = await queryRows<{ r: Record<string, unknown> | string }>(
        db,
        sql`SELECT to_jsonb(t) - ${sql.param(t.skip)}::text[] AS r FROM ${sql.identifier(t.table)} t
          ORDER BY ${order} LIMIT ${PAGE} OFFSET ${offset}`,
      );
      for (const { r } of page) {
        const row = typeof r === "string" ? (JSON.parse(r) as Record<string, unknown>) : r;
        for (const c of t.times) if (typeof row[c] === "string") row[c] = new Date(row[c] as string).toISOString();
        hash.update(canonical(row));
        hash.update("\n");
        rows++;
      }
      if (page.length < PAGE) break;
    }
    out[t.table] = { rows, sha256: hash.digest("hex") };
  }
  return out;
}

/** Tables whose digests differ between two corpora, with both sides. */
export function digestDifferences(
  expected: CorpusDigest,
  actual: CorpusDigest,
): { table: string; expected: TableDigest | null; actual: TableDigest | null }[] {
  const tables = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  return tables.flatMap((table) => {
    const e = expected[table] ?? null;
    const a = actual[table] ?? null;
    return e?.rows === a?.rows && e?.sha256 === a?.sha256 ? [] : [{ table, expected: e, actual: a }];
  });
}

/** Tables a forced restore keeps: the applied migrations, and the flags saying which summaries need a rebuild. */
const KEPT = new Set(["parley_migrations", "summary_state"]);

/**
 * Empties every table of the store but `KEPT` (restore --force), in one transaction: the corpus tables and the
 * summaries derived from them, whatever later migrations add, so nothing of the old corpus survives the restore.
 */
export async function clearCorpus(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    const tables = await queryRows<{ name: string }>(
      tx,
      sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`,
    );
    const names = tables.map((t) => t.name).filter((n) => !KEPT.has(n));
    if (names.length > 0) {
      await tx.execute(
        sql`TRUNCATE ${sql.join(
          names.map((n) => sql.identifier(n)),
          sql`, `,
        )} CASCADE`,
      );
    }
  });
}

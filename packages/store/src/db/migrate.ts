import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { StoreError } from "../errors";
import { type Db, queryRows } from "./driver";

/** The SQL migrations shipped with the store; a bundle copies the folder and passes its own path. */
export function defaultMigrationsDir(): string {
  return fileURLToPath(new URL("../../migrations/", import.meta.url));
}

export interface Migration {
  id: string;
  statements: string[];
}

const FILE = /^(\d{4})_[a-z0-9_]+\.sql$/;
const BREAKPOINT = /^\s*-->\s*statement-breakpoint\s*$/m;
/** Any constant will do; it serialises concurrent migrators on one PostgreSQL database. */
const ADVISORY_KEY = 0x7061726c;

export function loadMigrations(dir: string): Migration[] {
  return readdirSync(dir)
    .filter((f) => FILE.test(f))
    .sort()
    .map((f) => ({
      id: f.replace(/\.sql$/, ""),
      statements: readFileSync(`${dir}/${f}`, "utf8")
        .split(BREAKPOINT)
        .map((s) => s.trim())
        .filter((s) => s.replace(/--[^\n]*/g, "").trim().length > 0),
    }));
}

async function ensureTable(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${ADVISORY_KEY})`);
    await tx.execute(
      sql`CREATE TABLE IF NOT EXISTS parley_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
  });
}

export async function appliedMigrations(db: Db): Promise<{ id: string; appliedAt: string }[]> {
  const exists = await queryRows<{ t: string | null }>(db, sql`SELECT to_regclass('parley_migrations')::text AS t`);
  if (!exists[0]?.t) return [];
  const res = await queryRows<{ id: string; applied_at: string | Date }>(
    db,
    sql`SELECT id, applied_at FROM parley_migrations ORDER BY id`,
  );
  return res.map((r) => ({ id: r.id, appliedAt: new Date(r.applied_at).toISOString() }));
}

/** Applies pending migrations, each in its own transaction together with its `parley_migrations` row. */
export async function runMigrations(db: Db, dir: string): Promise<string[]> {
  const migrations = loadMigrations(dir);
  await ensureTable(db);
  const done: string[] = [];
  for (const m of migrations) {
    const applied = await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${ADVISORY_KEY})`);
      const seen = await queryRows(tx, sql`SELECT 1 FROM parley_migrations WHERE id = ${m.id}`);
      if (seen.length > 0) return false;
      for (const statement of m.statements) {
        try {
          await tx.execute(sql.raw(statement));
        } catch (err) {
          throw new StoreError("MIGRATION_FAILED", `Migration ${m.id} failed: ${(err as Error).message}`, {
            migration: m.id,
            statement: statement.slice(0, 200),
          });
        }
      }
      await tx.execute(sql`INSERT INTO parley_migrations (id) VALUES (${m.id})`);
      return true;
    });
    if (applied) done.push(m.id);
  }
  return done;
}

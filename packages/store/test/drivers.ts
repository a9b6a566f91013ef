import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { type Corpus, openCorpus } from "../src";

export const PG_URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";

/** Whether the test PostgreSQL answers; the PostgreSQL half of each suite is skipped (with a message) if not. */
export async function pgReachable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 1500 });
  try {
    await c.connect();
    await c.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

export const PG_UP = await pgReachable();
if (!PG_UP) {
  console.warn(`[store tests] PostgreSQL at ${PG_URL} is unreachable: skipping the PostgreSQL half of the suites.`);
}

export interface TestDb {
  corpus: Corpus;
  cleanup(): Promise<void>;
}

export function tempDir(prefix = "parley-store-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A fresh, already-migrated PGlite directory (a copy of the run's template). */
export function pgliteDir(): string {
  const dir = tempDir();
  const template = inject("pgliteTemplate");
  if (template) cpSync(template, dir, { recursive: true });
  return dir;
}

export async function openPgliteTest(): Promise<TestDb> {
  const dir = pgliteDir();
  const corpus = await openCorpus({ dataDir: dir });
  return {
    corpus,
    async cleanup() {
      await corpus.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function openPostgresTest(): Promise<TestDb> {
  const schema = `parley_test_${randomBytes(6).toString("hex")}`;
  const corpus = await openCorpus({ databaseUrl: PG_URL, schema });
  return {
    corpus,
    async cleanup() {
      await corpus.close();
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await c.end();
    },
  };
}

/** The two drivers every store suite runs against. */
export const DRIVERS = [
  { name: "pglite", open: openPgliteTest, skip: false },
  { name: "postgres", open: openPostgresTest, skip: !PG_UP },
] as const;

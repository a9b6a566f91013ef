import { AnalysisSchema } from "@parley/schema";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADVERSARIAL_ITEMS, writeAdversarialCorpus } from "../../../test/adversarial/corpus";
import { articlesOf, type Corpus, type ItemError, openCorpus, readInputs } from "../src";
import { pgliteDir, tempDir } from "./drivers";

/**
 * Every item of the adversarial corpus (test/adversarial) through the store's readers and ingest on a temp PGlite
 * directory: a per-item error naming the file, or stored articles whose analysis passes the schema; afterwards the
 * store passes an integrity check.
 */
/**
 * Generous bound per item; a hang fails the test instead of stalling the run. The 20 MB line takes under a minute
 * alone but several inside the whole parallel test run on two cores (other suites share the CPU and memory).
 */
const LIMIT_MS = 900_000;
/** Items skipped here as too slow to ingest (none since the actor-mention count became incremental). */
const SLOW = new Set<string>([]);

let corpus: Corpus;
let dataDir: string;
let inputDir: string;
let paths: Map<string, string>;

beforeAll(async () => {
  dataDir = pgliteDir();
  corpus = await openCorpus({ dataDir });
  inputDir = tempDir("parley-adversarial-");
  paths = writeAdversarialCorpus(inputDir);
});

afterAll(async () => {
  await corpus?.close();
  const { rmSync } = await import("node:fs");
  for (const d of [dataDir, inputDir]) if (d) rmSync(d, { recursive: true, force: true });
});

type Db = { db: { execute(q: unknown): Promise<{ rows: Record<string, unknown>[] }> } };
const rows = async (q: ReturnType<typeof sql>) => (await (corpus as unknown as Db).db.execute(q)).rows;

describe("store ingest of the adversarial corpus (PGlite)", () => {
  for (const item of ADVERSARIAL_ITEMS) {
    const run = SLOW.has(item.name) ? it.skip : it;
    run(
      `${item.name}: ${item.what}`,
      async () => {
        const path = paths.get(item.name)!;
        const errors: ItemError[] = [];
        const summary = await corpus.ingest(
          articlesOf(readInputs([path]), (e) => errors.push(e)),
          // this suite bounds each item itself (LIMIT_MS); the pool's default 30 s limit is tested in workers.test.ts
          { jobs: 1, timeoutMs: LIMIT_MS },
        );
        errors.push(...summary.errors);
        for (const e of errors) {
          // a clear error naming the file and the problem
          expect(e.file).toContain(item.name);
          expect(e.message.length).toBeGreaterThan(3);
        }
        if (item.store.kind === "error") {
          expect(summary.inserted + summary.duplicates).toBe(0);
          expect(errors.map((e) => e.message).join("\n")).toMatch(item.store.error);
        }
        if (item.store.kind === "analysis") expect(summary.inserted + summary.duplicates).toBeGreaterThan(0);
        // every stored article of this item: the analysis passes the schema, evidence equals the text
        const stored = await corpus.articles({ limit: 1000 });
        for (const a of stored.filter((x) => (x as { file?: string | null }).file?.includes(item.name) ?? true)) {
          const full = await corpus.article(a.id);
          expect(full).not.toBeNull();
          const analysis = AnalysisSchema.parse(full!.analysis);
          for (const x of [...analysis.events, ...analysis.claims]) {
            expect(full!.text.slice(x.evidence.start, x.evidence.end)).toBe(x.evidence.text);
          }
        }
      },
      LIMIT_MS,
    );
  }

  it("passes an integrity check afterwards", async () => {
    const orphanEvents = await rows(
      sql`SELECT count(*)::int AS n FROM events e WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = e.article_id)`,
    );
    expect(orphanEvents[0]!.n).toBe(0);
    const orphanClaims = await rows(
      sql`SELECT count(*)::int AS n FROM claims c WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = c.article_id)`,
    );
    expect(orphanClaims[0]!.n).toBe(0);
    const articles = await rows(sql`SELECT id, text FROM articles`);
    expect(articles.length).toBeGreaterThan(0);
    const text = new Map(articles.map((a) => [a.id as string, a.text as string]));
    for (const table of ["events", "claims"]) {
      const spans = await rows(
        sql.raw(`SELECT article_id, evidence_text, evidence_start, evidence_end FROM ${table} ORDER BY id`),
      );
      for (const s of spans) {
        const t = text.get(s.article_id as string)!;
        expect(t.slice(s.evidence_start as number, s.evidence_end as number)).toBe(s.evidence_text);
      }
    }
    const stats = await corpus.stats();
    expect(stats.articles).toBe(articles.length);
    const report = await corpus.check();
    expect(report.checks.filter((x) => x.problems > 0)).toEqual([]);
  });
});

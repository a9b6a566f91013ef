/**
 * Ingest and query benchmark of the corpus store (not a test; nothing asserts on timings).
 *
 *   pnpm bench:ingest                          # 10,000 generated articles, PGlite and PostgreSQL, --jobs 1 and 2
 *   pnpm bench:ingest -- --count 2000 --drivers pglite --jobs 2
 *   pnpm bench:ingest -- --write               # also update docs/benchmarks.md (ingest section)
 *
 * Each driver × jobs run ingests the whole corpus into a fresh database (a temp PGlite directory, or a
 * throw-away schema of $DATABASE_URL / postgres://postgres@127.0.0.1:5432/test), including analysis on worker
 * threads, one transaction per article and re-clustering. After the last run of each driver, the main
 * queries run `--runs` times (after one warm-up): events by actor, timeline, stance matrix.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { type Corpus, type IngestItem, openCorpus } from "@parley/store";
import pg from "pg";
import { generateArticles } from "./generate/index";
import { percentile, writeSection } from "./ingest-lib";

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"),
  options: {
    count: { type: "string", default: "10000" },
    seed: { type: "string", default: "1" },
    jobs: { type: "string", default: "1,2" },
    drivers: { type: "string", default: "pglite,postgres" },
    runs: { type: "string", default: "30" },
    write: { type: "boolean", default: false },
  },
});
const count = Number(values.count);
const jobsList = values.jobs!.split(",").map(Number);
const drivers = values.drivers!.split(",") as ("pglite" | "postgres")[];
const runs = Number(values.runs);
const PG_URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";

const articles: IngestItem[] = [...generateArticles({ count, seed: Number(values.seed) })].map((a) => ({
  file: a.file,
  title: a.title,
  text: a.text,
  outlet: a.outlet,
  published: a.published,
  url: a.url,
}));
const mb = articles.reduce((n, a) => n + Buffer.byteLength(a.text), 0) / 1e6;
console.error(`corpus: ${count} articles, ${mb.toFixed(1)} MB (bench/generate, seed ${values.seed})`);

interface Opened {
  corpus: Corpus;
  drop(): Promise<void>;
}

async function open(driver: "pglite" | "postgres"): Promise<Opened> {
  if (driver === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), "parley-bench-"));
    const corpus = await openCorpus({ dataDir: dir });
    return { corpus, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = `parley_bench_${randomBytes(4).toString("hex")}`;
  const corpus = await openCorpus({ databaseUrl: PG_URL, schema });
  return {
    corpus,
    async drop() {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await c.end();
    },
  };
}

interface IngestRow {
  driver: string;
  jobs: number;
  seconds: number;
  perSecond: number;
  events: number;
  clusters: number;
  clusterSeconds: number;
  failed: number;
}
interface QueryRow {
  driver: string;
  name: string;
  p50: number;
  p95: number;
  rows: string;
}

const ingestRows: IngestRow[] = [];
const queryRows: QueryRow[] = [];

async function timeQuery(name: string, driver: string, fn: () => Promise<string>): Promise<void> {
  await fn();
  const ms: number[] = [];
  let rows = "";
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    rows = await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const row = { driver, name, p50: percentile(ms, 50), p95: percentile(ms, 95), rows };
  queryRows.push(row);
  console.error(`  ${driver} ${name}: p50 ${row.p50.toFixed(1)} ms, p95 ${row.p95.toFixed(1)} ms (${rows})`);
}

for (const driver of drivers) {
  for (const [i, jobs] of jobsList.entries()) {
    const db = await open(driver);
    try {
      const t0 = performance.now();
      const s = await db.corpus.ingest(articles, { jobs });
      const seconds = (performance.now() - t0) / 1000;
      const row = {
        driver,
        jobs,
        seconds,
        perSecond: s.inserted / seconds,
        events: s.events,
        clusters: s.clusters.clusters,
        clusterSeconds: s.clusters.ms / 1000,
        failed: s.failed,
      };
      ingestRows.push(row);
      console.error(
        `${driver} --jobs ${jobs}: ${s.inserted} articles in ${seconds.toFixed(1)} s = ${row.perSecond.toFixed(0)} articles/s ` +
          `(${s.events} events, ${s.failed} failed; re-clustering ${row.clusters} clusters took ${row.clusterSeconds.toFixed(1)} s)`,
      );
      if (i === jobsList.length - 1) {
        const [top] = await db.corpus.actors({ limit: 1 });
        const actor = top?.name ?? "Hamas";
        await timeQuery(`events by actor (${actor}, limit 100)`, driver, async () => {
          const r = await db.corpus.events({ actor, limit: 100 });
          return `${r.length} events`;
        });
        await timeQuery(`events by actor (${actor}) + type + month`, driver, async () => {
          const r = await db.corpus.events({ actor, type: "MEET", from: "2024-02", to: "2024-03", limit: 100 });
          return `${r.length} events`;
        });
        await timeQuery("timeline (month, whole corpus)", driver, async () => {
          const t = await db.corpus.timeline({ granularity: "month" });
          return `${t.buckets.length} buckets`;
        });
        await timeQuery(`timeline (week, actor ${actor})`, driver, async () => {
          const t = await db.corpus.timeline({ granularity: "week", actor });
          return `${t.buckets.length} buckets`;
        });
        await timeQuery("stance matrix (whole corpus)", driver, async () => {
          const st = await db.corpus.stances();
          return `${st.matrix.actors.length}×${st.matrix.issues.length}, ${st.stickingPoints.length} sticking points`;
        });
        await timeQuery(`stance matrix (actor ${actor})`, driver, async () => {
          const st = await db.corpus.stances({ actor });
          return `${st.matrix.actors.length}×${st.matrix.issues.length}`;
        });
        await timeQuery("clusters (≥ 2 outlets, limit 100)", driver, async () => {
          const c = await db.corpus.clusters({ minOutlets: 2, limit: 100 });
          return `${c.length} clusters`;
        });
      }
    } finally {
      await db.corpus.close();
      await db.drop();
    }
  }
}

const cpu = cpus()[0]?.model ?? "unknown CPU";
const fmt = (n: number, d = 0) => n.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
const body = [
  "## Ingest and queries",
  "",
  `Machine: ${cpu}, ${cpus().length} cores, Node ${process.version}. Date: ${new Date().toISOString().slice(0, 10)}. Command: \`pnpm bench:ingest${
    process.argv.slice(2).filter((a) => a !== "--").length
      ? ` -- ${process.argv
          .slice(2)
          .filter((a) => a !== "--")
          .join(" ")}`
      : ""
  }\`.`,
  "",
  `Corpus: ${fmt(count)} synthetic articles, ${mb.toFixed(1)} MB of text (\`bench/generate\`, seed ${values.seed}), ingested into a fresh database per row: analysis on \`--jobs\` worker threads, one transaction per article, then re-clustering of the touched partitions. PostgreSQL is the local server (15, same machine); PGlite is file-backed in a temp directory.`,
  "",
  "| Store | Jobs | Time (s) | Articles/s | Events | Clusters | Re-clustering (s) | Failed |",
  "|---|--:|--:|--:|--:|--:|--:|--:|",
  ...ingestRows.map(
    (r) =>
      `| ${r.driver} | ${r.jobs} | ${fmt(r.seconds, 1)} | ${fmt(r.perSecond)} | ${fmt(r.events)} | ${fmt(r.clusters)} | ${fmt(r.clusterSeconds, 1)} | ${r.failed} |`,
  ),
  "",
  `Queries on the ${fmt(count)}-article corpus, ${runs} runs each after one warm-up (milliseconds, wall time through the \`Corpus\` API):`,
  "",
  "| Store | Query | p50 (ms) | p95 (ms) | Result |",
  "|---|---|--:|--:|---|",
  ...queryRows.map((r) => `| ${r.driver} | ${r.name} | ${fmt(r.p50, 1)} | ${fmt(r.p95, 1)} | ${r.rows} |`),
  "",
  "Targets: ≥ 200 articles/s into PostgreSQL with two jobs; query p95 < 100 ms.",
].join("\n");
console.log(body);
if (values.write) {
  writeSection(new URL("../docs/benchmarks.md", import.meta.url).pathname, body);
  console.error("docs/benchmarks.md: ingest section updated");
}

/**
 * Distributed ingest benchmark (not a test; nothing asserts on timings): `parley ingest --queue` of N generated
 * articles into PostgreSQL, then 1, 2 and 4 `parley worker --until-empty` processes draining the queue together.
 *
 *   pnpm bench:queue                                 # 100,000 articles; 1, 2 and 4 workers of one analysis thread
 *   pnpm bench:queue -- --articles 500 --workers 1,2 # a quick check
 *   pnpm bench:queue -- --write                      # also update docs/benchmarks.md (queue section)
 *
 * Each row uses a fresh schema of $DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) and its own
 * queue schema, dropped afterwards. Time is wall time from starting the workers until the last one exits (its
 * start-up, the batches, and the final re-clustering included); articles/s = articles stored / that time. Peak
 * memory is each worker process's VmHWM. `--bundle` runs the built bin instead of the sources through tsx.
 */
import { once } from "node:events";
import { createWriteStream, mkdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { generateArticles } from "./generate/index";
import { writeNamedSection } from "./ingest-lib";
import { commandLine, fmt, machineLine, ROOT, runParley } from "./proc-lib";

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"),
  options: {
    articles: { type: "string", default: "100000" },
    workers: { type: "string", default: "1,2,4" },
    jobs: { type: "string", default: "1" },
    batch: { type: "string", default: "50" },
    seed: { type: "string", default: "1" },
    bundle: { type: "boolean", default: false },
    write: { type: "boolean", default: false },
  },
});
const count = Number(values.articles);
const workerCounts = values.workers!.split(",").map(Number);
if (!Number.isInteger(count) || count < 1) throw new Error("--articles must be a positive integer");
if (workerCounts.some((w) => !Number.isInteger(w) || w < 1))
  throw new Error("--workers: positive integers, e.g. 1,2,4");
const PG_URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";

const outDir = join(ROOT, "bench/out");
mkdirSync(outDir, { recursive: true });
const file = join(outDir, `queue-${count}-seed${values.seed}.jsonl`);
let textMB = 0;
{
  const out = createWriteStream(file);
  for (const a of generateArticles({ count, seed: Number(values.seed) })) {
    textMB += Buffer.byteLength(a.text) / 1e6;
    if (!out.write(`${JSON.stringify(a)}\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}
console.error(`corpus: ${fmt(count)} articles, ${textMB.toFixed(1)} MB of text → ${file}`);

interface Row {
  workers: number;
  enqueueSeconds: number;
  seconds: number;
  inserted: number;
  events: number;
  failed: number;
  reclusterSeconds: number;
  peakRss: number[];
  perWorker: number[];
}
const rows: Row[] = [];

for (const workers of workerCounts) {
  const schema = `parley_bench_q_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA "${schema}"`);
  const u = new URL(PG_URL);
  u.searchParams.set("options", `-c search_path=${schema}`);
  const env = { DATABASE_URL: u.toString(), PARLEY_DATA_DIR: "" };
  try {
    const enq = await runParley(["ingest", "--queue", file, "--json", "--quiet"], { env, bundle: values.bundle });
    if (enq.code !== 0) throw new Error(`ingest --queue exited with ${enq.code}: ${enq.stderr}`);
    const queued = JSON.parse(enq.stdout) as { enqueued: number };
    console.error(`${workers} worker(s): queued ${fmt(queued.enqueued)} articles in ${enq.seconds.toFixed(1)} s`);
    const t0 = performance.now();
    const runs = await Promise.all(
      Array.from({ length: workers }, () =>
        runParley(["worker", "--jobs", values.jobs!, "--batch", values.batch!, "--until-empty", "--json", "--quiet"], {
          env,
          bundle: values.bundle,
        }),
      ),
    );
    const seconds = (performance.now() - t0) / 1000;
    const summaries = runs.map((r) => {
      if (r.code !== 0) throw new Error(`worker exited with ${r.code}: ${r.stderr}`);
      return JSON.parse(r.stdout.trim().split("\n").at(-1)!) as {
        inserted: number;
        events: number;
        failed: number;
        reclusterMs: number;
      };
    });
    const row: Row = {
      workers,
      enqueueSeconds: enq.seconds,
      seconds,
      inserted: summaries.reduce((n, s) => n + s.inserted, 0),
      events: summaries.reduce((n, s) => n + s.events, 0),
      failed: summaries.reduce((n, s) => n + s.failed, 0),
      reclusterSeconds: summaries.reduce((n, s) => n + s.reclusterMs, 0) / 1000,
      peakRss: runs.map((r) => r.peakRssMB),
      perWorker: summaries.map((s) => s.inserted),
    };
    rows.push(row);
    console.error(
      `${workers} worker(s): ${fmt(row.inserted)} articles in ${seconds.toFixed(1)} s = ${fmt(row.inserted / seconds)} articles/s ` +
        `(per worker ${row.perWorker.map((n) => fmt(n)).join(" / ")}; ${fmt(row.events)} events; ${row.failed} failed attempts; ` +
        `re-clustering ${row.reclusterSeconds.toFixed(1)} s; peak RSS ${row.peakRss.map((m) => fmt(m)).join(" / ")} MB)`,
    );
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}_queue" CASCADE`);
    await admin.end();
  }
}

const body = [
  "## Distributed ingest (queue)",
  "",
  machineLine(commandLine("bench:queue")),
  "",
  `Corpus: ${fmt(count)} synthetic articles, ${textMB.toFixed(1)} MB of text (\`bench/generate\`, seed ${values.seed}), enqueued with \`parley ingest --queue\` (one pg-boss job per article) into a fresh schema of the local PostgreSQL, then drained by N \`parley worker --jobs ${values.jobs} --batch ${values.batch} --until-empty\` processes started together (${values.bundle ? "the built bin" : "from source through tsx"}). Time: from starting the workers until the last exits, start-up and the final re-clustering included. Peak RSS: each worker process's VmHWM. Target: ≥ 500 articles/s on this machine.`,
  "",
  "| Workers | Threads per worker | Articles | Time (s) | Articles/s | Stored per worker | Events | Failed attempts | Re-clustering (s) | Peak RSS per worker (MB) | Enqueue (s) |",
  "|--:|--:|--:|--:|--:|---|--:|--:|--:|---|--:|",
  ...rows.map(
    (r) =>
      `| ${r.workers} | ${values.jobs} | ${fmt(r.inserted)} | ${fmt(r.seconds, 1)} | ${fmt(r.inserted / r.seconds)} | ${r.perWorker.map((n) => fmt(n)).join(" / ")} | ${fmt(r.events)} | ${r.failed} | ${fmt(r.reclusterSeconds, 1)} | ${r.peakRss.map((m) => fmt(m)).join(" / ")} | ${fmt(r.enqueueSeconds, 1)} |`,
  ),
].join("\n");
console.log(body);
if (values.write) {
  writeNamedSection(join(ROOT, "docs/benchmarks.md"), "queue", body);
  console.error("docs/benchmarks.md: queue section updated");
}

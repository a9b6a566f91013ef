/**
 * Extraction throughput: Parley's full `analyzeArticle` against a generic JavaScript NLP pass (compromise) over the
 * same synthetic corpus.
 *
 *   pnpm bench:extract                       # one core, prints a markdown table
 *   pnpm bench:extract -- --workers 4        # also N worker threads ("on all cores")
 *   pnpm bench:extract -- --write            # also replaces the Extraction section of docs/benchmarks.md
 *
 * Options: --mb (corpus size, default 5), --seed (default 1), --compromise-mb (cap the compromise pass to the first
 * articles totalling this many MB; default: whole corpus), --force (write even if the extractor looks like a stub).
 * This is a measurement, not a test: nothing here asserts on timings.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import nlp from "compromise";
import { buildCorpus, type Corpus, type ParleyRun, runParley, sliceBytes, warmUpParley } from "./extract-lib";
import type { GeneratedArticle } from "./generate/index";

const DOCS = fileURLToPath(new URL("../docs/benchmarks.md", import.meta.url));
const START = "<!-- bench:extract:start -->";
const END = "<!-- bench:extract:end -->";

interface Row {
  pass: string;
  cores: number;
  articles: number;
  bytes: number;
  ms: number;
  sentences: number;
  events: number | null;
  entities: number | null;
}

function parseOptions() {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== "--"),
    options: {
      mb: { type: "string", default: "5" },
      seed: { type: "string", default: "1" },
      workers: { type: "string" },
      "compromise-mb": { type: "string" },
      write: { type: "boolean", default: false },
      force: { type: "boolean", default: false },
    },
  });
  const mb = Number(values.mb);
  const seed = Number(values.seed);
  const workers = values.workers === undefined ? 0 : Number(values.workers);
  const compromiseMb = values["compromise-mb"] === undefined ? null : Number(values["compromise-mb"]);
  if (!(mb >= 5)) throw new Error(`--mb must be at least 5, got ${values.mb}`);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got ${values.seed}`);
  if (!Number.isInteger(workers) || workers < 0) throw new Error(`--workers must be a positive integer`);
  if (compromiseMb !== null && !(compromiseMb > 0)) throw new Error(`--compromise-mb must be positive`);
  return { mb, seed, workers, compromiseMb, write: values.write, force: values.force };
}

const log = (msg: string) => process.stderr.write(`${msg}\n`);

function runCompromise(articles: readonly GeneratedArticle[]): { ms: number; entities: number } {
  const extract = (text: string) => {
    const doc = nlp(text);
    return (
      doc.people().out("array").length + doc.places().out("array").length + doc.organizations().out("array").length
    );
  };
  for (let i = 0; i < Math.min(20, articles.length); i++) extract(articles[i]!.text);
  let entities = 0;
  const t0 = performance.now();
  for (const a of articles) entities += extract(a.text);
  return { ms: performance.now() - t0, entities };
}

/** Splits the corpus into `n` contiguous slices of about equal bytes; returns [start, count] pairs. */
function slices(corpus: Corpus, n: number): [number, number][] {
  const out: [number, number][] = [];
  const per = corpus.bytes / n;
  let start = 0;
  let acc = 0;
  for (let i = 0; i < corpus.articles.length; i++) {
    acc += Buffer.byteLength(corpus.articles[i]!.text);
    if (acc >= per * (out.length + 1) && out.length < n - 1) {
      out.push([start, i + 1 - start]);
      start = i + 1;
    }
  }
  out.push([start, corpus.articles.length - start]);
  return out;
}

async function runWorkers(corpus: Corpus, n: number): Promise<{ wallMs: number; runs: ParleyRun[] }> {
  const bootstrap = new URL("./worker-bootstrap.mjs", import.meta.url);
  const entry = new URL("./extract-worker.ts", import.meta.url).href;
  const workers = slices(corpus, n).map(
    ([start, count]) => new Worker(bootstrap, { workerData: { entry, seed: corpus.seed, start, count } }),
  );
  const failed = new Promise<never>((_, reject) => {
    for (const w of workers) w.once("error", reject);
  });
  const next = (w: Worker) => new Promise<unknown>((resolve) => w.once("message", resolve));
  try {
    await Promise.race([Promise.all(workers.map(next)), failed]); // every worker has generated and warmed up
    const t0 = performance.now();
    const done = workers.map(next);
    for (const w of workers) w.postMessage("go");
    const runs = (await Promise.race([Promise.all(done), failed])) as ParleyRun[];
    return { wallMs: performance.now() - t0, runs };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

const num = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

function table(rows: Row[], baseline: Row): string {
  const head =
    "| Pass | Cores | Articles | MB | Time (s) | Articles/s | Sentences/s | MB/s | Events | Entities | × compromise |";
  const lines = [head, "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|"];
  const mbps = (r: Row) => r.bytes / 1e6 / (r.ms / 1000);
  for (const r of rows) {
    const s = r.ms / 1000;
    lines.push(
      `| ${r.pass} | ${r.cores} | ${num(r.articles)} | ${num(r.bytes / 1e6, 2)} | ${num(s, 2)} | ${num(r.articles / s)} | ${num(r.sentences / s)} | ${num(mbps(r), 2)} | ${r.events === null ? "—" : num(r.events)} | ${r.entities === null ? "—" : num(r.entities)} | ${r === baseline ? "1.0×" : `${num(mbps(r) / mbps(baseline), 1)}×`} |`,
    );
  }
  return lines.join("\n");
}

function machine(): string {
  const cpus = os.cpus();
  return `${cpus[0]?.model.trim() ?? "unknown CPU"}, ${cpus.length} cores, Node ${process.version}`;
}

function writeDocs(section: string, command: string): void {
  const block = `${START}\n${section.trim()}\n${END}`;
  let doc: string;
  if (!existsSync(DOCS)) {
    doc = [
      "# Benchmarks",
      "",
      `Machine: ${machine()}. Date: ${new Date().toISOString().slice(0, 10)}. Command: \`${command}\`.`,
      "",
      "Each section is written by its own benchmark between `<!-- bench:NAME:start -->` and `<!-- bench:NAME:end -->`",
      "markers, and records the machine, date and command that produced it.",
      "",
      block,
      "",
    ].join("\n");
  } else {
    const old = readFileSync(DOCS, "utf8");
    const i = old.indexOf(START);
    const j = old.indexOf(END);
    if (i >= 0 && j > i) doc = old.slice(0, i) + block + old.slice(j + END.length);
    else doc = `${old.trimEnd()}\n\n${block}\n`;
  }
  writeFileSync(DOCS, doc);
}

async function main(): Promise<void> {
  const opts = parseOptions();
  const command = `pnpm bench:extract -- --write${opts.workers ? ` --workers ${opts.workers}` : ""}${opts.mb !== 5 ? ` --mb ${opts.mb}` : ""}${opts.seed !== 1 ? ` --seed ${opts.seed}` : ""}${opts.compromiseMb ? ` --compromise-mb ${opts.compromiseMb}` : ""}`;

  log(`generating a corpus of at least ${opts.mb} MB (seed ${opts.seed}) ...`);
  const corpus = buildCorpus(opts.seed, opts.mb * 1e6);
  log(`${num(corpus.articles.length)} articles, ${num(corpus.bytes / 1e6, 2)} MB`);

  log("Parley, one core: warming up ...");
  warmUpParley(corpus.articles);
  log("Parley, one core: analysing ...");
  const parley = runParley(corpus.articles);
  const stub = parley.sentences === 0;
  const sentences = stub ? parley.splitSentences : parley.sentences;
  const notes: string[] = [];
  if (stub)
    notes.push(
      "`analyzeArticle` returned no sentences (the extractor looks like a stub), so sentences were counted with the simple splitter in `bench/generate`.",
    );

  let comp = corpus.articles;
  if (opts.compromiseMb !== null) {
    comp = buildCorpus(opts.seed, opts.compromiseMb * 1e6).articles.slice(0, corpus.articles.length);
    notes.push(
      `compromise ran over the first ${num(comp.length)} articles only (\`--compromise-mb ${opts.compromiseMb}\`).`,
    );
  }
  log(`compromise, one core: ${num(comp.length)} articles ...`);
  const c = runCompromise(comp);
  // Sentences per second for compromise use the same per-article sentence counts as Parley's, pro rata.
  const compSentences =
    comp.length === corpus.articles.length ? sentences : (sentences * sliceBytes(comp)) / corpus.bytes;

  const rows: Row[] = [
    {
      pass: "Parley `analyzeArticle`",
      cores: 1,
      articles: parley.articles,
      bytes: parley.bytes,
      ms: parley.ms,
      sentences,
      events: parley.events,
      entities: null,
    },
  ];
  const baseline: Row = {
    pass: "compromise people/places/organizations",
    cores: 1,
    articles: comp.length,
    bytes: sliceBytes(comp),
    ms: c.ms,
    sentences: compSentences,
    events: null,
    entities: c.entities,
  };
  rows.push(baseline);

  if (opts.workers > 0) {
    log(`Parley, ${opts.workers} worker threads: generating slices and warming up ...`);
    const w = await runWorkers(corpus, opts.workers);
    const sum = (f: (r: ParleyRun) => number) => w.runs.reduce((acc, r) => acc + f(r), 0);
    const wSentences = sum((r) => r.sentences) || sum((r) => r.splitSentences);
    rows.push({
      pass: `Parley \`analyzeArticle\`, ${opts.workers} worker threads (all cores)`,
      cores: opts.workers,
      articles: sum((r) => r.articles),
      bytes: sum((r) => r.bytes),
      ms: w.wallMs,
      sentences: wSentences,
      events: sum((r) => r.events),
      entities: null,
    });
    notes.push(
      `The worker row is aggregate throughput: the whole corpus split into ${opts.workers} slices of about equal size, timed from the start signal until the last worker finished (each worker warmed up first).`,
    );
  }

  const out = table(rows, baseline);
  const section = [
    "## Extraction",
    "",
    `Machine: ${machine()}. Date: ${new Date().toISOString().slice(0, 10)}. Command: \`${command}\`.`,
    "",
    `Corpus: ${num(corpus.articles.length)} synthetic articles, ${num(corpus.bytes / 1e6, 2)} MB of text (\`bench/generate\`, seed ${opts.seed}), held in memory. One-core rows run on the main thread after a warm-up; "× compromise" compares MB/s with the compromise row.`,
    "",
    out,
    "",
    ...notes.map((n) => `- ${n}`),
  ].join("\n");

  console.log(section);

  if (opts.write) {
    if (stub && !opts.force) {
      log("not writing docs/benchmarks.md: the extractor returned no sentences (stub). Use --force to write anyway.");
      process.exitCode = 1;
      return;
    }
    writeDocs(section, command);
    log(`updated ${DOCS}`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

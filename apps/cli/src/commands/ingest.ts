import { performance } from "node:perf_hooks";
import {
  articlesOf,
  type Corpus,
  countInputFiles,
  type EnqueueSummary,
  INPUT_FORMATS,
  type IngestItem,
  type IngestQueue,
  type IngestSummary,
  type ItemError,
  normalizeDate,
  openQueue,
  type Progress,
  readInputs,
} from "@parley/store";
import { Presets, SingleBar } from "cli-progress";
import { Command } from "commander";
import { z } from "zod";
import { commandOf } from "../command-kit";
import { type GlobalOptions, globalsOf, storeTarget, withStore } from "../context";
import { CliError, EXIT } from "../errors";

export const IngestOptionsSchema = z.object({
  meta: z.string().min(1).optional(),
  outlet: z.string().min(1).optional(),
  published: z
    .string()
    .refine((v) => normalizeDate(v) !== null, "not a date (use YYYY-MM-DD)")
    .transform((v) => normalizeDate(v)!)
    .optional(),
  url: z.url().optional(),
  jobs: z.coerce.number().int().min(0).max(64).optional(),
  /** Seconds one article's analysis may take on a worker thread (0: no limit). */
  timeout: z.coerce.number().min(0).optional(),
  stdinFormat: z.enum(INPUT_FORMATS).optional(),
  json: z.boolean().default(false),
  /** Enqueue for `parley worker` instead of analysing here (PostgreSQL only). */
  queue: z.boolean().default(false),
  attempts: z.coerce.number().int().min(1).max(20).optional(),
  retryDelay: z.coerce.number().int().min(0).max(86_400).optional(),
});
export type IngestOptions = z.input<typeof IngestOptionsSchema>;

export interface IngestProgress extends Progress {
  /** Files started so far and the number of files the inputs expand to. */
  files: number;
  totalFiles: number;
  errors: number;
  elapsedMs: number;
}

export interface IngestResult {
  summary: IngestSummary;
  /** Items that could not be read (file, line, message); they never reach the store. */
  readErrors: ItemError[];
  /** Read errors and store errors together, in the order they happened. */
  errors: ItemError[];
  files: number;
}

/**
 * The articles of the inputs as a stream (files are read one record at a time), with `--outlet`, `--published`
 * and `--url` applied; unreadable items go to `onError`.
 */
export async function* inputItems(
  inputs: string[],
  o: z.output<typeof IngestOptionsSchema>,
  stdin: AsyncIterable<Uint8Array | string> | undefined,
  on: { onFile: (file: string) => void; onError: (e: ItemError) => void },
): AsyncGenerator<IngestItem> {
  const overrides = {
    ...(o.outlet ? { outlet: o.outlet } : {}),
    ...(o.published ? { published: o.published } : {}),
    ...(o.url ? { url: o.url } : {}),
  };
  const results = readInputs(inputs, {
    ...(o.meta ? { meta: o.meta } : {}),
    ...(o.stdinFormat ? { format: o.stdinFormat } : {}),
    ...(stdin ? { stdin } : {}),
  });
  for await (const item of articlesOf(results, (e) => {
    if (e.file) on.onFile(e.file);
    on.onError(e);
  })) {
    if (item.file) on.onFile(item.file);
    yield { ...item, ...overrides };
  }
}

/** Reads the inputs and stores every readable article; bad items become errors and the rest goes on. */
export async function runIngest(
  corpus: Corpus,
  inputs: string[],
  raw: IngestOptions,
  hooks: { onProgress?: (p: IngestProgress) => void; stdin?: AsyncIterable<Uint8Array | string> } = {},
): Promise<IngestResult> {
  const o = IngestOptionsSchema.parse(raw);
  if (inputs.length === 0) throw new CliError("no inputs: give files, directories, globs or - for stdin", EXIT.usage);
  const totalFiles = await countInputFiles(inputs);
  const readErrors: ItemError[] = [];
  const files = new Set<string>();
  const t0 = performance.now();
  let last: Progress = { seen: 0, done: 0, inserted: 0, duplicates: 0, failed: 0, events: 0, file: null };
  const report = () =>
    hooks.onProgress?.({
      ...last,
      files: files.size,
      totalFiles,
      errors: last.failed + readErrors.length,
      elapsedMs: performance.now() - t0,
    });
  const items = inputItems(inputs, o, hooks.stdin, {
    onFile: (f) => files.add(f),
    onError: (e) => {
      readErrors.push(e);
      report();
    },
  });
  const summary = await corpus.ingest(items, {
    ...(o.jobs !== undefined ? { jobs: o.jobs } : {}),
    ...(o.timeout !== undefined ? { timeoutMs: o.timeout * 1000 } : {}),
    onProgress: (p) => {
      last = p;
      report();
    },
  });
  const errors = [...readErrors, ...summary.errors];
  return { summary, readErrors, errors, files: files.size };
}

export interface EnqueueResult {
  summary: EnqueueSummary;
  readErrors: ItemError[];
  errors: ItemError[];
  files: number;
}

/** `ingest --queue`: reads the inputs and adds one job per new article for `parley worker`. */
export async function runEnqueue(
  queue: IngestQueue,
  inputs: string[],
  raw: IngestOptions,
  hooks: { stdin?: AsyncIterable<Uint8Array | string>; onProgress?: (s: EnqueueSummary) => void } = {},
): Promise<EnqueueResult> {
  const o = IngestOptionsSchema.parse(raw);
  if (inputs.length === 0) throw new CliError("no inputs: give files, directories, globs or - for stdin", EXIT.usage);
  const readErrors: ItemError[] = [];
  const files = new Set<string>();
  const items = inputItems(inputs, o, hooks.stdin, {
    onFile: (f) => files.add(f),
    onError: (e) => readErrors.push(e),
  });
  const summary = await queue.enqueue(items, {
    ...(o.attempts !== undefined ? { attempts: o.attempts } : {}),
    ...(o.retryDelay !== undefined ? { retryDelaySeconds: o.retryDelay } : {}),
    ...(hooks.onProgress ? { onProgress: hooks.onProgress } : {}),
  });
  return { summary, readErrors, errors: [...readErrors, ...summary.errors], files: files.size };
}

export function enqueueSummaryLine(r: EnqueueResult): string {
  const s = r.summary;
  return (
    `queued ${s.enqueued} new article(s) from ${r.files} file(s): ${s.alreadyQueued} already queued, ` +
    `${s.alreadyStored} already stored, ${r.errors.length} error(s) in ${(s.ms / 1000).toFixed(1)} s; ` +
    "`parley worker` processes them"
  );
}

/** `--queue` needs PostgreSQL: the embedded store cannot be shared by workers. */
export function queueDatabaseUrl(g: Pick<GlobalOptions, "dataDir" | "databaseUrl">, what: string): string {
  const target = storeTarget(g);
  if (!target.databaseUrl) {
    throw new CliError(
      `${what} needs PostgreSQL, but the store is the embedded one (${target.dataDir ?? ".parley"}).`,
      EXIT.usage,
      "Set DATABASE_URL or pass --database-url postgres://…; every worker uses the same database.",
    );
  }
  return target.databaseUrl;
}

/** Opens the store (applying migrations) and the queue on it, runs `fn`, and closes both. */
export async function withQueue<T>(
  g: Pick<GlobalOptions, "dataDir" | "databaseUrl">,
  what: string,
  fn: (queue: IngestQueue, corpus: Corpus) => Promise<T>,
): Promise<T> {
  const databaseUrl = queueDatabaseUrl(g, what);
  return withStore({ databaseUrl }, async (corpus) => {
    const queue = await openQueue({ databaseUrl });
    try {
      return await fn(queue, corpus);
    } finally {
      await queue.close();
    }
  });
}

export function formatError(e: ItemError): string {
  return `${e.file ?? "<input>"}${e.line ? `:${e.line}` : ""}: ${e.message}`;
}

export function summaryLine(r: IngestResult): string {
  const s = r.summary;
  const secs = s.ms / 1000;
  const rate = secs > 0 ? (s.inserted + s.duplicates) / secs : 0;
  return (
    `ingested ${s.inserted} new article(s) from ${r.files} file(s): ${s.duplicates} already stored, ` +
    `${r.errors.length} error(s); ${s.events} events, ${s.claims} claims, ${s.clusters.clusters} clusters updated ` +
    `in ${secs.toFixed(1)} s (${rate.toFixed(1)} articles/s)`
  );
}

/** 0 all stored; 3 some items failed; 1 nothing could be stored. */
export function ingestExitCode(r: IngestResult): number {
  if (r.errors.length === 0) return EXIT.ok;
  return r.summary.inserted + r.summary.duplicates > 0 ? EXIT.partial : EXIT.failure;
}

function progressBar(): { update(p: IngestProgress): void; stop(): void } {
  const bar = new SingleBar(
    {
      format:
        "{bar} {files}/{totalFiles} files | {articles} articles | {events} events | {errors} errors | {rate}/s | ETA {etaText}",
      stream: process.stderr,
      hideCursor: true,
      barsize: 20,
      fps: 5,
      noTTYOutput: false,
    },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(p) {
      const secs = p.elapsedMs / 1000;
      const rate = secs > 0 ? p.done / secs : 0;
      const eta =
        p.files > 1 && p.totalFiles > p.files
          ? Math.round((secs / (p.files - 1)) * (p.totalFiles - p.files + 1))
          : null;
      const payload = {
        files: p.files,
        totalFiles: p.totalFiles || "?",
        articles: p.inserted + p.duplicates,
        events: p.events,
        errors: p.errors,
        rate: rate.toFixed(1),
        etaText: eta === null ? "?" : `${eta}s`,
      };
      if (!started) {
        bar.start(Math.max(p.totalFiles, 1), p.files, payload);
        started = true;
      } else bar.update(p.files, payload);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

export const ingestCommand = new Command("ingest")
  .description("Analyse articles and store them with their events, claims and clusters (idempotent)")
  .argument("<inputs...>", "files (.txt .html .json .jsonl .ndjson .csv), directories, globs, or - for stdin")
  .option("--meta <file>", "manifest (JSON array or CSV) of {file, outlet, published, url, title}")
  .option("--outlet <name>", "set the outlet of every article read")
  .option("--published <date>", "set the publication date of every article read")
  .option("--url <url>", "set the URL of every article read")
  .option(
    "--timeout <seconds>",
    "time limit per article on a worker thread (default $PARLEY_ANALYSIS_TIMEOUT or 30; 0: none)",
  )
  .option("--jobs <n>", "analysis worker threads (default: number of cores; 0: none)")
  .option("--stdin-format <format>", `format of - (default: sniffed): ${INPUT_FORMATS.join(" | ")}`)
  .option("--json", "print the summary as JSON on stdout")
  .option("--queue", "only enqueue the articles for `parley worker` processes (PostgreSQL)")
  .option("--attempts <n>", "with --queue: attempts per article before its job is parked as failed (default 3)")
  .option("--retry-delay <seconds>", "with --queue: wait before the first retry, doubling after (default 10)")
  .addHelpText(
    "after",
    "\nExamples:\n  parley ingest examples/articles --meta examples/manifest.json --jobs 2\n" +
      "  DATABASE_URL=postgres://host/db parley ingest --queue feeds/*.jsonl && parley worker --until-empty",
  )
  .action(async (inputs: string[], ...rest: unknown[]) => {
    const command = commandOf(rest);
    const g = globalsOf(command);
    const o = IngestOptionsSchema.parse(command.opts());
    if (o.queue) {
      const r = await withQueue(g, "ingest --queue", (queue) => runEnqueue(queue, inputs, o));
      if (!g.quiet) for (const e of r.errors) process.stderr.write(`parley: ${formatError(e)}\n`);
      if (o.json)
        process.stdout.write(`${JSON.stringify({ ...r.summary, files: r.files, errors: r.errors }, null, 2)}\n`);
      if (!g.quiet) process.stderr.write(`${enqueueSummaryLine(r)}\n`);
      const handled = r.summary.enqueued + r.summary.alreadyQueued + r.summary.alreadyStored;
      process.exitCode = r.errors.length === 0 ? EXIT.ok : handled > 0 ? EXIT.partial : EXIT.failure;
      return;
    }
    const showBar = !g.quiet && !!process.stderr.isTTY;
    const bar = showBar ? progressBar() : null;
    let result: IngestResult;
    try {
      result = await withStore(g, (corpus) => runIngest(corpus, inputs, o, { onProgress: (p) => bar?.update(p) }));
    } finally {
      bar?.stop();
    }
    if (!g.quiet) for (const e of result.errors) process.stderr.write(`parley: ${formatError(e)}\n`);
    if (o.json)
      process.stdout.write(
        `${JSON.stringify({ ...result.summary, files: result.files, errors: result.errors }, null, 2)}\n`,
      );
    if (!g.quiet) process.stderr.write(`${summaryLine(result)}\n`);
    if (g.verbose) {
      const c = result.summary.clusters;
      process.stderr.write(`re-clustered ${c.buckets} partition(s), ${c.events} events, in ${c.ms} ms\n`);
    }
    process.exitCode = ingestExitCode(result);
  });

import { randomUUID } from "node:crypto";
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { articleId as contentHash, EXTRACTOR_VERSION } from "@parley/core";
import { AnalysisSchema, type ArticleInput, ArticleInputSchema, type KnowledgeFileInput } from "@parley/schema";
import { and, asc, eq, gt, inArray, ne, sql } from "drizzle-orm";
import { DrizzleQueryError } from "drizzle-orm/errors";
import { z } from "zod";
import {
  type AnalyzeFn,
  type Analyzer,
  analysisTimeoutMs,
  defaultJobs,
  defaultWorkerUrl,
  inlineAnalyzer,
  WorkerPool,
} from "./analysis-pool";
import { type CorpusDigest, clearCorpus, corpusDigest, digestDifferences, TableDigestSchema } from "./backup";
import { type CheckReport, checkCorpus } from "./check";
import {
  bucketsOfArticles,
  bucketsOfEvents,
  CLUSTER_METHOD,
  EVENT_BUCKET,
  queryClusters,
  type ReclusterSummary,
  recluster,
  reclusterPending,
  type StoredCluster,
} from "./clusters";
import { type Db, type Driver, type DriverKind, openPglite, openPostgres, queryRows } from "./db/driver";
import { appliedMigrations, defaultMigrationsDir, loadMigrations, runMigrations } from "./db/migrate";
import { actors, articles, eventClusterMembers, eventClusters, events, reviews } from "./db/schema";
import { readEnv } from "./env";
import { StoreError } from "./errors";
import { type EventWithContext, exportJsonChunks, streamEvents } from "./export-stream";
import {
  type ActorFilter,
  ActorFilterSchema,
  type ArticleFilter,
  ArticleFilterSchema,
  type ClaimFilter,
  ClaimFilterSchema,
  type ClusterFilter,
  ClusterFilterSchema,
  type EventFilter,
  EventFilterSchema,
  FilterSchema,
  type ModelFilter,
  ModelFilterSchema,
  type ReviewFilter,
  ReviewFilterSchema,
  type ReviewInput,
  ReviewInputSchema,
  SqlTextSchema,
  type TimelineFilter,
  TimelineFilterSchema,
} from "./filters";
import type { OutletProfile, Timeline } from "./model";
import {
  type ClaimSeriesView,
  claimSeriesView,
  type IssueCount,
  issueCounts,
  type RolesView,
  rolesView,
  type StancesView,
  sourcesView,
  stancesView,
  timelineView,
} from "./model-queries";
import { type EventGroup, eventGroups } from "./queries/event-groups";
import {
  type ActorSummary,
  type ArticleWithAnalysis,
  type CorpusStats,
  loadArticle,
  queryActors,
  queryArticles,
  queryClaims,
  queryEvents,
  queryReviews,
  queryStats,
  rowToReview,
  type StoredArticle,
  type StoredEvent,
  type StoredReview,
  tableCounts,
} from "./read";
import {
  applyReviewTo,
  type SourceMeta,
  type WriteItem,
  type WriteResult,
  writeAnalyses,
  writeAnalysis,
} from "./write";

/** Articles inserted by one ingest above which the planner's statistics are refreshed at its end. */
const ANALYZE_AFTER = 500;

/** Events loaded per re-clustering step after an ingest (bounds memory; see `reclusterArticles`). */
const RECLUSTER_EVENT_BUDGET = 50_000;

/** Articles per write transaction during ingest and re-analysis (fewer round trips; see `writeBatch`). */
const WRITE_BATCH = 50;

export interface OpenCorpusOptions {
  /** Embedded database directory (default `$PARLEY_DATA_DIR` or `./.parley`). */
  dataDir?: string;
  /** PostgreSQL connection string (default `$DATABASE_URL` when no `dataDir` is given). */
  databaseUrl?: string;
  /** PostgreSQL schema to use (created if missing); default the server's search_path. */
  schema?: string;
  /** Apply pending migrations on open (default true). */
  autoMigrate?: boolean;
  /** Folder of `NNNN_name.sql` migrations (bundles pass their copy). */
  migrationsDir?: string;
  /** Analysis worker entry (bundles pass their built `analysis-worker.js`). */
  workerUrl?: URL;
}

/** An article to ingest: the extractor's input plus where it came from. */
export const IngestItemSchema = ArticleInputSchema.extend({
  file: z.string().nullish(),
  line: z.number().int().positive().nullish(),
});
export type IngestItem = z.input<typeof IngestItemSchema>;

export interface ItemError {
  file: string | null;
  line?: number;
  message: string;
}

export interface Progress {
  /** Items seen so far (the total is unknown while input streams). */
  seen: number;
  done: number;
  inserted: number;
  duplicates: number;
  failed: number;
  /** Events stored so far. */
  events: number;
  file: string | null;
}

export interface IngestOptions {
  /** Worker threads for analysis (default: number of cores); 0 analyses on the calling thread. */
  jobs?: number;
  onProgress?: (p: Progress) => void;
  knowledge?: KnowledgeFileInput[];
  /** Replace the extractor (tests, embedding); runs on the calling thread. */
  analyze?: AnalyzeFn;
  /** Worker entry for this call (default: the corpus's `workerUrl`). */
  workerUrl?: URL;
  /** A long-lived analyzer from `createAnalyzer` (queue workers); the caller closes it, `ingest` does not. */
  analyzer?: Analyzer;
  /** Called once per item with what became of it (queue workers complete or fail each job by it). */
  onItem?: (item: IngestItem, outcome: ItemOutcome) => void;
  /** Re-cluster the touched partitions at the end (default true); queue workers do it once for many batches. */
  recluster?: boolean;
  /**
   * Limit on one article's analysis on a worker thread, in ms (default `$PARLEY_ANALYSIS_TIMEOUT` seconds, else
   * 30 s; 0: none). Past it the article fails ("timed out after N s") and its worker is replaced.
   */
  timeoutMs?: number;
}

/** What became of one ingested item. */
export type ItemOutcome =
  | { status: "inserted"; articleId: string; events: number }
  | { status: "duplicate"; articleId: string | null }
  | { status: "failed"; message: string };

export interface IngestSummary {
  total: number;
  inserted: number;
  duplicates: number;
  failed: number;
  events: number;
  claims: number;
  errors: ItemError[];
  ms: number;
  /** The event partitions re-clustered after the batch. */
  clusters: ReclusterSummary;
}

export interface ReanalyzeOptions extends IngestOptions {
  /** Only these articles (default all). */
  articleIds?: string[];
  /** Only articles analysed by another extractor version than the current one. */
  outdated?: boolean;
}

export interface ReanalyzeSummary {
  total: number;
  reanalyzed: number;
  failed: number;
  events: number;
  errors: ItemError[];
  reviewsApplied: number;
  /** Reviews whose event the new analysis no longer produces (kept; they apply again if it returns). */
  orphanedReviews: number;
  ms: number;
  clusters: ReclusterSummary;
}

export interface CorpusStatus {
  driver: DriverKind;
  location: string;
  applied: { id: string; appliedAt: string }[];
  pending: string[];
  counts: Record<string, number>;
}

const ExportedArticleSchema = z.object({
  analysis: AnalysisSchema,
  file: z.string().nullable(),
  line: z.number().int().nullable(),
  ingestedAt: z.string(),
});
const ExportedReviewSchema = z.object({
  id: z.string().min(1),
  eventId: z.string(),
  articleId: z.string(),
  eventType: z.string(),
  evidenceStart: z.number().int(),
  evidenceEnd: z.number().int(),
  action: z.enum(["verify", "correct", "reject"]),
  changes: z.record(z.string(), z.unknown()),
  author: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export const CorpusExportSchema = z.object({
  format: z.literal("parley-corpus"),
  version: z.literal(1),
  exportedAt: z.string(),
  /** Analyses as extracted (corrections live in `reviews` and are re-applied on import). */
  articles: z.array(ExportedArticleSchema),
  reviews: z.array(ExportedReviewSchema),
  clusters: z.array(
    z.object({
      id: z.string(),
      label: z.string().nullable(),
      method: z.string(),
      createdAt: z.string(),
      members: z.array(z.object({ articleId: z.string(), eventId: z.string() })),
    }),
  ),
});
export type CorpusExport = z.infer<typeof CorpusExportSchema>;

/** `parley backup`: the whole corpus (`exportAll`) with per-table row counts and content digests to verify a restore. */
export const CorpusBackupSchema = z.object({
  format: z.literal("parley-backup"),
  version: z.literal(1),
  createdAt: z.string(),
  /** Per table: rows and SHA-256 of the rows (see `corpusDigest`); a restore must reproduce them exactly. */
  digest: z.record(z.string(), TableDigestSchema),
  corpus: CorpusExportSchema,
});
export type CorpusBackup = z.infer<typeof CorpusBackupSchema>;

export interface RestoreSummary extends ImportSummary {
  /** Every table's rows and digest equal the backup's. */
  verified: boolean;
  differences: ReturnType<typeof digestDifferences>;
  digest: CorpusDigest;
}

export interface ImportSummary {
  articles: number;
  duplicates: number;
  reviews: number;
  clusters: number;
}

export interface Corpus {
  readonly driver: DriverKind;
  readonly location: string;
  ingest(items: Iterable<IngestItem> | AsyncIterable<IngestItem>, opts?: IngestOptions): Promise<IngestSummary>;
  reanalyze(opts?: ReanalyzeOptions): Promise<ReanalyzeSummary>;
  events(filter?: EventFilter): Promise<StoredEvent[]>;
  articles(filter?: ArticleFilter): Promise<StoredArticle[]>;
  article(id: string): Promise<ArticleWithAnalysis | null>;
  actors(filter?: ActorFilter): Promise<ActorSummary[]>;
  claims(filter?: ClaimFilter): Promise<Awaited<ReturnType<typeof queryClaims>>>;
  /** Stored event clusters (reports of one real-world event across articles), with corroboration. */
  clusters(filter?: ClusterFilter): Promise<StoredCluster[]>;
  /** Negotiation tracks and each actor's role on them (party, mediator, facilitator, observer). */
  /** Every event the filter selects grouped by type and actor links, with counts (networks; no limit applies). */
  eventGroups(filter?: EventFilter): Promise<EventGroup[]>;
  roles(filter?: ModelFilter): Promise<RolesView>;
  /** Stance histories per actor × issue, the actor × issue matrix of latest stances, and sticking points. */
  stances(filter?: ModelFilter): Promise<StancesView>;
  /** Event counts per day, week or month, by status, type, actor and issue. */
  timeline(filter?: TimelineFilter): Promise<Timeline>;
  /** Figures by kind and subject over time, with the figures outlets disagree on. */
  claimSeries(filter?: ClaimFilter & { rollUp?: boolean }): Promise<ClaimSeriesView>;
  /** One profile per outlet: coverage, event types, framing terms, actors quoted and covered. */
  sources(filter?: ModelFilter): Promise<OutletProfile[]>;
  /** Events, articles and outlets per issue. */
  issues(filter?: ModelFilter): Promise<IssueCount[]>;
  /**
   * Re-clusters the whole corpus (after an interrupted ingest or a clustering change), or only the partitions
   * the given articles' events are in, in steps of about `eventBudget` events (default 50,000; bounds memory).
   */
  recluster(articleIds?: readonly string[], opts?: { eventBudget?: number }): Promise<ReclusterSummary>;
  /** Analysis worker threads to share between `ingest` calls (`ingest(items, { analyzer })`); close it after. */
  createAnalyzer(opts?: { jobs?: number; knowledge?: KnowledgeFileInput[] }): Analyzer;
  review(eventId: string, input: ReviewInput & { articleId?: string }): Promise<StoredReview>;
  reviews(filter?: ReviewFilter): Promise<StoredReview[]>;
  exportAll(): Promise<CorpusExport>;
  /** `exportAll()` as JSON text in chunks, a page of articles at a time (bounded memory for any corpus size). */
  exportChunks(): AsyncGenerator<string>;
  /**
   * Every event the filter selects (its `limit`/`offset` ignored; `max` caps the total) in pages, in the order of
   * `events()`, each with its cluster and reviews: for exports of any size.
   */
  streamEvents(filter?: EventFilter, opts?: { pageSize?: number; max?: number }): AsyncGenerator<EventWithContext[]>;
  importAll(data: unknown): Promise<ImportSummary>;
  /** Per-table row counts and content digests (equal corpora give equal digests on either driver). */
  digest(): Promise<CorpusDigest>;
  /** The whole corpus with its digest; throws if another process changed the corpus meanwhile. */
  backup(): Promise<CorpusBackup>;
  /**
   * Restores a backup into this store, which must be empty unless `force` (then its contents are deleted first),
   * and verifies the result against the backup's digest.
   */
  restore(data: unknown, opts?: { force?: boolean }): Promise<RestoreSummary>;
  stats(): Promise<CorpusStats>;
  /** Integrity check (read-only): references, evidence spans against the text, counts, clusters, review states. */
  check(): Promise<CheckReport>;
  migrate(): Promise<string[]>;
  status(): Promise<CorpusStatus>;
  close(): Promise<void>;
}

function parseOr<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const r = schema.safeParse(value ?? {});
  if (!r.success) {
    throw new StoreError("INVALID", `Invalid ${what}: ${z.prettifyError(r.error)}`, { issues: r.error.issues });
  }
  return r.data;
}

/** The database's own message: drizzle wraps it in "Failed query: <SQL> params: <the whole article>". */
const errMessage = (err: unknown): string => {
  if (!(err instanceof Error)) return String(err);
  if (err.message.startsWith("Failed query:") && err.cause instanceof Error) return err.cause.message;
  return err.message;
};

/**
 * Why a write failed, for the ingest summary (which reaches the CLI and dashboard users): the database's own
 * message, not drizzle's wrapper, whose text holds the whole statement and its parameters (the article's text).
 */
export function writeErrorMessage(err: unknown): string {
  if (err instanceof DrizzleQueryError) return `database error: ${err.cause ? errMessage(err.cause) : "query failed"}`;
  return errMessage(err);
}

const ARTICLE_TEXT_FIELDS = ["text", "title", "outlet", "url", "language"] as const;

/** Opens the corpus: PostgreSQL when a database URL is given, else the embedded PGlite directory. */
export async function openCorpus(options: OpenCorpusOptions = {}): Promise<Corpus> {
  const env = readEnv();
  if (options.dataDir && options.databaseUrl) {
    throw new StoreError("CONFIG", "Give either dataDir or databaseUrl, not both.");
  }
  const databaseUrl = options.databaseUrl ?? (options.dataDir ? undefined : env.databaseUrl);
  const driver: Driver = databaseUrl
    ? await openPostgres(databaseUrl, options.schema)
    : await openPglite(resolve(options.dataDir ?? env.dataDir ?? ".parley"));
  const migrationsDir = options.migrationsDir ?? defaultMigrationsDir();
  try {
    if (options.autoMigrate !== false) await runMigrations(driver.db, migrationsDir);
  } catch (err) {
    await driver.close();
    throw err;
  }
  return new CorpusImpl(driver, migrationsDir, options.workerUrl ?? defaultWorkerUrl());
}

class CorpusImpl implements Corpus {
  private readonly db: Db;
  private closed = false;

  constructor(
    private readonly drv: Driver,
    private readonly migrationsDir: string,
    private readonly workerUrl: URL,
  ) {
    this.db = drv.db;
  }

  get driver() {
    return this.drv.kind;
  }
  get location() {
    return this.drv.location;
  }

  createAnalyzer(opts: { jobs?: number; knowledge?: KnowledgeFileInput[] } = {}): Analyzer {
    return this.analyzer(opts);
  }

  private analyzer(opts: IngestOptions): Analyzer {
    if (opts.analyzer) return { run: (input) => opts.analyzer!.run(input), close: async () => {} };
    if (opts.analyze) return inlineAnalyzer(opts.analyze, opts.knowledge);
    const jobs = opts.jobs ?? defaultJobs();
    if (jobs <= 0) return inlineAnalyzer(undefined, opts.knowledge);
    return new WorkerPool(jobs, opts.workerUrl ?? this.workerUrl, opts.knowledge, analysisTimeoutMs(opts.timeoutMs));
  }

  /**
   * Runs analyses on the analyzer while this thread writes finished ones in batches (whatever is ready, at
   * most `WRITE_BATCH` articles per transaction). `writeBatch` never throws; failures become error values.
   */
  private async pipeline<T>(
    source: Iterable<T> | AsyncIterable<T>,
    analyzer: Analyzer,
    prepare: (item: T) => Promise<{ input: ArticleInput; meta: SourceMeta; skip?: "duplicate" } | { error: ItemError }>,
    writeBatch: (batch: WriteItem[]) => Promise<void>,
    onError: (e: ItemError, meta?: SourceMeta) => void,
    onSkip: () => void,
    jobs: number,
  ): Promise<void> {
    const inflight = new Set<Promise<void>>();
    const ready: WriteItem[] = [];
    let writing: Promise<void> | null = null;
    const drain = async () => {
      while (ready.length > 0) await writeBatch(ready.splice(0, WRITE_BATCH));
    };
    const kick = (): Promise<void> => {
      if (!writing) {
        writing = drain().finally(() => {
          writing = null;
        });
      }
      return writing;
    };
    const window = Math.max(WRITE_BATCH, jobs * 8);
    try {
      for await (const item of source) {
        const prepared = await prepare(item);
        if ("error" in prepared) {
          onError(prepared.error);
          continue;
        }
        if (prepared.skip) {
          onSkip();
          continue;
        }
        const { input, meta } = prepared;
        const p = analyzer.run(input).then(
          (analysis) => {
            ready.push({ analysis, meta });
            void kick();
          },
          (err) =>
            onError(
              {
                file: meta.file ?? null,
                ...(meta.line ? { line: meta.line } : {}),
                message: `analysis failed: ${errMessage(err)}`,
              },
              meta,
            ),
        );
        inflight.add(p);
        void p.finally(() => inflight.delete(p));
        if (inflight.size >= window) await Promise.race(inflight);
        // Writes are the slower side: do not let finished analyses pile up.
        while (ready.length >= 2 * WRITE_BATCH) await kick();
      }
      await Promise.all(inflight);
      while (ready.length > 0 || writing) await kick();
    } finally {
      await analyzer.close();
    }
  }

  /** Writes a batch in one transaction; if that fails, each article alone, so one bad article fails alone. */
  private async writeBatch(
    batch: WriteItem[],
    mode: "insert" | "replace",
    onResult: (item: WriteItem, r: { ok: true; result: WriteResult } | { ok: false; message: string }) => void,
  ): Promise<void> {
    if (batch.length > 1) {
      try {
        const results = await this.db.transaction((tx) => writeAnalyses(tx, batch, mode));
        batch.forEach((it, i) => {
          onResult(it, { ok: true, result: results[i]! });
        });
        return;
      } catch {
        // fall through: one transaction per article
      }
    }
    for (const it of batch) {
      try {
        const result = await this.db.transaction((tx) => writeAnalysis(tx, it.analysis, it.meta, mode));
        onResult(it, { ok: true, result });
      } catch (err) {
        onResult(it, { ok: false, message: writeErrorMessage(err) });
      }
    }
  }

  async ingest(
    items: Iterable<IngestItem> | AsyncIterable<IngestItem>,
    opts: IngestOptions = {},
  ): Promise<IngestSummary> {
    const t0 = performance.now();
    const s: IngestSummary = {
      total: 0,
      inserted: 0,
      duplicates: 0,
      failed: 0,
      events: 0,
      claims: 0,
      errors: [],
      ms: 0,
      clusters: { buckets: 0, events: 0, clusters: 0, ms: 0 },
    };
    const seen = new Set<string>();
    const insertedIds: string[] = [];
    // Only kept when the caller wants per-item outcomes: the item behind each in-flight article.
    const itemOf = new Map<SourceMeta, IngestItem>();
    const settle = (meta: SourceMeta | undefined, outcome: ItemOutcome) => {
      if (!opts.onItem || !meta) return;
      const item = itemOf.get(meta);
      itemOf.delete(meta);
      if (item) opts.onItem(item, outcome);
    };
    let done = 0;
    let current: string | null = null;
    const progress = () =>
      opts.onProgress?.({
        seen: s.total,
        done,
        inserted: s.inserted,
        duplicates: s.duplicates,
        failed: s.failed,
        events: s.events,
        file: current,
      });
    const onError = (e: ItemError, meta?: SourceMeta) => {
      s.failed++;
      s.errors.push(e);
      done++;
      settle(meta, { status: "failed", message: e.message });
      progress();
    };
    await this.pipeline(
      items,
      this.analyzer(opts),
      async (raw) => {
        s.total++;
        const r = IngestItemSchema.safeParse(raw);
        const file = (raw as { file?: string | null })?.file ?? null;
        current = file;
        const invalid = (error: ItemError) => {
          opts.onItem?.(raw, { status: "failed", message: error.message });
          return { error };
        };
        if (!r.success) return invalid({ file, message: z.prettifyError(r.error) });
        const { file: _f, line, ...input } = r.data;
        const base = { file, ...(line ? { line } : {}) };
        if (input.text.trim().length === 0) return invalid({ ...base, message: "empty article text" });
        // PostgreSQL text cannot hold NUL; a JSON or CSV record can carry one as an escape (`\u0000`).
        const withNul = ARTICLE_TEXT_FIELDS.find((k) => input[k]?.includes("\u0000"));
        if (withNul) return invalid({ ...base, message: `${withNul} contains a NUL character (\\u0000)` });
        const id = contentHash(input.text);
        const meta: SourceMeta = { file, line: line ?? null };
        const duplicate = () => {
          opts.onItem?.(raw, { status: "duplicate", articleId: id });
          return { input, meta, skip: "duplicate" as const };
        };
        if (seen.has(id)) return duplicate();
        seen.add(id);
        const exists = await this.db.select({ id: articles.id }).from(articles).where(eq(articles.id, id));
        if (exists.length > 0) return duplicate();
        if (opts.onItem) itemOf.set(meta, raw);
        return { input, meta };
      },
      (batch) =>
        this.writeBatch(batch, "insert", ({ analysis, meta }, r) => {
          if (!r.ok) {
            s.failed++;
            const message = `not stored: ${r.message}`;
            s.errors.push({ file: meta.file ?? null, ...(meta.line ? { line: meta.line } : {}), message });
            settle(meta, { status: "failed", message });
          } else if (r.result.outcome === "duplicate") {
            s.duplicates++;
            settle(meta, { status: "duplicate", articleId: analysis.article.id });
          } else {
            s.inserted++;
            insertedIds.push(analysis.article.id);
            s.events += analysis.events.length;
            s.claims += analysis.claims.length;
            settle(meta, { status: "inserted", articleId: analysis.article.id, events: analysis.events.length });
          }
          done++;
          progress();
        }),
      onError,
      () => {
        s.duplicates++;
        done++;
        progress();
      },
      opts.analyze ? 1 : (opts.jobs ?? defaultJobs()),
    );
    // The partitions this batch touched, and any an interrupted run left out of date, in bounded steps.
    if (opts.recluster !== false) s.clusters = await reclusterPending(this.db, "pending", RECLUSTER_EVENT_BUDGET);
    if (insertedIds.length >= ANALYZE_AFTER) await this.refreshStatistics();
    s.ms = Math.round(performance.now() - t0);
    return s;
  }

  /**
   * Refreshes the planner's statistics after a large ingest: autovacuum would, but later, and until then the
   * views' plans are chosen for a near-empty corpus (nested loops over what are now hundreds of thousands of rows).
   */
  private async refreshStatistics(): Promise<void> {
    await this.db.execute(
      sql`ANALYZE articles, events, event_actors, event_issues, claims, mentions, event_clusters, event_cluster_members, timeline_counts, stance_records`,
    );
  }

  /**
   * Re-clusters the partitions the given articles' events are (or were) in. `recluster` loads every event of the
   * partitions it is given, so they go in groups of about `RECLUSTER_EVENT_BUDGET` events (each group closed on
   * its own, which gives the same clusters): memory follows the largest partition, not the whole ingest.
   */
  private async reclusterArticles(ids: readonly string[], budget = RECLUSTER_EVENT_BUDGET): Promise<ReclusterSummary> {
    const buckets = new Set<string>();
    for (let i = 0; i < ids.length; i += 5000) {
      for (const b of await bucketsOfArticles(this.db, ids.slice(i, i + 5000))) buckets.add(b);
    }
    if (buckets.size === 0) return recluster(this.db, []);
    const sizes = new Map<string, number>();
    const rows = await queryRows<{ b: string; n: number }>(
      this.db,
      sql`SELECT ${EVENT_BUCKET} AS b, count(*)::int AS n FROM ${events} JOIN ${articles} ON ${articles.id} = ${events.articleId}
        WHERE ${EVENT_BUCKET} = ANY(${sql.param([...buckets])}::text[]) GROUP BY 1`,
    );
    for (const r of rows) sizes.set(r.b, r.n);
    const groups: string[][] = [];
    let group: string[] = [];
    let size = 0;
    // Sorted, a type's years sit together (a group often holds the neighbours its closure would add).
    for (const b of [...buckets].sort()) {
      const n = sizes.get(b) ?? 0;
      if (group.length > 0 && size + n > budget) {
        groups.push(group);
        group = [];
        size = 0;
      }
      group.push(b);
      size += n;
    }
    if (group.length > 0) groups.push(group);
    const total: ReclusterSummary = { buckets: 0, events: 0, clusters: 0, ms: 0 };
    for (const g of groups) {
      const r = await recluster(this.db, g);
      total.buckets += r.buckets;
      total.events += r.events;
      total.clusters += r.clusters;
      total.ms += r.ms;
    }
    return total;
  }

  private async *storedArticles(opts: ReanalyzeOptions): AsyncGenerator<typeof articles.$inferSelect> {
    let after = "";
    for (;;) {
      const conds = [gt(articles.id, after)];
      if (opts.articleIds) conds.push(inArray(articles.id, opts.articleIds.length ? opts.articleIds : [""]));
      if (opts.outdated) conds.push(ne(articles.extractorVersion, EXTRACTOR_VERSION));
      const page = await this.db
        .select()
        .from(articles)
        .where(and(...conds))
        .orderBy(asc(articles.id))
        .limit(200);
      for (const a of page) yield a;
      if (page.length < 200) return;
      after = page[page.length - 1]!.id;
    }
  }

  async reanalyze(opts: ReanalyzeOptions = {}): Promise<ReanalyzeSummary> {
    const t0 = performance.now();
    const s: ReanalyzeSummary = {
      total: 0,
      reanalyzed: 0,
      failed: 0,
      events: 0,
      errors: [],
      reviewsApplied: 0,
      orphanedReviews: 0,
      ms: 0,
      clusters: { buckets: 0, events: 0, clusters: 0, ms: 0 },
    };
    const touched: string[] = [];
    let done = 0;
    const progress = (file: string | null) =>
      opts.onProgress?.({
        seen: s.total,
        done,
        inserted: s.reanalyzed,
        duplicates: 0,
        failed: s.failed,
        events: s.events,
        file,
      });
    const ids = new Map<SourceMeta, string>();
    await this.pipeline(
      this.storedArticles(opts),
      this.analyzer(opts),
      async (a) => {
        s.total++;
        const meta: SourceMeta = { file: a.sourceFile, line: a.sourceLine };
        ids.set(meta, a.id);
        const input: ArticleInput = {
          text: a.text,
          title: a.title,
          outlet: a.outlet,
          published: a.published,
          url: a.url,
          language: a.language,
        };
        return { input, meta };
      },
      (batch) => {
        // The stored id stays the article's identity even if the hash function changes.
        const fixed: WriteItem[] = batch.map(({ analysis, meta }) => {
          const id = ids.get(meta)!;
          ids.delete(meta);
          return {
            meta,
            analysis: {
              ...analysis,
              article: { ...analysis.article, id },
              events: analysis.events.map((e) => ({ ...e, articleId: id })),
              claims: analysis.claims.map((c) => ({ ...c, articleId: id })),
            },
          };
        });
        return this.writeBatch(fixed, "replace", ({ analysis, meta }, r) => {
          if (r.ok) {
            s.reanalyzed++;
            touched.push(analysis.article.id);
            s.events += analysis.events.length;
            s.reviewsApplied += r.result.reviewsApplied;
          } else {
            s.failed++;
            s.errors.push({ file: meta.file ?? analysis.article.id, message: `not stored: ${r.message}` });
          }
          done++;
          progress(meta.file ?? null);
        });
      },
      (e) => {
        s.failed++;
        s.errors.push(e);
        done++;
        progress(e.file);
      },
      () => {},
      opts.analyze ? 1 : (opts.jobs ?? defaultJobs()),
    );
    const orphans = await queryRows<{ n: number }>(
      this.db,
      sql`SELECT count(*)::int AS n FROM ${reviews} r WHERE NOT EXISTS (SELECT 1 FROM ${events} e
        WHERE e.article_id = r.article_id AND e.key_type = r.event_type
        AND e.evidence_start = r.evidence_start AND e.evidence_end = r.evidence_end)`,
    );
    s.orphanedReviews = orphans[0]?.n ?? 0;
    // Writes recorded the partitions they changed (old and new events) as out of date.
    s.clusters = await reclusterPending(this.db, !opts.articleIds && touched.length > 0 ? "all" : "pending");
    s.ms = Math.round(performance.now() - t0);
    return s;
  }

  async events(filter?: EventFilter) {
    return queryEvents(this.db, parseOr(EventFilterSchema, filter, "event filter"));
  }
  async articles(filter?: ArticleFilter) {
    return queryArticles(this.db, parseOr(ArticleFilterSchema, filter, "article filter"));
  }
  async article(id: string) {
    return loadArticle(this.db, parseOr(SqlTextSchema, id, "article id"));
  }
  async actors(filter?: ActorFilter) {
    return queryActors(this.db, parseOr(ActorFilterSchema, filter, "actor filter"));
  }
  async claims(filter?: ClaimFilter) {
    return queryClaims(this.db, parseOr(ClaimFilterSchema, filter, "claim filter"));
  }
  async clusters(filter?: ClusterFilter) {
    return queryClusters(this.db, parseOr(ClusterFilterSchema, filter, "cluster filter"));
  }
  async eventGroups(filter?: EventFilter) {
    return eventGroups(this.db, parseOr(EventFilterSchema, filter, "event filter"));
  }
  async roles(filter?: ModelFilter) {
    return rolesView(this.db, parseOr(ModelFilterSchema, filter, "filter"));
  }
  async stances(filter?: ModelFilter) {
    return stancesView(this.db, parseOr(ModelFilterSchema, filter, "filter"));
  }
  async timeline(filter?: TimelineFilter) {
    return timelineView(this.db, parseOr(TimelineFilterSchema, filter, "timeline filter"));
  }
  async claimSeries(filter?: ClaimFilter & { rollUp?: boolean }) {
    return claimSeriesView(
      this.db,
      parseOr(ClaimFilterSchema.extend(ModelFilterSchema.pick({ rollUp: true }).shape), filter, "claim filter"),
    );
  }
  async sources(filter?: ModelFilter) {
    return sourcesView(this.db, parseOr(ModelFilterSchema, filter, "filter"));
  }
  async issues(filter?: ModelFilter) {
    return issueCounts(this.db, parseOr(FilterSchema, filter, "filter"));
  }
  async recluster(articleIds?: readonly string[], opts: { eventBudget?: number } = {}) {
    return articleIds ? this.reclusterArticles(articleIds, opts.eventBudget) : reclusterPending(this.db, "all");
  }
  async reviews(filter?: ReviewFilter) {
    return queryReviews(this.db, parseOr(ReviewFilterSchema, filter, "review filter"));
  }

  async review(eventId: string, input: ReviewInput & { articleId?: string }): Promise<StoredReview> {
    const { articleId, ...rest } = input;
    if (articleId !== undefined) parseOr(SqlTextSchema, articleId, "article id");
    parseOr(SqlTextSchema, eventId, "event id");
    const r = parseOr(ReviewInputSchema, rest, "review");
    const conds = [eq(events.id, eventId)];
    if (articleId) conds.push(eq(events.articleId, articleId));
    const matches = await this.db
      .select({
        articleId: events.articleId,
        keyType: events.keyType,
        evidenceStart: events.evidenceStart,
        evidenceEnd: events.evidenceEnd,
      })
      .from(events)
      .where(and(...conds));
    const ev = matches[0];
    if (!ev) throw new StoreError("NOT_FOUND", `No event ${eventId}${articleId ? ` in article ${articleId}` : ""}.`);
    if (matches.length > 1) {
      throw new StoreError("INVALID", `Event id ${eventId} is ambiguous; pass articleId.`, {
        articles: matches.map((m) => m.articleId),
      });
    }
    const refs = [...(r.changes.source ?? []), ...(r.changes.target ?? []), ...(r.changes.mediators ?? [])];
    if (refs.length > 0) {
      const known = await this.db.select({ id: actors.id }).from(actors).where(inArray(actors.id, refs));
      const missing = refs.filter((id) => !known.some((k) => k.id === id));
      if (missing.length > 0) throw new StoreError("INVALID", `Unknown actor ids: ${missing.join(", ")}.`);
    }
    const row = {
      id: randomUUID(),
      eventId,
      articleId: ev.articleId,
      eventType: ev.keyType,
      evidenceStart: ev.evidenceStart,
      evidenceEnd: ev.evidenceEnd,
      action: r.action,
      changes: r.changes as Record<string, unknown>,
      author: r.author,
      note: r.note ?? null,
    };
    const key = [{ articleId: ev.articleId, id: eventId }];
    const before = await bucketsOfEvents(this.db, key);
    // One transaction: a crash leaves the review with its effect and its clusters, or nothing.
    const stored = await this.db.transaction(async (tx) => {
      const [ins] = await tx.insert(reviews).values(row).returning();
      await applyReviewTo(tx, ev.articleId, eventId, r.action, r.changes);
      const after = await bucketsOfEvents(tx, key);
      await recluster(tx, [...new Set([...before, ...after])]);
      return ins!;
    });
    return rowToReview(stored);
  }

  exportChunks(): AsyncGenerator<string> {
    return exportJsonChunks(this.db);
  }

  streamEvents(filter?: EventFilter, opts?: { pageSize?: number; max?: number }): AsyncGenerator<EventWithContext[]> {
    return streamEvents(this.db, parseOr(EventFilterSchema, filter, "event filter"), opts);
  }

  async exportAll(): Promise<CorpusExport> {
    const out: CorpusExport = {
      format: "parley-corpus",
      version: 1,
      exportedAt: new Date().toISOString(),
      articles: [],
      reviews: [],
      clusters: [],
    };
    const ids = await this.db.select({ id: articles.id }).from(articles).orderBy(asc(articles.id));
    for (const { id } of ids) {
      const a = await loadArticle(this.db, id, { machine: true });
      if (a) out.articles.push({ analysis: a.analysis, file: a.file, line: a.line, ingestedAt: a.ingestedAt });
    }
    const rs = await this.db.select().from(reviews).orderBy(asc(reviews.createdAt), asc(reviews.id));
    out.reviews = rs.map(rowToReview);
    const cs = await this.db.select().from(eventClusters).orderBy(asc(eventClusters.id));
    const members = await this.db.select().from(eventClusterMembers);
    out.clusters = cs.map((c) => ({
      id: c.id,
      label: c.label,
      method: c.method,
      createdAt: new Date(c.createdAt).toISOString(),
      members: members
        .filter((m) => m.clusterId === c.id)
        .map((m) => ({ articleId: m.articleId, eventId: m.eventId }))
        .sort((x, y) => (x.articleId + x.eventId < y.articleId + y.eventId ? -1 : 1)),
    }));
    return out;
  }

  async importAll(data: unknown): Promise<ImportSummary> {
    const d = parseOr(CorpusExportSchema, data, "corpus export");
    const s: ImportSummary = { articles: 0, duplicates: 0, reviews: 0, clusters: 0 };
    for (let i = 0; i < d.reviews.length; i += 500) {
      const chunk = d.reviews.slice(i, i + 500);
      const ins = await this.db
        .insert(reviews)
        .values(chunk.map((r) => ({ ...r })))
        .onConflictDoNothing()
        .returning({ id: reviews.id });
      s.reviews += ins.length;
    }
    const imported: string[] = [];
    for (const a of d.articles) {
      const r = await this.db.transaction((tx) =>
        writeAnalysis(tx, a.analysis, { file: a.file, line: a.line, ingestedAt: a.ingestedAt }),
      );
      if (r.outcome === "duplicate") s.duplicates++;
      else {
        s.articles++;
        imported.push(a.analysis.article.id);
      }
    }
    // Automatic clusters are recomputed from the imported events (same ids: they hash their members);
    // they keep the exported label and creation time. Clusters made another way are imported as they are.
    await reclusterPending(this.db);
    for (const c of d.clusters.filter((x) => x.method === CLUSTER_METHOD)) {
      const upd = await this.db
        .update(eventClusters)
        .set({ createdAt: c.createdAt, ...(c.label !== null ? { label: c.label } : {}) })
        .where(eq(eventClusters.id, c.id))
        .returning({ id: eventClusters.id });
      s.clusters += upd.length;
    }
    for (const c of d.clusters.filter((x) => x.method !== CLUSTER_METHOD)) {
      await this.db.transaction(async (tx) => {
        const ins = await tx
          .insert(eventClusters)
          .values({ id: c.id, label: c.label, method: c.method, createdAt: c.createdAt })
          .onConflictDoNothing()
          .returning({ id: eventClusters.id });
        if (ins.length === 0) return;
        s.clusters++;
        if (c.members.length === 0) return;
        const present = await tx
          .select({ articleId: events.articleId, id: events.id })
          .from(events)
          .where(inArray(events.articleId, [...new Set(c.members.map((m) => m.articleId))]));
        const keep = c.members.filter((m) => present.some((p) => p.articleId === m.articleId && p.id === m.eventId));
        if (keep.length) await tx.insert(eventClusterMembers).values(keep.map((m) => ({ clusterId: c.id, ...m })));
      });
    }
    return s;
  }

  async stats() {
    return queryStats(this.db);
  }

  async digest() {
    return corpusDigest(this.db);
  }

  async backup(): Promise<CorpusBackup> {
    const before = await corpusDigest(this.db);
    const corpus = await this.exportAll();
    const after = await corpusDigest(this.db);
    if (digestDifferences(before, after).length > 0) {
      throw new StoreError("INVALID", "The corpus changed during the backup (another process is writing); try again.");
    }
    return { format: "parley-backup", version: 1, createdAt: new Date().toISOString(), digest: after, corpus };
  }

  async restore(data: unknown, opts: { force?: boolean } = {}): Promise<RestoreSummary> {
    const d = parseOr(CorpusBackupSchema, data, "backup");
    for (const [table, n] of [
      ["articles", d.corpus.articles.length],
      ["reviews", d.corpus.reviews.length],
      ["event_clusters", d.corpus.clusters.length],
    ] as const) {
      if (d.digest[table]?.rows !== n) {
        throw new StoreError(
          "INVALID",
          `The backup is inconsistent: it holds ${n} ${table} but its digest counts ${d.digest[table]?.rows ?? "none"}.`,
        );
      }
    }
    const present = Object.entries(await corpusDigest(this.db)).filter(([, t]) => t.rows > 0);
    if (present.length > 0) {
      if (!opts.force) {
        throw new StoreError(
          "INVALID",
          `The target store is not empty (${present.map(([t, x]) => `${x.rows} ${t}`).join(", ")}): restore into an ` +
            "empty store, or force it to delete the target's contents first.",
          { counts: Object.fromEntries(present.map(([t, x]) => [t, x.rows])) },
        );
      }
      await clearCorpus(this.db);
    }
    const imported = await this.importAll(d.corpus);
    const digest = await corpusDigest(this.db);
    const differences = digestDifferences(d.digest, digest);
    return { ...imported, verified: differences.length === 0, differences, digest };
  }

  async check() {
    return checkCorpus(this.db);
  }

  async migrate() {
    return runMigrations(this.db, this.migrationsDir);
  }

  async status(): Promise<CorpusStatus> {
    const applied = await appliedMigrations(this.db);
    const pending = loadMigrations(this.migrationsDir)
      .map((m) => m.id)
      .filter((id) => !applied.some((a) => a.id === id));
    const counts = applied.length > 0 ? await tableCounts(this.db) : {};
    return { driver: this.drv.kind, location: this.drv.location, applied, pending, counts };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.drv.close();
  }
}

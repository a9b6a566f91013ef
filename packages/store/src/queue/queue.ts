/**
 * The ingest queue: articles waiting to be analysed and stored, in PostgreSQL through pg-boss (its own schema,
 * next to the corpus tables). One job per article, keyed by the article's content hash, so enqueueing the same
 * article twice adds nothing; workers on any number of machines take jobs in batches (`FOR UPDATE SKIP LOCKED`).
 */
import { articleId as contentHash } from "@parley/core";
import pg from "pg";
import PgBoss from "pg-boss";
import { z } from "zod";
import { type IngestItem, IngestItemSchema, type ItemError } from "../corpus";
import { redactUrl } from "../db/driver";
import { readEnv } from "../env";
import { StoreError } from "../errors";

export const INGEST_QUEUE = "parley-ingest";
/** Batches of stored articles whose event partitions still need re-clustering (see `worker.ts`). */
export const RECLUSTER_QUEUE = "parley-recluster";

export const JOB_STATES = ["created", "retry", "active", "completed", "cancelled", "failed"] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface OpenQueueOptions {
  /** PostgreSQL connection string (default `$DATABASE_URL`). */
  databaseUrl?: string;
  /** The corpus schema, as given to `openCorpus` (default: the connection's current schema). */
  schema?: string;
  /** pg-boss's schema (default `<corpus schema>_queue`, or `parley_queue` for the `public` schema). */
  queueSchema?: string;
  /** Connections this process keeps to the queue (default 3). */
  connections?: number;
}

export interface EnqueueOptions {
  /** Attempts per article before its job is parked as failed (default 3). */
  attempts?: number;
  /** Seconds before the first retry; each later retry waits about twice as long, with jitter (default 10). */
  retryDelaySeconds?: number;
  onProgress?: (s: EnqueueSummary) => void;
}

export interface EnqueueSummary {
  /** Items read. */
  total: number;
  /** New jobs. */
  enqueued: number;
  /** Articles with a job already in the queue (waiting, running, done recently or failed). */
  alreadyQueued: number;
  /** Articles already in the corpus: nothing to do. */
  alreadyStored: number;
  failed: number;
  errors: ItemError[];
  ms: number;
}

export interface FailedJob {
  /** The job id (a UUID made from the article id). */
  id: string;
  articleId: string;
  file: string | null;
  line: number | null;
  title: string | null;
  attempts: number;
  error: string;
  failedAt: string | null;
}

export interface QueueStatus {
  /** Where the queue lives (connection without password, pg-boss schema). */
  location: string;
  /** Ingest jobs per state (completed jobs move to the archive after an hour). */
  counts: Record<JobState, number>;
  archived: number;
  /** Batches of stored articles waiting for re-clustering. */
  reclusterPending: number;
  failed: FailedJob[];
}

/** The job data: the article to ingest and its content-hash id. */
export interface IngestJobData {
  articleId: string;
  item: IngestItem;
}

export interface IngestJob {
  id: string;
  data: IngestJobData;
}

/** A job id from an article id: the 16 hex digits of the content hash in a UUID, so each article has one job. */
export function jobIdOf(articleId: string): string {
  const h = articleId.padEnd(32, "0");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

const ARTICLE_ID = /^[0-9a-f]{16}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,49}$/;

/** Jobs the maintenance of any running worker moves to the archive: completed after an hour, failed after 30 days. */
const BOSS_MAINTENANCE = {
  archiveCompletedAfterSeconds: 3600,
  archiveFailedAfterSeconds: 30 * 86_400,
  deleteAfterDays: 7,
  retentionDays: 30,
  schedule: false,
  maintenanceIntervalSeconds: 60,
};

/** A running batch may take a while on a busy machine; after this its jobs are handed to another worker. */
const JOB_EXPIRE_SECONDS = 15 * 60;

const errMessage = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** PostgreSQL stores neither NUL characters in text nor unpaired surrogates in jsonb. */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export class IngestQueue {
  private constructor(
    readonly boss: PgBoss,
    readonly pool: pg.Pool,
    readonly queueSchema: string,
    readonly location: string,
  ) {}

  /** Connects, creates pg-boss's schema and the queues if missing (safe to race with other processes). */
  static async open(options: OpenQueueOptions = {}): Promise<IngestQueue> {
    const databaseUrl = options.databaseUrl ?? readEnv().databaseUrl;
    if (!databaseUrl) {
      throw new StoreError(
        "CONFIG",
        "The ingest queue needs PostgreSQL: set DATABASE_URL (or --database-url); the embedded store has no queue.",
      );
    }
    if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
      throw new StoreError("CONFIG", `Invalid schema name "${options.schema}".`);
    }
    const pool = new pg.Pool({
      connectionString: databaseUrl,
      max: options.connections ?? 3,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    pool.on("error", () => {});
    try {
      let queueSchema = options.queueSchema;
      if (!queueSchema) {
        const { rows } = await pool.query<{ s: string | null }>("SELECT current_schema() AS s");
        const current = options.schema ?? rows[0]?.s ?? "public";
        queueSchema = current === "public" ? "parley_queue" : `${current}_queue`;
      }
      if (!SCHEMA_NAME.test(queueSchema)) {
        throw new StoreError("CONFIG", `Invalid queue schema name "${queueSchema}" (at most 50 of a-z, 0-9, _).`);
      }
      const boss = new PgBoss({
        db: { executeSql: (text: string, values: unknown[]) => pool.query(text, values) },
        schema: queueSchema,
        ...BOSS_MAINTENANCE,
      });
      // Maintenance errors (a lost connection) must not crash a worker; the next round retries.
      boss.on("error", () => {});
      // Workers starting together would race (and deadlock) creating pg-boss's tables and the queues.
      const setup = await pool.connect();
      const key = `parley-queue-setup:${queueSchema}`;
      try {
        await setup.query("SELECT pg_advisory_lock(hashtext($1))", [key]);
        await boss.start();
        for (const name of [INGEST_QUEUE, RECLUSTER_QUEUE]) {
          if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, policy: "standard" });
        }
      } finally {
        await setup.query("SELECT pg_advisory_unlock(hashtext($1))", [key]).catch(() => {});
        setup.release();
      }
      return new IngestQueue(boss, pool, queueSchema, `${redactUrl(databaseUrl)} (queue schema ${queueSchema})`);
    } catch (err) {
      await pool.end().catch(() => {});
      if (err instanceof StoreError) throw err;
      throw new Error(`Cannot open the ingest queue at ${redactUrl(databaseUrl)}: ${errMessage(err)}`);
    }
  }

  private get jobTable() {
    return `${this.queueSchema}.job`;
  }

  /**
   * Adds one job per article (in batches of `BATCH`); articles already stored or already queued are counted
   * and skipped. Items that could not be stored anyway (no text, NUL characters) are errors, not jobs.
   */
  async enqueue(
    items: Iterable<IngestItem> | AsyncIterable<IngestItem>,
    opts: EnqueueOptions = {},
  ): Promise<EnqueueSummary> {
    const t0 = performance.now();
    const attempts = opts.attempts ?? 3;
    const retryDelay = opts.retryDelaySeconds ?? 10;
    const s: EnqueueSummary = {
      total: 0,
      enqueued: 0,
      alreadyQueued: 0,
      alreadyStored: 0,
      failed: 0,
      errors: [],
      ms: 0,
    };
    const fail = (item: IngestItem, message: string) => {
      s.failed++;
      s.errors.push({ file: item.file ?? null, ...(item.line ? { line: item.line } : {}), message });
    };
    let batch: IngestJobData[] = [];
    const flush = async () => {
      const jobs = batch;
      batch = [];
      if (jobs.length === 0) return;
      const ids = jobs.map((j) => j.articleId);
      const stored = new Set(
        (await this.pool.query<{ id: string }>("SELECT id FROM articles WHERE id = ANY($1::text[])", [ids])).rows.map(
          (r) => r.id,
        ),
      );
      const queued = new Set(
        (
          await this.pool.query<{ id: string }>(
            `SELECT id::text AS id FROM ${this.jobTable} WHERE name = $1 AND id = ANY($2::uuid[])`,
            [INGEST_QUEUE, ids.map(jobIdOf)],
          )
        ).rows.map((r) => r.id),
      );
      const fresh = jobs.filter((j) => {
        if (stored.has(j.articleId)) s.alreadyStored++;
        else if (queued.has(jobIdOf(j.articleId))) s.alreadyQueued++;
        else return true;
        return false;
      });
      const toInsert = (j: IngestJobData) => ({
        id: jobIdOf(j.articleId),
        name: INGEST_QUEUE,
        data: j,
        retryLimit: attempts - 1,
        retryDelay,
        retryBackoff: true,
        expireInSeconds: JOB_EXPIRE_SECONDS,
      });
      try {
        await this.boss.insert(fresh.map(toInsert));
        s.enqueued += fresh.length;
      } catch {
        // One bad item must not lose the batch: insert one by one.
        for (const j of fresh) {
          try {
            await this.boss.insert([toInsert(j)]);
            s.enqueued++;
          } catch (err) {
            fail(j.item, `not queued: ${errMessage(err)}`);
          }
        }
      }
      opts.onProgress?.({ ...s, ms: Math.round(performance.now() - t0) });
    };
    const inBatch = new Set<string>();
    for await (const raw of items) {
      s.total++;
      const r = IngestItemSchema.safeParse(raw);
      if (!r.success) {
        fail(raw, `invalid item: ${z.prettifyError(r.error)}`);
        continue;
      }
      const item = r.data;
      if (item.text.trim() === "") {
        fail(item, "empty article text");
        continue;
      }
      if (Object.values(item).some((v) => typeof v === "string" && UNSTORABLE.test(v))) {
        fail(item, "contains a NUL character or an unpaired surrogate, which PostgreSQL cannot store");
        continue;
      }
      const id = contentHash(item.text);
      if (inBatch.has(id)) {
        s.alreadyQueued++;
        continue;
      }
      inBatch.add(id);
      batch.push({ articleId: id, item });
      if (batch.length >= BATCH) {
        await flush();
        inBatch.clear();
      }
    }
    await flush();
    s.ms = Math.round(performance.now() - t0);
    return s;
  }

  /** Takes up to `n` waiting ingest jobs (marked active; other workers skip them). */
  async fetch(n: number): Promise<IngestJob[]> {
    return (await this.boss.fetch<IngestJobData>(INGEST_QUEUE, { batchSize: n })) as IngestJob[];
  }

  async complete(ids: string[]): Promise<void> {
    if (ids.length > 0) await this.boss.complete(INGEST_QUEUE, ids);
  }

  /** Records a failed attempt: the job waits for its next attempt (backoff), or is parked as failed. */
  async fail(id: string, message: string): Promise<void> {
    await this.boss.fail(INGEST_QUEUE, id, { message });
  }

  /** Ingest and re-clustering jobs not finished yet (waiting, waiting for a retry, or running anywhere). */
  async unfinished(): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${this.jobTable} WHERE name = ANY($1::text[]) AND state < 'completed'`,
      [[INGEST_QUEUE, RECLUSTER_QUEUE]],
    );
    return rows[0]?.n ?? 0;
  }

  async status(opts: { failedLimit?: number } = {}): Promise<QueueStatus> {
    const counts = Object.fromEntries(JOB_STATES.map((s) => [s, 0])) as Record<JobState, number>;
    const byState = await this.pool.query<{ state: JobState; n: number }>(
      `SELECT state::text AS state, count(*)::int AS n FROM ${this.jobTable} WHERE name = $1 GROUP BY state`,
      [INGEST_QUEUE],
    );
    for (const r of byState.rows) counts[r.state] = r.n;
    const archived = await this.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${this.queueSchema}.archive WHERE name = $1`,
      [INGEST_QUEUE],
    );
    const recluster = await this.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${this.jobTable} WHERE name = $1 AND state < 'completed'`,
      [RECLUSTER_QUEUE],
    );
    const failed = await this.pool.query<{
      id: string;
      data: IngestJobData;
      retry_count: number;
      output: { message?: string; value?: { message?: string } } | null;
      completed_on: Date | null;
    }>(
      `SELECT id::text AS id, data, retry_count, output, completed_on FROM ${this.jobTable}
       WHERE name = $1 AND state = 'failed' ORDER BY completed_on DESC NULLS LAST, id LIMIT $2`,
      [INGEST_QUEUE, opts.failedLimit ?? 100],
    );
    return {
      location: this.location,
      counts,
      archived: archived.rows[0]?.n ?? 0,
      reclusterPending: recluster.rows[0]?.n ?? 0,
      failed: failed.rows.map((r) => ({
        id: r.id,
        articleId: r.data.articleId,
        file: r.data.item.file ?? null,
        line: r.data.item.line ?? null,
        title: r.data.item.title ?? null,
        attempts: r.retry_count + 1,
        error: r.output?.message ?? r.output?.value?.message ?? JSON.stringify(r.output),
        failedAt: r.completed_on ? new Date(r.completed_on).toISOString() : null,
      })),
    };
  }

  /**
   * Gives failed jobs one more attempt each: `"all"`, or job ids / article ids. Returns how many were failed
   * and are now waiting again; unknown ids and jobs that are not failed are listed in `notFailed`.
   */
  async retry(which: "all" | string[]): Promise<{ retried: number; notFailed: string[] }> {
    let ids: string[];
    const notFailed: string[] = [];
    if (which === "all") {
      const { rows } = await this.pool.query<{ id: string }>(
        `SELECT id::text AS id FROM ${this.jobTable} WHERE name = $1 AND state = 'failed'`,
        [INGEST_QUEUE],
      );
      ids = rows.map((r) => r.id);
    } else {
      ids = [];
      for (const raw of which) {
        const v = raw.trim().toLowerCase();
        if (ARTICLE_ID.test(v)) ids.push(jobIdOf(v));
        else if (UUID.test(v)) ids.push(v);
        else throw new StoreError("INVALID", `"${raw}" is neither a job id (UUID) nor an article id (16 hex digits).`);
      }
      const { rows } = await this.pool.query<{ id: string }>(
        `SELECT id::text AS id FROM ${this.jobTable} WHERE name = $1 AND state = 'failed' AND id = ANY($2::uuid[])`,
        [INGEST_QUEUE, ids],
      );
      const failed = new Set(rows.map((r) => r.id));
      for (let i = 0; i < ids.length; i++) if (!failed.has(ids[i]!)) notFailed.push(which[i]!);
      ids = ids.filter((id) => failed.has(id));
    }
    if (ids.length === 0) return { retried: 0, notFailed };
    const r = (await this.boss.retry(INGEST_QUEUE, ids)) as unknown as { affected: number };
    return { retried: r.affected, notFailed };
  }

  /** Runs `fn` while holding the cluster lock, or returns null at once if another worker holds it. */
  async withReclusterLock<T>(fn: () => Promise<T>): Promise<T | null> {
    const client = await this.pool.connect();
    const key = `${this.queueSchema}:${RECLUSTER_QUEUE}`;
    try {
      const { rows } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock(hashtext($1)) AS ok", [key]);
      if (!rows[0]?.ok) return null;
      try {
        return await fn();
      } finally {
        await client.query("SELECT pg_advisory_unlock(hashtext($1))", [key]);
      }
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.boss.stop({ graceful: false, close: false }).catch(() => {});
    await this.pool.end();
  }
}

/** Articles per enqueue round trip. */
const BATCH = 200;

export const openQueue = (options?: OpenQueueOptions) => IngestQueue.open(options);

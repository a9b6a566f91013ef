/**
 * The queue worker: takes ingest jobs in batches, analyses them on worker threads and stores them through
 * `Corpus.ingest` (idempotent on the content hash, so a job run twice — after a crash or a timeout — stores its
 * article once), then completes each job or records its failure for a retry with backoff.
 *
 * Re-clustering is not done per batch (it re-reads whole partitions): each batch that stored articles leaves a
 * job on the re-cluster queue, and one worker at a time (an advisory lock) folds all of them into one
 * `recluster(articleIds)` when the ingest queue runs dry, every `reclusterEveryMs` while it does not, and before
 * `untilEmpty` or `once` returns.
 */
import type { Analyzer } from "../analysis-pool";
import type { ReclusterSummary } from "../clusters";
import type { Corpus, IngestItem, ItemOutcome } from "../corpus";
import { type IngestJob, type IngestQueue, RECLUSTER_QUEUE } from "./queue";

export interface WorkerOptions {
  /** Analysis worker threads (default: the number of cores). */
  jobs?: number;
  /** Jobs taken per batch (default 50). */
  batch?: number;
  /** Stop when no ingest or re-cluster job is left anywhere (waiting, retrying or running). */
  untilEmpty?: boolean;
  /** Process at most one batch (and the re-clustering it needs), then stop. */
  once?: boolean;
  /** Stops the worker gracefully: no new batches; running ones finish and their jobs are completed or failed. */
  signal?: AbortSignal;
  /** Wait between polls of an empty queue (default 1000 ms). */
  pollMs?: number;
  /** Re-cluster at least this often while the queue stays busy (default 10 minutes). */
  reclusterEveryMs?: number;
  onBatch?: (b: BatchReport) => void;
  /**
   * A database error outside any one article (the connection lost): the worker reports it, waits and goes on;
   * jobs it could not settle go back to the queue after their timeout.
   */
  onError?: (err: unknown) => void;
}

export interface BatchReport {
  jobs: number;
  inserted: number;
  duplicates: number;
  failed: { jobId: string; articleId: string; message: string }[];
  events: number;
  ms: number;
}

export interface WorkerSummary {
  batches: number;
  jobs: number;
  inserted: number;
  duplicates: number;
  failed: number;
  events: number;
  reclusters: number;
  reclusterMs: number;
  ms: number;
}

/** Batches processed at once per worker: one being analysed while the previous one finishes its writes. */
const BATCHES_IN_FLIGHT = 2;
/** Re-clustering a large corpus takes minutes: its jobs must not expire (and be re-run) meanwhile. */
const RECLUSTER_JOB = { retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 6 * 3600 };
/** Re-cluster jobs folded per fetch. */
const RECLUSTER_FETCH = 500;

const errMessage = (err: unknown) => (err instanceof Error ? err.message : String(err));

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

/** Runs one worker until stopped (signal), until the queue is empty (`untilEmpty`) or after one batch (`once`). */
export async function runWorker(corpus: Corpus, queue: IngestQueue, opts: WorkerOptions = {}): Promise<WorkerSummary> {
  const t0 = performance.now();
  const batchSize = opts.batch ?? 50;
  const pollMs = opts.pollMs ?? 1000;
  const reclusterEvery = opts.reclusterEveryMs ?? 10 * 60_000;
  const s: WorkerSummary = {
    batches: 0,
    jobs: 0,
    inserted: 0,
    duplicates: 0,
    failed: 0,
    events: 0,
    reclusters: 0,
    reclusterMs: 0,
    ms: 0,
  };
  const analyzer = corpus.createAnalyzer(opts.jobs !== undefined ? { jobs: opts.jobs } : {});
  const inflight = new Set<Promise<void>>();
  let lastRecluster = performance.now();
  const stopped = () => opts.signal?.aborted === true;
  /** Runs a step of the loop; a failure is reported and followed by a pause instead of ending the worker. */
  const guarded = async <T>(step: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await step();
    } catch (err) {
      opts.onError?.(err);
      await sleep(pollMs * 5, opts.signal);
      return fallback;
    }
  };

  const reclusterPending = async (): Promise<void> => {
    lastRecluster = performance.now();
    const r = await queue.withReclusterLock(() => foldRecluster(corpus, queue));
    if (r) {
      s.reclusters++;
      s.reclusterMs += r.ms;
    }
  };

  try {
    while (!stopped()) {
      if (inflight.size >= BATCHES_IN_FLIGHT) {
        await Promise.race(inflight);
        continue;
      }
      if (performance.now() - lastRecluster > reclusterEvery) await guarded(reclusterPending, undefined);
      const jobs = await guarded(() => queue.fetch(batchSize), []);
      if (jobs.length > 0) {
        const p = guarded(() => processBatch(corpus, queue, analyzer, jobs), null).then((b) => {
          if (!b) return;
          s.batches++;
          s.jobs += b.jobs;
          s.inserted += b.inserted;
          s.duplicates += b.duplicates;
          s.failed += b.failed.length;
          s.events += b.events;
          opts.onBatch?.(b);
        });
        inflight.add(p);
        void p.finally(() => inflight.delete(p));
        if (opts.once) break;
        continue;
      }
      if (inflight.size > 0) {
        await Promise.race(inflight);
        continue;
      }
      await guarded(reclusterPending, undefined);
      if (opts.once) break;
      if (opts.untilEmpty && (await guarded(() => queue.unfinished(), -1)) === 0) break;
      await sleep(pollMs, opts.signal);
    }
    await Promise.all(inflight);
    if ((opts.once || opts.untilEmpty) && !stopped()) await guarded(reclusterPending, undefined);
  } finally {
    await Promise.allSettled(inflight);
    await analyzer.close();
  }
  s.ms = Math.round(performance.now() - t0);
  return s;
}

/**
 * Stores one batch through `Corpus.ingest` and settles every job by its item's outcome: stored or already
 * stored → completed; failed → a failed attempt (retried with backoff, parked after the last one).
 */
async function processBatch(
  corpus: Corpus,
  queue: IngestQueue,
  analyzer: Analyzer,
  jobs: IngestJob[],
): Promise<BatchReport> {
  const t0 = performance.now();
  const jobOf = new Map<IngestItem, IngestJob>();
  const items = jobs.map((j) => {
    jobOf.set(j.data.item, j);
    return j.data.item;
  });
  const outcomes = new Map<IngestJob, ItemOutcome>();
  try {
    await corpus.ingest(items, {
      analyzer,
      recluster: false,
      onItem: (item, outcome) => {
        const job = jobOf.get(item);
        if (job) outcomes.set(job, outcome);
      },
    });
  } catch (err) {
    // The batch as a whole broke (the database went away): every job not settled gets a failed attempt.
    for (const j of jobs) if (!outcomes.has(j)) outcomes.set(j, { status: "failed", message: errMessage(err) });
  }
  const report: BatchReport = { jobs: jobs.length, inserted: 0, duplicates: 0, failed: [], events: 0, ms: 0 };
  const done: string[] = [];
  const inserted: string[] = [];
  for (const j of jobs) {
    const o = outcomes.get(j) ?? { status: "failed", message: "no outcome from ingest" };
    if (o.status === "failed") {
      report.failed.push({ jobId: j.id, articleId: j.data.articleId, message: o.message });
      continue;
    }
    done.push(j.id);
    if (o.status === "inserted") {
      report.inserted++;
      report.events += o.events;
      inserted.push(o.articleId);
    } else report.duplicates++;
  }
  // The re-cluster job goes in before the ingest jobs complete, so an empty ingest queue never hides it.
  if (inserted.length > 0) await queue.boss.send(RECLUSTER_QUEUE, { articleIds: inserted }, RECLUSTER_JOB);
  await queue.complete(done);
  for (const f of report.failed) await queue.fail(f.jobId, f.message);
  report.ms = Math.round(performance.now() - t0);
  return report;
}

/** Folds every waiting re-cluster job into one `recluster(articleIds)`; call with the cluster lock held. */
async function foldRecluster(corpus: Corpus, queue: IngestQueue): Promise<ReclusterSummary | null> {
  const ids = new Set<string>();
  const jobIds: string[] = [];
  for (;;) {
    const jobs = await queue.boss.fetch<{ articleIds: string[] }>(RECLUSTER_QUEUE, { batchSize: RECLUSTER_FETCH });
    for (const j of jobs) {
      jobIds.push(j.id);
      for (const id of j.data.articleIds) ids.add(id);
    }
    if (jobs.length < RECLUSTER_FETCH) break;
  }
  if (jobIds.length === 0) return null;
  try {
    const r = await corpus.recluster([...ids]);
    await queue.boss.complete(RECLUSTER_QUEUE, jobIds);
    return r;
  } catch (err) {
    for (const id of jobIds) await queue.boss.fail(RECLUSTER_QUEUE, id, { message: errMessage(err) });
    return null;
  }
}

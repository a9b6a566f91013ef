import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { analyzeArticle } from "@parley/core";
import type { Analysis, ArticleInput, KnowledgeFileInput } from "@parley/schema";
import type { AnalysisReply } from "./analysis-worker";
import { readEnv } from "./env";

/**
 * The worker entry as shipped in source. A bundle (tsup) cannot use this path: it builds
 * `analysis-worker.ts` as a second entry and passes that file's URL to `openCorpus({ workerUrl })`.
 */
export function defaultWorkerUrl(): URL {
  return new URL("./analysis-worker.ts", import.meta.url);
}

export function defaultJobs(): number {
  return availableParallelism();
}

/** Default limit on one article's analysis in a worker thread; `$PARLEY_ANALYSIS_TIMEOUT` (seconds) overrides. */
export const DEFAULT_ANALYSIS_TIMEOUT_MS = 30_000;

/** The limit from the option, else `$PARLEY_ANALYSIS_TIMEOUT` (seconds), else the default; 0 means none. */
export function analysisTimeoutMs(option?: number, env: NodeJS.ProcessEnv = process.env): number {
  if (option !== undefined) return option;
  const raw = readEnv(env).analysisTimeout;
  if (raw !== undefined) {
    const secs = Number(raw);
    if (Number.isFinite(secs) && secs >= 0) return secs * 1000;
  }
  return DEFAULT_ANALYSIS_TIMEOUT_MS;
}

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(3))} s`;

export interface Analyzer {
  run(input: ArticleInput): Promise<Analysis>;
  close(): Promise<void>;
}

/** Custom analysis function (tests, embedding); runs on the calling thread. */
export type AnalyzeFn = (input: ArticleInput, options: { knowledge?: KnowledgeFileInput[] }) => Analysis;

export function inlineAnalyzer(fn: AnalyzeFn = analyzeArticle, knowledge?: KnowledgeFileInput[]): Analyzer {
  return {
    run: async (input) => fn(input, knowledge ? { knowledge } : {}),
    close: async () => {},
  };
}

interface Task {
  id: number;
  input: ArticleInput;
  resolve: (a: Analysis) => void;
  reject: (e: Error) => void;
  timer?: NodeJS.Timeout;
}

/**
 * N worker threads analysing articles; results come back in completion order. An article whose analysis runs past
 * `timeoutMs` fails with "timed out after N s"; its worker is terminated (synchronous code cannot be interrupted
 * otherwise) and replaced, and the other articles go on.
 */
export class WorkerPool implements Analyzer {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Task>();
  private readonly queue: Task[] = [];
  /** Workers terminated on purpose (time limit): their exit is not a crash. */
  private readonly retired = new WeakSet<Worker>();
  private nextId = 0;
  private closed = false;
  private crashes = 0;
  /** Workers terminated for running past the limit (for reports and tests). */
  timeouts = 0;

  constructor(
    private readonly size: number,
    private readonly workerUrl: URL,
    private readonly knowledge?: KnowledgeFileInput[],
    private readonly timeoutMs: number = analysisTimeoutMs(),
  ) {
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
  }

  private expire(w: Worker, task: Task): void {
    if (this.busy.get(w) !== task) return;
    this.busy.delete(w);
    this.retired.add(w);
    this.timeouts++;
    task.reject(new Error(`timed out after ${seconds(this.timeoutMs)}`));
    void w.terminate();
    if (!this.closed) {
      this.idle.push(this.spawn());
      this.pump();
    }
  }

  private spawn(): Worker {
    const isTs = /\.[cm]?ts$/.test(this.workerUrl.pathname);
    const workerData = { knowledge: this.knowledge, __parleyEntry: this.workerUrl.href };
    const w = isTs
      ? new Worker(new URL("./worker-bootstrap.mjs", import.meta.url), { workerData })
      : new Worker(this.workerUrl, { workerData });
    w.on("message", (reply: AnalysisReply) => {
      const task = this.busy.get(w);
      if (!task || task.id !== reply.id) return;
      clearTimeout(task.timer);
      this.busy.delete(w);
      if (reply.ok) task.resolve(reply.analysis);
      else task.reject(new Error(reply.message));
      this.idle.push(w);
      this.pump();
    });
    const fail = (err: Error) => {
      if (this.retired.has(w)) return;
      const task = this.busy.get(w);
      clearTimeout(task?.timer);
      this.busy.delete(w);
      const i = this.idle.indexOf(w);
      if (i >= 0) this.idle.splice(i, 1);
      task?.reject(err);
      // A worker that cannot even start (bad entry, syntax error) must not respawn forever.
      if (++this.crashes > this.size * 2 + 2) {
        this.closed = true;
        for (const t of this.queue.splice(0)) t.reject(err);
        return;
      }
      if (!this.closed) {
        this.idle.push(this.spawn());
        this.pump();
      }
    };
    w.on("error", fail);
    w.on("exit", (code) => {
      if (!this.closed) fail(new Error(`analysis worker exited with code ${code}`));
    });
    return w;
  }

  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const w = this.idle.pop()!;
      const task = this.queue.shift()!;
      this.busy.set(w, task);
      if (this.timeoutMs > 0) task.timer = setTimeout(() => this.expire(w, task), this.timeoutMs);
      w.postMessage({ id: task.id, input: task.input });
    }
  }

  run(input: ArticleInput): Promise<Analysis> {
    if (this.closed) return Promise.reject(new Error("analysis pool is closed"));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, input, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.queue.splice(0)) t.reject(new Error("analysis pool closed"));
    for (const t of this.busy.values()) clearTimeout(t.timer);
    const all = [...this.idle, ...this.busy.keys()];
    this.idle.length = 0;
    this.busy.clear();
    await Promise.all(all.map((w) => w.terminate()));
  }
}

import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { analyzeArticle } from "@parley/core";
import type { Analysis, ArticleInput, KnowledgeFileInput } from "@parley/schema";
import type { AnalysisReply } from "./analysis-worker";

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
}

/** N worker threads analysing articles; results come back in completion order. */
export class WorkerPool implements Analyzer {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Task>();
  private readonly queue: Task[] = [];
  private nextId = 0;
  private closed = false;
  private crashes = 0;

  constructor(
    private readonly size: number,
    private readonly workerUrl: URL,
    private readonly knowledge?: KnowledgeFileInput[],
  ) {
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
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
      this.busy.delete(w);
      if (reply.ok) task.resolve(reply.analysis);
      else task.reject(new Error(reply.message));
      this.idle.push(w);
      this.pump();
    });
    const fail = (err: Error) => {
      const task = this.busy.get(w);
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
    const all = [...this.idle, ...this.busy.keys()];
    this.idle.length = 0;
    this.busy.clear();
    await Promise.all(all.map((w) => w.terminate()));
  }
}

import { type BatchReport, runWorker, type WorkerSummary } from "@parley/store";
import { Command } from "commander";
import { z } from "zod";
import { commandOf } from "../command-kit";
import { globalsOf } from "../context";
import { CliError, EXIT } from "../errors";
import { withQueue } from "./ingest";

export const WorkerOptionsSchema = z
  .object({
    jobs: z.coerce.number().int().min(0).max(64).optional(),
    batch: z.coerce.number().int().min(1).max(1000).default(50),
    once: z.boolean().default(false),
    untilEmpty: z.boolean().default(false),
    json: z.boolean().default(false),
  })
  .refine((o) => !(o.once && o.untilEmpty), { message: "give --once or --until-empty, not both", path: ["once"] });

export interface WorkerResult extends WorkerSummary {
  /** Peak resident memory of this process (main thread and analysis threads), in MB. */
  maxRssMB: number;
}

export function workerSummaryLine(r: WorkerResult): string {
  const secs = r.ms / 1000;
  const rate = secs > 0 ? (r.inserted + r.duplicates) / secs : 0;
  return (
    `worker: ${r.jobs} job(s) in ${r.batches} batch(es): ${r.inserted} stored, ${r.duplicates} already stored, ` +
    `${r.failed} failed attempt(s); ${r.events} events; ${r.reclusters} re-clustering run(s) ` +
    `(${(r.reclusterMs / 1000).toFixed(1)} s) in ${secs.toFixed(1)} s (${rate.toFixed(1)} articles/s, ` +
    `peak ${r.maxRssMB} MB)`
  );
}

function batchLine(b: BatchReport): string {
  return `batch of ${b.jobs}: ${b.inserted} stored, ${b.duplicates} already stored, ${b.failed.length} failed, ${b.events} events, ${b.ms} ms`;
}

export const workerCommand = new Command("worker")
  .description("Process the ingest queue (parley ingest --queue): analyse and store articles in batches (PostgreSQL)")
  .option("--jobs <n>", "analysis worker threads (default: number of cores)")
  .option("--batch <n>", "jobs taken from the queue at a time (default 50)")
  .option("--once", "process one batch (and the re-clustering it needs), then exit")
  .option("--until-empty", "exit when no job is waiting, retrying or running anywhere")
  .option("--json", "print the summary as JSON on stdout")
  .addHelpText(
    "after",
    "\nRuns until Ctrl-C (SIGINT) or SIGTERM, then finishes the batches it holds; a second signal exits at once\n" +
      "(held jobs then go back to the queue after their timeout). Any number of workers on any number of machines\n" +
      "may share one DATABASE_URL.\n\nExample:\n  DATABASE_URL=postgres://host/db parley worker --jobs 2 --until-empty",
  )
  .action(async (...args: unknown[]) => {
    const command = commandOf(args);
    const g = globalsOf(command);
    const parsed = WorkerOptionsSchema.safeParse(command.opts());
    if (!parsed.success) throw new CliError(parsed.error.issues[0]?.message ?? "invalid options", EXIT.usage);
    const o = parsed.data;
    const stop = new AbortController();
    const onSignal = (signal: NodeJS.Signals) => {
      if (stop.signal.aborted) process.exit(130);
      if (!g.quiet)
        process.stderr.write(`parley worker: ${signal}: finishing the running batches (again to quit now)\n`);
      stop.abort();
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    try {
      const summary = await withQueue(g, "parley worker", (queue, corpus) =>
        runWorker(corpus, queue, {
          batch: o.batch,
          once: o.once,
          untilEmpty: o.untilEmpty,
          signal: stop.signal,
          ...(o.jobs !== undefined ? { jobs: o.jobs } : {}),
          onError: (err) => {
            if (!g.quiet) {
              process.stderr.write(
                `parley worker: ${err instanceof Error ? err.message : String(err)} (retrying in a few seconds)\n`,
              );
            }
          },
          onBatch: (b) => {
            if (g.quiet) return;
            if (g.verbose) process.stderr.write(`parley worker: ${batchLine(b)}\n`);
            for (const f of b.failed) {
              process.stderr.write(`parley worker: article ${f.articleId} (job ${f.jobId}): ${f.message}\n`);
            }
          },
        }),
      );
      const result: WorkerResult = { ...summary, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) };
      if (o.json) process.stdout.write(`${JSON.stringify(result)}\n`);
      if (!g.quiet) process.stderr.write(`${workerSummaryLine(result)}\n`);
    } finally {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    }
  });

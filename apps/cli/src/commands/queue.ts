import type { FailedJob, IngestQueue, QueueStatus } from "@parley/store";
import { JOB_STATES } from "@parley/store";
import { Command } from "commander";
import { z } from "zod";
import { commandOf } from "../command-kit";
import { globalsOf } from "../context";
import { CliError, EXIT } from "../errors";
import { addOutputOptions, OutputOptionsSchema } from "../options";
import { emit, type Output } from "../output/format";
import { withQueue } from "./ingest";

export const QueueStatusOptionsSchema = OutputOptionsSchema.extend({
  limit: z.coerce.number().int().min(1).max(10_000).default(100),
});

export function runQueueStatus(queue: IngestQueue, o: z.output<typeof QueueStatusOptionsSchema>): Promise<QueueStatus> {
  return queue.status({ failedLimit: o.limit });
}

/**
 * Table and CSV: one row per failed job (with the counts above the table); JSON: the whole status;
 * NDJSON: one line of counts, then one line per failed job.
 */
export function queueStatusOutput(s: QueueStatus): Output<FailedJob> {
  const counts = JOB_STATES.map((st) => `${st} ${s.counts[st]}`).join(", ");
  return {
    rows: s.failed,
    columns: [
      { header: "job", value: (f) => f.id },
      { header: "article", value: (f) => f.articleId },
      { header: "file", value: (f) => (f.file ? `${f.file}${f.line ? `:${f.line}` : ""}` : "") },
      { header: "attempts", value: (f) => f.attempts },
      { header: "failed at", value: (f) => f.failedAt },
      { header: "error", value: (f) => f.error },
    ],
    doc: s,
    records: [
      { counts: s.counts, archived: s.archived, reclusterPending: s.reclusterPending, location: s.location },
      ...s.failed.map((f) => ({ failed: f })),
    ],
    heading:
      `queue: ${s.location}\njobs: ${counts}; archived ${s.archived}; re-clustering batches pending ${s.reclusterPending}\n` +
      `failed jobs${s.failed.length < s.counts.failed ? ` (latest ${s.failed.length})` : ""}:`,
  };
}

const status = addOutputOptions(
  new Command("status")
    .description("Jobs per state and the failed jobs with their errors")
    .option("--limit <n>", "at most n failed jobs (default 100)")
    .addHelpText("after", "\nExample:\n  parley queue status --format json"),
).action(async (...args: unknown[]) => {
  const command = commandOf(args);
  const o = QueueStatusOptionsSchema.parse(command.opts());
  const s = await withQueue(globalsOf(command), "parley queue", (queue) => runQueueStatus(queue, o));
  emit(queueStatusOutput(s), o);
});

export const QueueRetryOptionsSchema = z.object({ all: z.boolean().default(false), json: z.boolean().default(false) });

export async function runQueueRetry(
  queue: IngestQueue,
  ids: string[],
  o: z.output<typeof QueueRetryOptionsSchema>,
): Promise<{ retried: number; notFailed: string[] }> {
  if (o.all === ids.length > 0) throw new CliError("give job or article ids, or --all (not both)", EXIT.usage);
  return queue.retry(o.all ? "all" : ids);
}

const retry = new Command("retry")
  .description("Give failed jobs one more attempt (all of them, or by job id or article id)")
  .argument("[ids...]", "job ids (UUID) or article ids (16 hex digits), as `parley queue status` lists them")
  .option("--all", "every failed job")
  .option("--json", "print the result as JSON")
  .addHelpText("after", "\nExamples:\n  parley queue retry --all\n  parley queue retry 30a2fb6c2c3dcc5c")
  .action(async (ids: string[], ...rest: unknown[]) => {
    const command = commandOf(rest);
    const g = globalsOf(command);
    const o = QueueRetryOptionsSchema.parse(command.opts());
    const r = await withQueue(g, "parley queue", (queue) => runQueueRetry(queue, ids, o));
    if (o.json) process.stdout.write(`${JSON.stringify(r)}\n`);
    else if (!g.quiet) process.stderr.write(`queued ${r.retried} failed job(s) for another attempt\n`);
    for (const id of r.notFailed) if (!g.quiet) process.stderr.write(`parley: ${id}: no failed job with this id\n`);
    if (r.notFailed.length > 0) process.exitCode = r.retried > 0 ? EXIT.partial : EXIT.failure;
  });

export const queueCommand = new Command("queue")
  .description("The ingest queue (PostgreSQL): status, retry")
  .addHelpText("after", "\nExample:\n  parley queue status && parley queue retry --all")
  .addCommand(status)
  .addCommand(retry);

import type { Corpus, ReanalyzeSummary } from "@parley/store";
import { Command } from "commander";
import { z } from "zod";
import { commandOf } from "../command-kit";
import { globalsOf, withStore } from "../context";
import { EXIT } from "../errors";
import { formatError } from "./ingest";

export const ReanalyzeOptionsSchema = z.object({
  outdated: z.boolean().default(false),
  article: z.array(z.string().min(1)).optional(),
  jobs: z.coerce.number().int().min(0).max(64).optional(),
  /** Seconds one article's analysis may take on a worker thread (0: no limit). */
  timeout: z.coerce.number().min(0).optional(),
  json: z.boolean().default(false),
});
export type ReanalyzeOptions = z.input<typeof ReanalyzeOptionsSchema>;

/** Re-runs extraction over stored articles (all, the outdated ones, or some); reviews are re-applied. */
export function runReanalyze(corpus: Corpus, raw: ReanalyzeOptions): Promise<ReanalyzeSummary> {
  const o = ReanalyzeOptionsSchema.parse(raw);
  return corpus.reanalyze({
    ...(o.outdated ? { outdated: true } : {}),
    ...(o.article ? { articleIds: o.article } : {}),
    ...(o.jobs !== undefined ? { jobs: o.jobs } : {}),
    ...(o.timeout !== undefined ? { timeoutMs: o.timeout * 1000 } : {}),
  });
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

export const reanalyzeCommand = new Command("reanalyze")
  .description("Re-run extraction on stored articles after a knowledge-base or engine upgrade; reviews are kept")
  .option("--outdated", "only articles analysed by another extractor version")
  .option("--article <id>", "only this article (repeatable)", collect)
  .option(
    "--timeout <seconds>",
    "time limit per article on a worker thread (default $PARLEY_ANALYSIS_TIMEOUT or 30; 0: none)",
  )
  .option("--jobs <n>", "analysis worker threads (default: number of cores)")
  .option("--json", "print the summary as JSON on stdout")
  .addHelpText("after", "\nExample:\n  parley reanalyze --outdated --jobs 2")
  .action(async (...args: unknown[]) => {
    const command = commandOf(args);
    const g = globalsOf(command);
    const o = ReanalyzeOptionsSchema.parse(command.opts());
    const s = await withStore(g, (corpus) => runReanalyze(corpus, o));
    if (!g.quiet) for (const e of s.errors) process.stderr.write(`parley: ${formatError(e)}\n`);
    if (o.json) process.stdout.write(`${JSON.stringify(s, null, 2)}\n`);
    if (!g.quiet) {
      process.stderr.write(
        `re-analysed ${s.reanalyzed} of ${s.total} article(s): ${s.events} events, ${s.reviewsApplied} review(s) re-applied, ` +
          `${s.orphanedReviews} orphaned, ${s.failed} failed, ${s.clusters.clusters} clusters in ${(s.ms / 1000).toFixed(1)} s\n`,
      );
    }
    process.exitCode = s.failed === 0 ? EXIT.ok : s.reanalyzed > 0 ? EXIT.partial : EXIT.failure;
  });

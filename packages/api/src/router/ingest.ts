import type { Corpus, IngestItem, ItemError } from "@parley/store";
import { IngestFilesSchema, IngestTextSchema, pastedItem, uploadedItems } from "../ingest";
import { createTRPCRouter, publicProcedure } from "../trpc";

async function run(corpus: Corpus, items: IngestItem[], errors: ItemError[], jobs: number) {
  const summary = await corpus.ingest(items, { jobs });
  return {
    ...summary,
    total: summary.total + errors.length,
    failed: summary.failed + errors.length,
    errors: [...errors, ...summary.errors],
  };
}

export const ingestRouter = createTRPCRouter({
  /** Pasted article text with outlet, date, title and URL. */
  text: publicProcedure.input(IngestTextSchema).mutation(async ({ ctx, input }) => {
    const { items, errors } = pastedItem(input);
    return run(ctx.corpus, items, errors, ctx.ingestJobs);
  }),

  /** Uploaded files (their names and contents; never a path on the server) with shared metadata. */
  files: publicProcedure.input(IngestFilesSchema).mutation(async ({ ctx, input }) => {
    const { items, errors } = await uploadedItems(input);
    return run(ctx.corpus, items, errors, ctx.ingestJobs);
  }),
});

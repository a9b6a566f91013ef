import { ArticleFilterSchema } from "@parley/store";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const articlesRouter = createTRPCRouter({
  /** Article metadata (no text) for listings. */
  list: publicProcedure.input(ArticleFilterSchema.prefault({})).query(async ({ ctx, input }) => {
    const rows = await ctx.corpus.articles(input);
    return rows.map(({ text: _text, ...a }) => a);
  }),

  /** One article with its whole analysis and the analysts' verdicts. */
  get: publicProcedure.input(z.object({ id: z.string().min(1).max(200) })).query(async ({ ctx, input }) => {
    const article = await ctx.corpus.article(input.id);
    if (!article) throw new TRPCError({ code: "NOT_FOUND", message: `No article ${input.id}.` });
    return article;
  }),
});

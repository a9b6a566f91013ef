import { z } from "zod";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const SearchInputSchema = z.object({
  q: z.string().trim().min(1).max(500),
  limit: z.number().int().min(1).max(200).default(20),
});

export const corpusRouter = createTRPCRouter({
  /** Counts for the overview. */
  stats: publicProcedure.query(({ ctx }) => ctx.corpus.stats()),

  /** Full-text search over event evidence and article titles/text, plus actor names. */
  search: publicProcedure.input(SearchInputSchema).query(async ({ ctx, input }) => {
    const [events, articles, actors] = await Promise.all([
      ctx.corpus.events({ text: input.q, limit: input.limit }),
      ctx.corpus.articles({ text: input.q, limit: input.limit }),
      ctx.corpus.actors({ name: input.q, limit: input.limit }),
    ]);
    return {
      events,
      articles: articles.map(({ text: _text, ...a }) => a),
      actors,
    };
  }),

  /** The whole corpus (articles, machine analyses, reviews, clusters) as one JSON document. */
  export: publicProcedure.query(({ ctx }) => ctx.corpus.exportAll()),
});

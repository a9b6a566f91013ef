import { ReviewFilterSchema, ReviewInputSchema } from "@parley/store";
import { z } from "zod";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const ReviewSubmitSchema = z.object({
  eventId: z.string().min(1).max(300),
  articleId: z.string().min(1).max(200).optional(),
  review: ReviewInputSchema,
});

export const reviewRouter = createTRPCRouter({
  /** Verify, correct or reject an event; stored with author and time, re-applied after re-analysis. */
  submit: publicProcedure
    .input(ReviewSubmitSchema)
    .mutation(({ ctx, input }) =>
      ctx.corpus.review(input.eventId, { ...input.review, ...(input.articleId ? { articleId: input.articleId } : {}) }),
    ),

  /** Reviews, oldest first. */
  list: publicProcedure.input(ReviewFilterSchema.prefault({})).query(({ ctx, input }) => ctx.corpus.reviews(input)),
});

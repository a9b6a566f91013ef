import { ClaimFilterSchema } from "@parley/store";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const claimsRouter = createTRPCRouter({
  /** Numeric claims (casualties, displaced, aid…) with their articles. */
  list: publicProcedure.input(ClaimFilterSchema.prefault({})).query(({ ctx, input }) => ctx.corpus.claims(input)),
});

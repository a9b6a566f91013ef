import { ClaimFilterSchema, ClusterFilterSchema, ModelFilterSchema, TimelineFilterSchema } from "@parley/store";
import { z } from "zod";
import { createTRPCRouter, publicProcedure } from "../trpc";

/** The cross-article views: clusters, tracks and roles, stances, timeline, claim series, outlets, issues. */
export const clustersRouter = createTRPCRouter({
  list: publicProcedure.input(ClusterFilterSchema.prefault({})).query(({ ctx, input }) => ctx.corpus.clusters(input)),

  /** The cluster an event belongs to, with every member report. */
  ofEvent: publicProcedure.input(z.object({ id: z.string().min(1).max(300) })).query(async ({ ctx, input }) => {
    const articleId = input.id.split(":")[0]!;
    const clusters = await ctx.corpus.clusters({ articleId, limit: 10_000 });
    const cluster = clusters.find((c) => c.eventIds.includes(input.id));
    if (!cluster) return null;
    const reports = (
      await Promise.all(
        [...new Set(cluster.members.map((m) => m.articleId))].map((a) =>
          ctx.corpus.events({ articleId: a, includeRejected: true, limit: 10_000 }),
        ),
      )
    )
      .flat()
      .filter((e) => cluster.eventIds.includes(e.id));
    return { cluster, reports };
  }),
});

export const modelRouter = createTRPCRouter({
  roles: publicProcedure.input(ModelFilterSchema.prefault({})).query(({ ctx, input }) => ctx.corpus.roles(input)),
  stances: publicProcedure.input(ModelFilterSchema.prefault({})).query(({ ctx, input }) => ctx.corpus.stances(input)),
  timeline: publicProcedure
    .input(TimelineFilterSchema.prefault({}))
    .query(({ ctx, input }) => ctx.corpus.timeline(input)),
  claimSeries: publicProcedure
    .input(ClaimFilterSchema.extend({ rollUp: z.boolean().optional() }).prefault({}))
    .query(({ ctx, input }) => ctx.corpus.claimSeries(input)),
  sources: publicProcedure.input(ModelFilterSchema.prefault({})).query(({ ctx, input }) => ctx.corpus.sources(input)),
  issues: publicProcedure.input(ModelFilterSchema.prefault({})).query(({ ctx, input }) => ctx.corpus.issues(input)),
});

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
  /** Roles with evidence counts instead of event id lists (what a table shows). */
  rolesTable: publicProcedure.input(ModelFilterSchema.prefault({})).query(async ({ ctx, input }) => {
    const r = await ctx.corpus.roles(input);
    return {
      tracks: r.tracks,
      actors: r.actors,
      roles: r.roles.map((x) => ({
        actor: x.actor,
        track: x.track,
        role: x.role,
        events:
          x.evidence.party.length +
          x.evidence.mediator.length +
          x.evidence.facilitator.length +
          x.evidence.observer.length,
      })),
    };
  }),
  /** The stance matrix and sticking points, with each history cut to its latest 20 stances (what the page shows). */
  stancesView: publicProcedure.input(ModelFilterSchema.prefault({})).query(async ({ ctx, input }) => {
    const v = await ctx.corpus.stances(input);
    return {
      ...v,
      histories: v.histories.map((h) => ({ ...h, history: h.history.slice(-20), total: h.history.length })),
      stickingPoints: v.stickingPoints.map((p) => ({
        ...p,
        conflicts: p.conflicts.slice(0, 20),
        totalConflicts: p.conflicts.length,
      })),
    };
  }),
  stances: publicProcedure.input(ModelFilterSchema.prefault({})).query(({ ctx, input }) => ctx.corpus.stances(input)),
  timeline: publicProcedure
    .input(TimelineFilterSchema.prefault({}))
    .query(({ ctx, input }) => ctx.corpus.timeline(input)),
  /** The timeline as the chart needs it: per period and status, totals and counts by type (no per-actor maps). */
  timelineChart: publicProcedure.input(TimelineFilterSchema.prefault({})).query(async ({ ctx, input }) => {
    const t = await ctx.corpus.timeline(input);
    const slim = (c: { total: number; byType: Record<string, number | undefined> }) => ({
      total: c.total,
      byType: c.byType,
    });
    return {
      granularity: t.granularity,
      buckets: t.buckets.map((b) => ({
        key: b.key,
        start: b.start,
        occurred: slim(b.occurred),
        planned: slim(b.planned),
        hypothetical: slim(b.hypothetical),
        negated: slim(b.negated),
      })),
      undated: t.undated,
      tooCoarse: Object.values(t.tooCoarse).reduce((n, k) => n + k, 0),
    };
  }),
  /** Claim series as the chart needs them (date, value, outlet per point) and the widest disagreements. */
  claimsChart: publicProcedure
    .input(ClaimFilterSchema.extend({ rollUp: z.boolean().optional() }).prefault({}))
    .query(async ({ ctx, input }) => {
      const v = await ctx.corpus.claimSeries(input);
      const disagreements = [...v.disagreements].sort((a, b) => b.spread - a.spread);
      return {
        series: v.series.map((x) => ({
          kind: x.kind,
          subject: x.subject,
          label: x.label,
          points: x.points.map((p) => ({ claimId: p.claimId, date: p.date, value: p.value, outlet: p.outlet })),
        })),
        disagreements: disagreements.slice(0, 50),
        disagreementCount: disagreements.length,
      };
    }),
  claimSeries: publicProcedure
    .input(ClaimFilterSchema.extend({ rollUp: z.boolean().optional() }).prefault({}))
    .query(({ ctx, input }) => ctx.corpus.claimSeries(input)),
  sources: publicProcedure.input(ModelFilterSchema.prefault({})).query(({ ctx, input }) => ctx.corpus.sources(input)),
  issues: publicProcedure.input(ModelFilterSchema.prefault({})).query(({ ctx, input }) => ctx.corpus.issues(input)),
});

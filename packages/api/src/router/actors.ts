import { ActorFilterSchema, EventFilterSchema } from "@parley/store";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { createTRPCRouter, publicProcedure } from "../trpc";
import { actorNetwork } from "../views";

export const actorsRouter = createTRPCRouter({
  /** Actors with event and article counts under the filter, most active first. */
  list: publicProcedure.input(ActorFilterSchema.prefault({})).query(({ ctx, input }) => ctx.corpus.actors(input)),

  /** Actors as nodes (size = activity), events between them as edges (meetings, proposals, rejections…). */
  network: publicProcedure.input(EventFilterSchema.prefault({ limit: 10_000 })).query(async ({ ctx, input }) => {
    // Every event the filter selects, counted in the database by type and actors (no sample of the corpus).
    const [groups, actors] = await Promise.all([
      ctx.corpus.eventGroups(input),
      ctx.corpus.actors({ ...input, limit: 10_000 }),
    ]);
    const net = actorNetwork(groups, actors);
    // The drawing shows the most active actors; the strongest edges are enough for it.
    return {
      nodes: net.nodes.slice(0, 150),
      edges: net.edges.slice(0, 600),
      totals: { nodes: net.nodes.length, edges: net.edges.length },
    };
  }),

  /** The actor page: the actor, its events (any role), what it is quoted as saying, and its figures. */
  get: publicProcedure
    .input(z.object({ id: z.string().min(1).max(200), limit: z.number().int().min(1).max(2000).default(500) }))
    .query(async ({ ctx, input }) => {
      const [actor] = await ctx.corpus.actors({ actor: input.id, limit: 1 });
      if (!actor || actor.id !== input.id) {
        throw new TRPCError({ code: "NOT_FOUND", message: `No actor ${input.id}.` });
      }
      const [events, claims] = await Promise.all([
        ctx.corpus.events({ actor: input.id, limit: input.limit }),
        ctx.corpus.claims({ actor: input.id, limit: input.limit }),
      ]);
      const quotes = events.filter((e) => e.attributedTo === input.id || e.source.includes(input.id));
      return { actor, events, quotes, claims };
    }),
});

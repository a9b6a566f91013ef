import { z } from "zod";
import { createTRPCRouter, publicProcedure } from "../trpc";
import { latestFirst } from "../views";

export const SearchInputSchema = z.object({
  q: z.string().trim().min(1).max(500),
  limit: z.number().int().min(1).max(200).default(20),
});

export const corpusRouter = createTRPCRouter({
  /** Counts for the overview. */
  stats: publicProcedure.query(({ ctx }) => ctx.corpus.stats()),

  /** The overview: corpus size, latest developments, active tracks, most active actors. */
  overview: publicProcedure.query(async ({ ctx }) => {
    const stats = await ctx.corpus.stats();
    const last = stats.published.last;
    // The week before the newest article, newest first.
    const from = last ? new Date(Date.parse(last) - 7 * 86_400_000).toISOString().slice(0, 10) : undefined;
    const [recent, actors, roles] = await Promise.all([
      ctx.corpus.events({ ...(from ? { from } : {}), status: "occurred", newestFirst: true, limit: 12 }),
      ctx.corpus.actors({ limit: 10 }),
      ctx.corpus.roles({ limit: 200 }),
    ]);
    const eventsPerTrack = new Map<string, number>();
    for (const r of roles.roles) {
      eventsPerTrack.set(
        r.track,
        (eventsPerTrack.get(r.track) ?? 0) + r.evidence.party.length + r.evidence.mediator.length,
      );
    }
    const tracks = roles.tracks
      .map((t) => ({
        ...t,
        partyNames: t.parties.map((p) => roles.actors[p] ?? p),
        mediators: roles.roles
          .filter((r) => r.track === t.id && r.role === "mediator")
          .map((r) => roles.actors[r.actor] ?? r.actor),
        activity: eventsPerTrack.get(t.id) ?? 0,
      }))
      .sort((a, b) => b.activity - a.activity)
      .slice(0, 8);
    return { stats, latest: latestFirst(recent, 12), tracks, actors: actors.filter((a) => a.events > 0) };
  }),

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

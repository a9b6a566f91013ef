import { EventFilterSchema } from "@parley/store";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { createTRPCRouter, publicProcedure } from "../trpc";
import { eventPlaces } from "../views";

export const EventKeySchema = z.object({ id: z.string().min(1).max(300) });

export const eventsRouter = createTRPCRouter({
  /** Events matching the filter (the CLI's `parley events` filters). */
  list: publicProcedure.input(EventFilterSchema.prefault({})).query(({ ctx, input }) => ctx.corpus.events(input)),

  /** Where events happen: events with coordinates grouped by place. */
  places: publicProcedure.input(EventFilterSchema.prefault({ limit: 10_000 })).query(async ({ ctx, input }) => {
    const events = await ctx.corpus.events(input);
    return { ...eventPlaces(events), truncated: events.length >= input.limit };
  }),

  /** One event with its review history (rejected events included). */
  get: publicProcedure.input(EventKeySchema).query(async ({ ctx, input }) => {
    const articleId = input.id.split(":")[0]!;
    const inArticle = await ctx.corpus.events({ articleId, includeRejected: true, limit: 10_000 });
    const event = inArticle.find((e) => e.id === input.id);
    if (!event) throw new TRPCError({ code: "NOT_FOUND", message: `No event ${input.id}.` });
    const reviews = await ctx.corpus.reviews({ eventId: event.id, articleId: event.articleId, limit: 1000 });
    return { event, reviews };
  }),
});

import { actorsRouter } from "./router/actors";
import { articlesRouter } from "./router/articles";
import { claimsRouter } from "./router/claims";
import { corpusRouter } from "./router/corpus";
import { eventsRouter } from "./router/events";
import { ingestRouter } from "./router/ingest";
import { clustersRouter, modelRouter } from "./router/model";
import { reviewRouter } from "./router/review";
import { createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  corpus: corpusRouter,
  events: eventsRouter,
  articles: articlesRouter,
  actors: actorsRouter,
  claims: claimsRouter,
  clusters: clustersRouter,
  model: modelRouter,
  ingest: ingestRouter,
  review: reviewRouter,
});

export type AppRouter = typeof appRouter;

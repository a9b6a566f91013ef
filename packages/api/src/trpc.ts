import type { Corpus } from "@parley/store";
import { initTRPC } from "@trpc/server";
import type { QueryCache } from "./cache";
import { toTRPCError } from "./errors";

/** What every procedure sees: the opened corpus (one per server process). */
export interface Context {
  corpus: Corpus;
  /** Worker threads for ingest analysis; 0 (default) analyses on the request's thread. */
  ingestJobs: number;
  /** Shared results of read procedures (a server passes one; without it every query reads the store). */
  cache: QueryCache | null;
}

export function createTRPCContext(opts: { corpus: Corpus; ingestJobs?: number; cache?: QueryCache }): Context {
  return { corpus: opts.corpus, ingestJobs: opts.ingestJobs ?? 0, cache: opts.cache ?? null };
}

const t = initTRPC.context<Context>().create({
  // Never send stacks; INTERNAL_SERVER_ERROR messages are already generic (see toTRPCError).
  isDev: false,
  errorFormatter({ shape }) {
    const { stack: _stack, ...data } = shape.data as typeof shape.data & { stack?: string };
    return { ...shape, data };
  },
});

/** Every error a resolver throws goes through `toTRPCError` on its way out. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) toTRPCError(result.error);
  return result;
});

/** Queries answer from the context's cache when it holds the same path and input; writes clear it. */
const cacheResults = t.middleware(async ({ ctx, path, type, getRawInput, next }) => {
  const cache = ctx.cache;
  if (!cache) return next();
  if (type !== "query") {
    const result = await next();
    cache.clear();
    return result;
  }
  const key = `${path}\u0000${JSON.stringify((await getRawInput()) ?? null)}`;
  return cache.get(
    key,
    () => next(),
    (r) => r.ok,
  );
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapErrors).use(cacheResults);

/**
 * What a process serving the web app hands to it (`parley serve` sets `globalThis.__parleyHost`): the router and a
 * context factory over the corpus it opened. The web app never opens the database itself.
 */
export interface ParleyHost {
  router: typeof import("./root").appRouter;
  createContext: () => Context;
}

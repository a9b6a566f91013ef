import type { Corpus } from "@parley/store";
import { initTRPC } from "@trpc/server";
import { toTRPCError } from "./errors";

/** What every procedure sees: the opened corpus (one per server process). */
export interface Context {
  corpus: Corpus;
  /** Worker threads for ingest analysis; 0 (default) analyses on the request's thread. */
  ingestJobs: number;
}

export function createTRPCContext(opts: { corpus: Corpus; ingestJobs?: number }): Context {
  return { corpus: opts.corpus, ingestJobs: opts.ingestJobs ?? 0 };
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

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapErrors);

/**
 * What a process serving the web app hands to it (`parley serve` sets `globalThis.__parleyHost`): the router and a
 * context factory over the corpus it opened. The web app never opens the database itself.
 */
export interface ParleyHost {
  router: typeof import("./root").appRouter;
  createContext: () => Context;
}

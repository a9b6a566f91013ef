import type { Corpus } from "@parley/store";
import { type GlobalOptions, openStore } from "./context";

/**
 * Everything the read commands ask of a corpus. The local implementation is the store itself; a remote one
 * (a tRPC client of `parley serve`, selected by a future `--server URL`) implements the same methods, so no
 * command changes when it arrives. Types flow from `@parley/store`.
 */
export type Queries = Pick<
  Corpus,
  | "events"
  | "clusters"
  | "actors"
  | "issues"
  | "stances"
  | "roles"
  | "claims"
  | "claimSeries"
  | "timeline"
  | "sources"
  | "reviews"
  | "stats"
  | "exportAll"
  | "close"
>;

/** The local implementation: the methods of an open corpus. */
export function localQueries(corpus: Corpus): Queries {
  return {
    events: (f) => corpus.events(f),
    clusters: (f) => corpus.clusters(f),
    actors: (f) => corpus.actors(f),
    issues: (f) => corpus.issues(f),
    stances: (f) => corpus.stances(f),
    roles: (f) => corpus.roles(f),
    claims: (f) => corpus.claims(f),
    claimSeries: (f) => corpus.claimSeries(f),
    timeline: (f) => corpus.timeline(f),
    sources: (f) => corpus.sources(f),
    reviews: (f) => corpus.reviews(f),
    stats: () => corpus.stats(),
    exportAll: () => corpus.exportAll(),
    close: () => corpus.close(),
  };
}

/** How a command gets its `Queries`: today the local store (a `--server` option will choose a client). */
export type QueriesFactory = (g: GlobalOptions) => Promise<Queries>;

let factory: QueriesFactory = async (g) => localQueries(await openStore(g));

/** Replaces how `Queries` are opened (the remote implementation, tests). */
export function setQueriesFactory(f: QueriesFactory): void {
  factory = f;
}

/** Opens `Queries` for the global options, runs `fn`, and closes them. */
export async function withQueries<T>(g: GlobalOptions, fn: (q: Queries) => Promise<T>): Promise<T> {
  const q = await factory(g);
  try {
    return await fn(q);
  } finally {
    await q.close();
  }
}

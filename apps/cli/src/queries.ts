import type { AppRouter } from "@parley/api";
import type { Corpus } from "@parley/store";
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import { type GlobalOptions, openStore } from "./context";
import { env } from "./env";
import { CliError, EXIT } from "./errors";

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

let factory: QueriesFactory = async (g) => {
  const server = g.server ?? env.server;
  return server ? remoteQueries(server, env.token) : localQueries(await openStore(g));
};

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

/** The server answered 401: no token, or the wrong one (checked before tRPC reads the body). */
class Unauthorized extends Error {}

const checkedFetch: typeof fetch = async (input, init) => {
  const res = await fetch(input, init);
  if (res.status === 401) throw new Unauthorized("401 Unauthorized");
  return res;
};

/** A failed remote call as the CLI's error: the server's message (never a stack), or why it could not be reached. */
function remoteError(server: string, err: unknown): CliError {
  if (err instanceof TRPCClientError) {
    if (err.cause instanceof Unauthorized || err.data?.httpStatus === 401) {
      return new CliError(
        `${server} refused the request (401).`,
        EXIT.failure,
        "Set PARLEY_TOKEN to the server's token.",
      );
    }
    const code = err.data?.code as string | undefined;
    if (code === "BAD_REQUEST") return new CliError(`The server rejected the request: ${err.message}`, EXIT.usage);
    if (code) return new CliError(`${server}: ${err.message}`);
    const cause = (err.cause as { cause?: { code?: string } } | undefined)?.cause?.code;
    if (cause === "ECONNREFUSED" || /fetch failed/i.test(err.message)) {
      return new CliError(`Cannot reach ${server}.`, EXIT.failure, "Is `parley serve` running there?");
    }
    return new CliError(`${server}: ${err.message}`);
  }
  return new CliError(`${server}: ${err instanceof Error ? err.message : String(err)}`);
}

/**
 * The server URL without a trailing slash. A URL carrying credentials is refused (without echoing it): the token
 * belongs in PARLEY_TOKEN, never in a URL that ends up in shell history, logs and error messages.
 */
export function serverBase(server: string): string {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new CliError("--server must be a URL such as http://127.0.0.1:3000.", EXIT.usage);
  }
  if (url.username || url.password) {
    throw new CliError(
      "--server must not contain a user name or token.",
      EXIT.usage,
      "Give the URL without credentials and set PARLEY_TOKEN.",
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new CliError("--server must be an http(s) URL.", EXIT.usage);
  }
  return server.replace(/\/+$/, "");
}

/**
 * The remote implementation: a tRPC client of `parley serve` (`--server URL`, or `$PARLEY_SERVER`), sending
 * `$PARLEY_TOKEN` as a bearer token. Results come back as JSON, so commands print exactly what they print locally.
 */
export function remoteQueries(server: string, token?: string): Queries {
  const base = serverBase(server);
  const client = createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${base}/api/trpc`,
        maxURLLength: 4000,
        fetch: checkedFetch,
        headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
      }),
    ],
  });
  const call = async <T>(p: Promise<unknown>): Promise<T> => {
    try {
      return (await p) as T;
    } catch (err) {
      throw remoteError(base, err);
    }
  };
  type Q = Queries;
  return {
    events: (f) => call<Awaited<ReturnType<Q["events"]>>>(client.events.list.query(f)),
    clusters: (f) => call<Awaited<ReturnType<Q["clusters"]>>>(client.clusters.list.query(f)),
    actors: (f) => call<Awaited<ReturnType<Q["actors"]>>>(client.actors.list.query(f)),
    issues: (f) => call<Awaited<ReturnType<Q["issues"]>>>(client.model.issues.query(f)),
    stances: (f) => call<Awaited<ReturnType<Q["stances"]>>>(client.model.stances.query(f)),
    roles: (f) => call<Awaited<ReturnType<Q["roles"]>>>(client.model.roles.query(f)),
    claims: (f) => call<Awaited<ReturnType<Q["claims"]>>>(client.claims.list.query(f)),
    claimSeries: (f) => call<Awaited<ReturnType<Q["claimSeries"]>>>(client.model.claimSeries.query(f)),
    timeline: (f) => call<Awaited<ReturnType<Q["timeline"]>>>(client.model.timeline.query(f)),
    sources: (f) => call<Awaited<ReturnType<Q["sources"]>>>(client.model.sources.query(f)),
    reviews: (f) => call<Awaited<ReturnType<Q["reviews"]>>>(client.review.list.query(f)),
    stats: () => call<Awaited<ReturnType<Q["stats"]>>>(client.corpus.stats.query()),
    exportAll: () => call<Awaited<ReturnType<Q["exportAll"]>>>(client.corpus.export.query()),
    close: async () => {},
  };
}

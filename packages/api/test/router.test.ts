import type { Corpus } from "@parley/store";
import { StoreError } from "@parley/store";
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter, createCallerFactory, createTRPCContext, INTERNAL_MESSAGE, QueryCache, toTRPCError } from "../src";
import { actorNetwork, asGroups } from "../src/views";
import { ARTICLES, openTestApi, PASTED, type TestApi } from "./fixtures";

let api: TestApi;

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof TRPCError) return err.code;
    return `not a TRPCError: ${String(err)}`;
  }
  return "resolved";
}

beforeAll(async () => {
  api = await openTestApi();
  const { lakeside, exchange } = ARTICLES;
  const summary = await api.caller.ingest.files({
    files: [
      { name: lakeside.name, content: lakeside.content },
      { name: exchange.name, content: exchange.content },
    ],
    meta: { outlet: "Test Wire", published: "2024-05-02" },
  });
  expect(summary).toMatchObject({ total: 2, inserted: 2, failed: 0 });
  const pasted = await api.caller.ingest.text({ text: PASTED, outlet: "Test Herald", published: "2024-05-20" });
  expect(pasted).toMatchObject({ total: 1, inserted: 1, failed: 0 });
});

afterAll(async () => {
  await api?.cleanup();
});

describe("ingest", () => {
  it("counts an article already stored as a duplicate", async () => {
    const r = await api.caller.ingest.files({ files: [{ name: "again.txt", content: ARTICLES.lakeside.content }] });
    expect(r).toMatchObject({ total: 1, inserted: 0, duplicates: 1 });
  });

  it("keeps only the base name of an uploaded file, never a path", async () => {
    const r = await api.caller.ingest.files({
      files: [{ name: "../../etc/secret-dir/note.txt", content: "Talks resume\n\nMediators met in Oslo on Monday." }],
      meta: { outlet: "Test Wire", published: "2024-06-01" },
    });
    expect(r.inserted).toBe(1);
    const [article] = await api.caller.articles.list({ text: "Oslo" });
    expect(article?.file).toBe("note.txt");
  });

  it("reports unreadable uploads as errors and goes on", async () => {
    const r = await api.caller.ingest.files({
      files: [
        { name: "empty.txt", content: "   " },
        { name: "broken.json", content: "{not json" },
      ],
    });
    expect(r).toMatchObject({ total: 2, inserted: 0, failed: 2 });
    expect(r.errors.map((e) => e.file)).toEqual(["empty.txt", "broken.json"]);
  });

  it("reads JSON uploads with the store's reader", async () => {
    const r = await api.caller.ingest.files({
      files: [
        {
          name: "feed.json",
          content: JSON.stringify([
            { text: "Truce talks stall\n\nSudan's army rejected a truce proposal on Sunday.", outlet: "Feed Desk" },
          ]),
        },
      ],
      meta: { published: "2024-07-01" },
    });
    expect(r.inserted).toBe(1);
  });

  it("rejects invalid metadata before touching the store", async () => {
    expect(await codeOf(api.caller.ingest.text({ text: "x", published: "13 May 2024" }))).toBe("BAD_REQUEST");
    expect(await codeOf(api.caller.ingest.files({ files: [] }))).toBe("BAD_REQUEST");
  });
});

describe("queries", () => {
  it("returns the store's stats", async () => {
    const stats = await api.caller.corpus.stats();
    expect(stats).toEqual(await api.corpus.stats());
    expect(stats.articles).toBeGreaterThanOrEqual(3);
    expect(stats.events).toBeGreaterThan(0);
  });

  it("lists events with the CLI's filters, exactly as the store does", async () => {
    const filters = [
      {},
      { outlet: "Test Wire" },
      { type: "REJECT" as const },
      { actor: "Hamas", status: ["occurred", "planned"] as ("occurred" | "planned")[] },
      { issue: "ceasefire", from: "2024-05", to: "2024-05" },
      { limit: 2, offset: 1 },
    ];
    for (const f of filters) {
      expect(await api.caller.events.list(f)).toEqual(await api.corpus.events(f));
    }
    const all = await api.caller.events.list();
    expect(all.length).toBeGreaterThan(0);
  });

  it("validates filters with the shared schemas", async () => {
    expect(await codeOf(api.caller.events.list({ limit: 0 }))).toBe("BAD_REQUEST");
    expect(await codeOf(api.caller.events.list({ from: "May 2024" }))).toBe("BAD_REQUEST");
    expect(await codeOf(api.caller.events.list({ type: "PARTY" as never }))).toBe("BAD_REQUEST");
  });

  it("gets one event with its review history, and 404s an unknown one", async () => {
    const [first] = await api.caller.events.list({ limit: 1 });
    const r = await api.caller.events.get({ id: first!.id });
    expect(r.event).toEqual(first);
    expect(r.reviews).toEqual([]);
    expect(await codeOf(api.caller.events.get({ id: "nope:0:0" }))).toBe("NOT_FOUND");
  });

  it("returns an article with its analysis; lists without text", async () => {
    const [meta] = await api.caller.articles.list({ outlet: "Test Wire", limit: 1 });
    expect(meta).toBeDefined();
    expect(meta).not.toHaveProperty("text");
    const article = await api.caller.articles.get({ id: meta!.id });
    expect(article.analysis.article.text).toContain(meta!.title!);
    expect(article.analysis.events.length).toBeGreaterThan(0);
    expect(await codeOf(api.caller.articles.get({ id: "missing" }))).toBe("NOT_FOUND");
  });

  it("lists actors and builds an actor page", async () => {
    const actors = await api.caller.actors.list({ limit: 50 });
    const hamas = actors.find((a) => a.name === "Hamas");
    expect(hamas?.events).toBeGreaterThan(0);
    const page = await api.caller.actors.get({ id: hamas!.id });
    expect(page.actor.id).toBe(hamas!.id);
    expect(page.events.length).toBe(hamas!.events);
    expect(await codeOf(api.caller.actors.get({ id: "no-such-actor" }))).toBe("NOT_FOUND");
  });

  it("serves the store's cross-article views, and a slim timeline with the same totals", async () => {
    expect(await api.caller.model.timeline({ granularity: "week" })).toEqual(
      await api.corpus.timeline({ granularity: "week" }),
    );
    const full = await api.caller.model.timeline({});
    const chart = await api.caller.model.timelineChart({});
    expect(chart.buckets.map((b) => [b.key, b.occurred.total, b.planned.total])).toEqual(
      full.buckets.map((b) => [b.key, b.occurred.total, b.planned.total]),
    );
    expect(await api.caller.model.stances({})).toEqual(await api.corpus.stances({}));
    expect(await api.caller.model.issues({})).toEqual(await api.corpus.issues({}));
    expect(await api.caller.model.sources({})).toEqual(await api.corpus.sources({}));
    expect((await api.caller.clusters.list({})).length).toBeGreaterThan(0);
    const net = await api.caller.actors.network({});
    expect(net.nodes.length).toBeGreaterThan(0);
    expect(net.edges.every((e) => net.nodes.some((n) => n.id === e.source))).toBe(true);
    // Counted from the database's groups, the network equals one built event by event.
    const all = await api.corpus.events({ limit: 10_000 });
    const byEvent = actorNetwork(asGroups(all), await api.corpus.actors({ limit: 10_000 }));
    const strip = (n: typeof byEvent) => ({ nodes: n.nodes, edges: n.edges.map(({ sample: _s, ...e }) => e) });
    expect(strip({ nodes: net.nodes, edges: net.edges })).toEqual(
      strip({ nodes: byEvent.nodes.slice(0, 150), edges: byEvent.edges.slice(0, 600) }),
    );
    const ids = new Set(all.map((e) => e.id));
    for (const e of net.edges) expect(e.sample.every((id) => ids.has(id))).toBe(true);
    const mediated = await api.caller.actors.network({ type: "MEET" });
    expect(mediated.totals.nodes).toBeLessThanOrEqual(net.totals.nodes);
    const places = await api.caller.events.places({});
    expect(places.places.reduce((n, p) => n + p.events, 0) + places.unplaced).toBe(
      (await api.corpus.events({ limit: 10_000 })).length,
    );
  });

  it("lists claims", async () => {
    const claims = await api.caller.claims.list({});
    expect(claims).toEqual(await api.corpus.claims({}));
  });

  it("searches events, articles and actors", async () => {
    const r = await api.caller.corpus.search({ q: "Geneva" });
    expect(r.articles.map((a) => a.title)).toContain("Envoys meet in Geneva as pressure builds for a truce");
    expect(r.articles[0]).not.toHaveProperty("text");
    expect(await codeOf(api.caller.corpus.search({ q: "  " }))).toBe("BAD_REQUEST");
  });
});

describe("review", () => {
  it("verifies, corrects and rejects events; the export carries the reviews", async () => {
    const events = await api.caller.events.list({ limit: 100 });
    expect(events.length).toBeGreaterThanOrEqual(3);
    const [a, b, c] = events as [(typeof events)[0], (typeof events)[0], (typeof events)[0]];

    const v = await api.caller.review.submit({ eventId: a.id, review: { action: "verify", author: "ana" } });
    expect(v).toMatchObject({ action: "verify", author: "ana", eventId: a.id });
    expect((await api.caller.events.get({ id: a.id })).event.reviewState).toBe("verified");

    await api.caller.review.submit({
      eventId: b.id,
      review: { action: "correct", author: "ben", changes: { status: "planned" }, note: "future tense" },
    });
    const corrected = await api.caller.events.get({ id: b.id });
    expect(corrected.event).toMatchObject({ status: "planned", reviewState: "corrected" });
    expect(corrected.reviews.map((r) => r.author)).toEqual(["ben"]);

    await api.caller.review.submit({ eventId: c.id, review: { action: "reject", author: "ana" } });
    const after = await api.caller.events.list({ limit: 100 });
    expect(after.map((e) => e.id)).not.toContain(c.id);
    expect((await api.caller.events.list({ limit: 100, includeRejected: true })).map((e) => e.id)).toContain(c.id);

    expect((await api.caller.review.list({ author: "ana" })).map((r) => r.action)).toEqual(["verify", "reject"]);
    const exported = await api.caller.corpus.export();
    expect(exported.reviews.map((r) => r.eventId).sort()).toEqual([a.id, b.id, c.id].sort());
  });

  it("maps the store's domain errors to tRPC codes", async () => {
    expect(
      await codeOf(api.caller.review.submit({ eventId: "nope:1:1", review: { action: "verify", author: "x" } })),
    ).toBe("NOT_FOUND");
    const [e] = await api.caller.events.list({ limit: 1 });
    expect(
      await codeOf(
        api.caller.review.submit({
          eventId: e!.id,
          review: { action: "correct", author: "x", changes: { source: ["no-such-actor"] } },
        }),
      ),
    ).toBe("BAD_REQUEST");
    // A correction without changes is refused by the shared schema.
    expect(await codeOf(api.caller.review.submit({ eventId: e!.id, review: { action: "correct", author: "x" } }))).toBe(
      "BAD_REQUEST",
    );
  });
});

describe("cache", () => {
  it("answers repeated queries from the cache and clears it on every write", async () => {
    const cache = new QueryCache();
    const caller = createCallerFactory(appRouter)(createTRPCContext({ corpus: api.corpus, cache }));
    const before = await caller.corpus.stats();
    expect(cache.size).toBe(1);
    expect(await caller.corpus.stats()).toBe(before);
    const [e] = await caller.events.list({ limit: 1, outlet: "Test Herald" });
    expect(cache.size).toBe(2);
    await caller.review.submit({ eventId: e!.id, review: { action: "verify", author: "cache" } });
    expect(cache.size).toBe(0);
    const after = await caller.corpus.stats();
    expect(after.reviews).toBe(before.reviews + 1);
    expect((await caller.events.get({ id: e!.id })).event.reviewState).toBe("verified");
  });

  it("does not keep failures", async () => {
    const cache = new QueryCache();
    const caller = createCallerFactory(appRouter)(createTRPCContext({ corpus: api.corpus, cache }));
    await expect(caller.articles.get({ id: "missing" })).rejects.toThrow();
    expect(cache.size).toBe(0);
  });
});

describe("errors", () => {
  const failing = (err: unknown) =>
    ({
      stats: async () => {
        throw err;
      },
    }) as unknown as Corpus;

  it("maps each StoreError code in one function", () => {
    const cases: [StoreError, string, boolean][] = [
      [new StoreError("NOT_FOUND", "no such event"), "NOT_FOUND", true],
      [new StoreError("INVALID", "bad filter"), "BAD_REQUEST", true],
      [new StoreError("LOCKED", "held by 42"), "CONFLICT", true],
      [new StoreError("MIGRATION_FAILED", "relation x at /srv/db"), "INTERNAL_SERVER_ERROR", false],
      [new StoreError("CONFIG", "DATABASE_URL=postgres://u:pw@h"), "INTERNAL_SERVER_ERROR", false],
    ];
    for (const [err, code, keepsMessage] of cases) {
      let thrown: unknown;
      try {
        toTRPCError(err);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(TRPCError);
      expect((thrown as TRPCError).code).toBe(code);
      expect((thrown as TRPCError).message).toBe(keepsMessage ? err.message : INTERNAL_MESSAGE);
    }
  });

  it("turns an unknown error into a bare INTERNAL_SERVER_ERROR through createCaller", async () => {
    const caller = createCallerFactory(appRouter)(
      createTRPCContext({ corpus: failing(new Error("ENOENT /var/secret/pgdata")) }),
    );
    const err = await caller.corpus.stats().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TRPCError);
    expect((err as TRPCError).code).toBe("INTERNAL_SERVER_ERROR");
    expect((err as TRPCError).message).toBe(INTERNAL_MESSAGE);
  });

  it("sends no internal message or stack over HTTP", async () => {
    for (const err of [new Error("ENOENT /var/secret/pgdata"), new StoreError("CONFIG", "postgres://u:secret@h")]) {
      const res = await fetchRequestHandler({
        endpoint: "/api/trpc",
        req: new Request("http://localhost/api/trpc/corpus.stats"),
        router: appRouter,
        createContext: () => createTRPCContext({ corpus: failing(err) }),
      });
      expect(res.status).toBe(500);
      const body = await res.text();
      expect(body).toContain(INTERNAL_MESSAGE);
      expect(body).not.toMatch(/secret|stack|ENOENT|at .*\.ts/);
    }
    const res = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request("http://localhost/api/trpc/corpus.stats"),
      router: appRouter,
      createContext: () => createTRPCContext({ corpus: failing(new StoreError("NOT_FOUND", "No event e1.")) }),
    });
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("No event e1.");
  });
});

// Last: it ingests articles of its own.
describe("claims chart", () => {
  it("sends the claims chart in columns that give back every point of the claim series", async () => {
    // Figures written for this test, two outlets apart on one count.
    for (const [outlet, killed] of [
      ["Test Wire", "120"],
      ["Test Herald", "310"],
    ]) {
      await api.caller.ingest.text({
        text: `Strikes hit Rafah\n\nAt least ${killed} people were killed in Rafah on Monday, the health ministry said. About 40,000 people were displaced from the city.`,
        outlet,
        published: "2024-05-21",
      });
    }
    const chart = await api.caller.model.claimsChart({});
    const full = await api.corpus.claimSeries({});
    expect(full.series.flatMap((s) => s.points).length).toBeGreaterThan(0);
    const decoded = chart.series.map((s) => ({
      kind: s.kind,
      subject: s.subject,
      label: s.label,
      points: s.date.map((date, i) => ({ date, value: s.value[i], outlet: chart.outlets[s.outlet[i]!] })),
    }));
    expect(decoded).toEqual(
      full.series.map((s) => ({
        kind: s.kind,
        subject: s.subject,
        label: s.label,
        points: s.points.map((p) => ({ date: p.date, value: p.value, outlet: p.outlet })),
      })),
    );
    expect(chart.disagreementCount).toBe(full.disagreements.length);
  });
});

describe("actorNetwork", () => {
  it("counts a group of alike events as many events", () => {
    const one = { type: "MEET" as const, source: ["egypt"], target: ["hamas"], mediators: ["qatar"] };
    const events = [1, 2, 3].map((i) => ({ ...one, count: 1, sample: [`a:${i}`] }));
    const grouped = actorNetwork([{ ...one, count: 3, sample: ["a:1", "a:2", "a:3"] }], []);
    expect(grouped).toEqual(actorNetwork(events, []));
    expect(grouped.nodes.map((n) => [n.id, n.events])).toEqual([
      ["egypt", 3],
      ["hamas", 3],
      ["qatar", 3],
    ]);
    expect(grouped.edges).toEqual([
      { source: "egypt", target: "hamas", relation: "meeting", count: 3, sample: ["a:1", "a:2", "a:3"] },
    ]);
  });
});

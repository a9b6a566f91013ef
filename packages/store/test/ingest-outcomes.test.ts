import { articleId } from "@parley/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Corpus, IngestItem, ItemOutcome } from "../src";
import { openPgliteTest, type TestDb } from "./drivers";
import { ARTICLES, fakeAnalyze } from "./fixtures";

/** The per-item hooks queue workers build on: outcomes per item, a shared analyzer, deferred re-clustering. */
describe("ingest outcomes per item", () => {
  let t: TestDb;
  let c: Corpus;
  beforeAll(async () => {
    t = await openPgliteTest();
    c = t.corpus;
  }, 60_000);
  afterAll(async () => {
    await t?.cleanup();
  });

  it("reports what became of each item, by the item given", async () => {
    const bad: IngestItem = { text: "   ", file: "blank.txt" };
    const items = [...ARTICLES, bad, ARTICLES[0]!];
    const seen = new Map<IngestItem, ItemOutcome[]>();
    const s = await c.ingest(items, {
      analyze: (i) => fakeAnalyze(i),
      recluster: false,
      onItem: (item, o) => seen.set(item, [...(seen.get(item) ?? []), o]),
    });
    expect(s.inserted).toBe(ARTICLES.length);
    expect(s.clusters).toEqual({ buckets: 0, events: 0, clusters: 0, ms: 0 });
    for (const a of ARTICLES.slice(1)) {
      expect(seen.get(a)).toEqual([
        { status: "inserted", articleId: articleId(a.text), events: fakeAnalyze(a).events.length },
      ]);
    }
    // The first article appears twice: stored once, then a duplicate of itself.
    expect(
      seen
        .get(ARTICLES[0]!)
        ?.map((o) => o.status)
        .sort(),
    ).toEqual(["duplicate", "inserted"]);
    expect(seen.get(bad)).toEqual([{ status: "failed", message: "empty article text" }]);
    // Deferred re-clustering, then done for these articles only.
    expect((await c.clusters({ limit: 1000 })).length).toBe(0);
    const r = await c.recluster(ARTICLES.map((a) => articleId(a.text)));
    expect(r.events).toBeGreaterThan(0);
    expect((await c.clusters({ limit: 1000 })).length).toBe(r.clusters);
  });

  it("re-clusters in small steps to the same clusters as the whole corpus", async () => {
    const more: IngestItem[] = [
      { text: "Qatar hosted talks between Hamas and Israel in Doha on Tuesday.", published: "2024-02-06" },
      { text: "Hamas and Israel held talks in Doha on Tuesday, Qatari officials said.", published: "2024-02-07" },
      { text: "Egyptian mediators met a Hamas delegation in Cairo on Monday.", published: "2024-02-05" },
      { text: "Norway hosted a round of talks in Oslo between Russia and Ukraine." },
    ];
    const ids: string[] = [];
    await c.ingest(more, {
      jobs: 0,
      recluster: false,
      onItem: (_i, o) => (o.status === "inserted" ? ids.push(o.articleId) : 0),
    });
    const stepped = await c.recluster(ids, { eventBudget: 1 });
    expect(stepped.events).toBeGreaterThan(0);
    const byStep = (await c.clusters({ limit: 1000 })).map((x) => [x.id, x.eventIds]);
    await c.recluster();
    expect((await c.clusters({ limit: 1000 })).map((x) => [x.id, x.eventIds])).toEqual(byStep);
  }, 60_000);

  it("shares one analyzer between calls and leaves it open", async () => {
    const analyzer = c.createAnalyzer({ jobs: 1 });
    try {
      const one = await c.ingest([{ text: "Qatar urged Hamas and Israel to accept the truce." }], { analyzer });
      const two = await c.ingest([{ text: "Egyptian mediators met a Hamas delegation in Cairo." }], { analyzer });
      expect([one.inserted, two.inserted]).toEqual([1, 1]);
      expect(two.events).toBeGreaterThan(0);
    } finally {
      await analyzer.close();
    }
  }, 60_000);
});

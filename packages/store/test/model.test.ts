import type { ArticleInput } from "@parley/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLUSTER_METHOD, type Corpus, type IngestItem } from "../src";
import { DRIVERS, type TestDb } from "./drivers";
import { ARTICLES, fakeAnalyze } from "./fixtures";

const analyze = (i: ArticleInput) => fakeAnalyze(i, "test-1");

/** A second outlet reporting the Cairo meeting the same day, and Hamas proposing what Israel rejects. */
const MORE: IngestItem[] = [
  {
    file: "cairo-2.txt",
    title: "Talks in Cairo",
    outlet: "Example Times",
    published: "2024-02-05",
    text: "Talks in Cairo\n\nEgyptian officials met Hamas leaders in Cairo on Monday. Hamas proposed a permanent ceasefire.",
  },
  {
    file: "later.txt",
    title: "Later talks",
    outlet: "Third Post",
    published: "2024-02-20",
    text: "Later talks\n\nEgypt met Israel again.",
  },
];

describe.each(DRIVERS)("cross-article model on $name", ({ name, open, skip }) => {
  let t: TestDb;
  let c: Corpus;
  beforeAll(async () => {
    if (skip) return;
    t = await open();
    c = t.corpus;
    await c.ingest([...ARTICLES, ...MORE], { analyze });
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  describe.skipIf(skip)(name, () => {
    it("persists clusters at ingest: one Cairo meeting reported by two outlets", async () => {
      const meets = await c.clusters({ type: "MEET", from: "2024-02", to: "2024-02" });
      const cairo = meets.find((m) => m.date === "2024-02-05")!;
      expect(cairo).toBeDefined();
      expect(cairo.method).toBe(CLUSTER_METHOD);
      expect(cairo.outlets).toEqual(["Example Times", "Test Wire"]);
      expect(cairo).toMatchObject({ articleCount: 2, outletCount: 2, placeId: "cairo" });
      expect(cairo.actors).toEqual(["egypt", "hamas"]);
      expect(cairo.members).toHaveLength(2);
      expect(cairo.firstReport.published).toBe("2024-02-05");
      // a different day is a different cluster
      expect(meets.find((m) => m.date === "2024-02-20")).toMatchObject({ articleCount: 1, outletCount: 1 });
      expect(await c.clusters({ minOutlets: 2 })).toEqual([cairo]);
      expect((await c.clusters({ actor: "Israel", type: "MEET" })).map((m) => m.date)).toEqual(["2024-02-20"]);
      expect((await c.clusters({ outlet: "example times", type: "MEET" })).map((m) => m.id)).toEqual([cairo.id]);
      expect(await c.clusters({ text: "Egyptian officials", type: "MEET" })).toHaveLength(1);
      expect(await c.clusters({ issue: "prisoners" })).toHaveLength(1);
      expect(await c.clusters({ from: "2025" })).toEqual([]);
    });

    it("keeps clusters in step with reviews, re-analysis and a second ingest", async () => {
      const all = await c.clusters({ limit: 1000 });
      const events = all.reduce((n, x) => n + x.eventIds.length, 0);
      expect(events).toBe((await c.stats()).events);
      const again = await c.ingest(MORE, { analyze });
      expect(again.inserted).toBe(0);
      expect(await c.clusters({ limit: 1000 })).toEqual(all);
      // rejecting one report of the Cairo meeting leaves it with one outlet
      const [meet] = await c.events({ type: "MEET", outlet: "Example Times" });
      await c.review(meet!.id, { action: "reject", author: "analyst" });
      expect(await c.clusters({ minOutlets: 2 })).toEqual([]);
      // the rejected report leaves its cluster (which remains, with the other report) and is not re-clustered
      expect(await c.recluster()).toMatchObject({ clusters: all.length, events: events - 1 });
      // re-analysis of one article restores nothing it should not: the review still applies
      await c.reanalyze({ articleIds: [meet!.articleId], analyze });
      expect(await c.clusters({ minOutlets: 2 })).toEqual([]);
      expect((await c.clusters({ limit: 1000 })).length).toBe(all.length);
    });

    it("computes stances, the stance matrix and sticking points", async () => {
      const s = await c.stances();
      expect(s.matrix.cells.israel?.ceasefire?.stance).toBe("rejects");
      expect(s.matrix.cells.hamas?.ceasefire?.stance).toBe("proposes");
      expect(s.matrix.cells.qatar?.hostages?.stance).toBe("urges");
      const cf = s.stickingPoints.find((p) => p.issue === "ceasefire")!;
      expect(cf.actors).toEqual(["hamas", "israel"]);
      expect(cf.conflicts[0]).toMatchObject({ kind: "opposed", for: { actor: "hamas" }, against: { actor: "israel" } });
      expect(s.actors.israel).toBe("Israel");
      // the filter narrows the events read: without Hamas's proposal there is no conflict
      const wire = await c.stances({ outlet: "Test Wire" });
      expect(wire.stickingPoints).toEqual([]);
      expect(wire.histories.map((h) => h.actor)).not.toContain("hamas");
    });

    it("builds roles, timeline, claim series, outlet profiles and issue counts from the filtered data", async () => {
      const roles = await c.roles();
      expect(roles.tracks.length).toBeGreaterThan(0);
      expect(roles.roles.some((r) => r.actor === "israel" && r.role === "party")).toBe(true);

      const tl = await c.timeline({ granularity: "month" });
      expect(tl.buckets.map((b) => b.key)).toEqual(["2023-11", "2024-02", "2024-03"]);
      const feb = tl.buckets[1]!;
      expect(feb.occurred.byType.MEET).toBe(2); // one Cairo report is rejected
      const tlHamas = await c.timeline({ granularity: "day", actor: "Hamas" });
      expect(tlHamas.buckets.every((b) => (b.occurred.byActor.hamas ?? 0) > 0)).toBe(true);

      const claims = await c.claimSeries();
      expect(claims.series.map((x) => x.kind).sort()).toEqual(["displaced", "killed"]);
      expect(claims.disagreements).toEqual([]);

      const sources = await c.sources();
      // by article count, then name
      expect(sources.map((x) => x.outlet)).toEqual(["Example Times", "Test Wire", "Third Post"]);
      expect(sources[0]!.articleCount).toBe(2);
      expect(sources[0]!.wordCount).toBeGreaterThan(20);
      expect((await c.sources({ outlet: "third post" })).map((x) => x.outlet)).toEqual(["Third Post"]);

      const issues = await c.issues();
      expect(issues[0]).toMatchObject({ issue: "ceasefire" });
      expect(issues.find((i) => i.issue === "ceasefire.permanent")).toMatchObject({ events: 2, outlets: 2 });
      expect((await c.issues({ issue: "hostages" })).map((i) => i.issue)).toEqual(["hostages.release"]);
    });

    it("exports clusters and imports them with nothing lost", async () => {
      const dump = await c.exportAll();
      expect(dump.clusters.length).toBe((await c.clusters({ limit: 1000 })).length);
      const other = await open();
      try {
        await other.corpus.importAll(JSON.parse(JSON.stringify(dump)));
        const back = await other.corpus.exportAll();
        expect({ ...back, exportedAt: "" }).toEqual({ ...dump, exportedAt: "" });
        expect(await other.corpus.clusters({ limit: 1000 })).toEqual(await c.clusters({ limit: 1000 }));
      } finally {
        await other.cleanup();
      }
    });
  });
});

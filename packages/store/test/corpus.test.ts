import { articleId } from "@parley/core";
import type { Analysis, ArticleInput } from "@parley/schema";
import { getTableConfig } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Corpus, StoreError } from "../src";
import { tables } from "../src/db/schema";
import { DRIVERS, type TestDb } from "./drivers";
import { ARTICLES, fakeAnalyze } from "./fixtures";

const v1 = (i: ArticleInput) => fakeAnalyze(i, "test-1");
const v2 = (i: ArticleInput) => fakeAnalyze(i, "test-2");

describe.each(DRIVERS)("corpus on $name", ({ name, open, skip }) => {
  let t: TestDb;
  let c: Corpus;
  beforeAll(async () => {
    if (skip) return;
    t = await open();
    c = t.corpus;
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  describe.skipIf(skip)(name, () => {
    it("migrates on first use and reports status", async () => {
      expect(c.driver).toBe(name);
      expect(await c.migrate()).toEqual([]);
      const s = await c.status();
      expect(s.applied.map((m) => m.id)).toEqual([
        "0001_init",
        "0002_clusters",
        "0003_timeline_counts",
        "0004_stance_records",
        "0005_recluster_pending",
        "0009_event_facts",
        "0011_event_sort_date",
      ]);
      expect(s.pending).toEqual([]);
      expect(s.counts.articles).toBe(0);
    });

    it("has every column the drizzle schema declares", async () => {
      for (const table of Object.values(tables)) {
        const cfg = getTableConfig(table);
        const cols = cfg.columns.map((col) => col.name);
        // selecting every declared column fails if one is missing
        const { sql } = await import("drizzle-orm");
        const res = (await (c as unknown as { db: { execute(q: unknown): Promise<unknown> } }).db.execute(
          sql.raw(`SELECT ${cols.map((x) => `"${x}"`).join(", ")} FROM "${cfg.name}" LIMIT 0`),
        )) as {
          rows: unknown[];
        };
        expect(res.rows).toEqual([]);
      }
    });

    it("ingests once: the same articles twice, and a duplicate within a batch, add nothing", async () => {
      const first = await c.ingest([...ARTICLES, ARTICLES[0]!], { analyze: v1 });
      expect(first).toMatchObject({ total: 4, inserted: 3, duplicates: 1, failed: 0, events: 8, claims: 2 });
      const before = await c.stats();
      const again = await c.ingest(ARTICLES, { analyze: v1 });
      expect(again).toMatchObject({ total: 3, inserted: 0, duplicates: 3, failed: 0 });
      expect(await c.stats()).toEqual(before);
      expect(before).toMatchObject({ articles: 3, events: 8, actors: 5, claims: 2, outlets: 2 });
    });

    it("writes an article with all its analysis or not at all", async () => {
      const text = "Broken article\n\nEgypt met Hamas in Cairo. Qatar urged calm.";
      const broken = (i: ArticleInput): Analysis => {
        const a = fakeAnalyze(i);
        // the second event refers to an actor the analysis does not carry: the insert fails midway
        if (a.events.length > 1) a.events[1] = { ...a.events[1]!, target: ["nobody-known"] };
        return a;
      };
      const good = { text: "Good article\n\nIsrael rejected the plan.", title: "Good", file: "good.txt" };
      const r = await c.ingest([{ text, file: "broken.txt", line: 3 }, good], { analyze: broken });
      expect(r.inserted).toBe(1);
      expect(r.failed).toBe(1);
      expect(r.errors[0]).toMatchObject({ file: "broken.txt", line: 3 });
      expect(r.errors[0]!.message).toMatch(/not stored/);
      const id = articleId(text);
      expect(await c.article(id)).toBeNull();
      expect(await c.events({ articleId: id, includeRejected: true })).toEqual([]);
      const after = await c.stats();
      expect(after.articles).toBe(4);
      expect(after.mentions).toBe(14 + 1);
    });

    it("reports bad items as values and goes on", async () => {
      const r = await c.ingest(
        [
          { text: "   ", file: "blank.txt" },
          { text: 42 as unknown as string, file: "num.json" },
        ],
        { analyze: v1 },
      );
      expect(r).toMatchObject({ total: 2, inserted: 0, failed: 2 });
      expect(r.errors.map((e) => e.file)).toEqual(["blank.txt", "num.json"]);
    });

    it("filters events", async () => {
      const ids = (evs: { type: string; articleId: string }[]) => evs.map((e) => e.type).sort();
      expect(ids(await c.events({ actor: "hamas" }))).toEqual(["MEET", "PROPOSE", "REJECT"]);
      expect(ids(await c.events({ actor: "Egyptian" }))).toEqual(["MEET", "MEET"]);
      expect(ids(await c.events({ actor: "Hamas", role: "source" }))).toEqual(["REJECT"]);
      expect(ids(await c.events({ type: "REJECT" }))).toEqual(["REJECT", "REJECT", "REJECT"]);
      expect(ids(await c.events({ type: ["MEET", "TRAVEL"] }))).toEqual(["MEET", "MEET", "TRAVEL"]);
      expect(ids(await c.events({ issue: "ceasefire" }))).toEqual(["MEET", "REJECT"]);
      expect(ids(await c.events({ issue: "ceasefire.permanent" }))).toEqual(["REJECT"]);
      expect(await c.events({ issue: "cease" })).toEqual([]);
      expect(await c.events({ issue: "humanitarian_crossings" })).toEqual([]);
      expect(ids(await c.events({ outlet: "example times" }))).toEqual(["PROPOSE", "REJECT", "TRAVEL"]);
      expect(ids(await c.events({ from: "2024-03" }))).toEqual(["PROPOSE", "REJECT", "TRAVEL"]);
      expect(ids(await c.events({ to: "2023" }))).toEqual(["APPEAL", "MEET"]);
      expect(ids(await c.events({ from: "2024-02-05", to: "2024-02-05" }))).toEqual(["APPEAL", "MEET", "REJECT"]);
      // the "Good article" has no date: a range leaves it out
      expect((await c.events({ from: "2000" })).length).toBe(8);
      expect(ids(await c.events({ text: "timetable" }))).toEqual(["REJECT"]);
      expect(ids(await c.events({ text: "convoy" }))).toEqual(["APPEAL"]);
      expect(ids(await c.events({ text: '"permanent ceasefire" -hostages' }))).toEqual(["REJECT"]);
      expect(await c.events({ status: "planned" })).toEqual([]);
      const page1 = await c.events({ limit: 4 });
      const page2 = await c.events({ limit: 4, offset: 4 });
      expect(page1).toHaveLength(4);
      expect(page2.map((e) => e.id)).not.toContain(page1[0]!.id);
      expect((await c.events({ limit: 100 })).length).toBe(9);
      const [first] = await c.events({ type: "MEET", outlet: "Test Wire", from: "2024" });
      expect(first).toMatchObject({
        source: ["egypt"],
        target: ["hamas"],
        issues: ["ceasefire"],
        location: { name: "Cairo", placeId: "cairo", lat: 30.04, lon: 31.24 },
        date: { value: "2024-02-05", precision: "day" },
        article: { outlet: "Test Wire", published: "2024-02-05", url: "https://example.test/cairo" },
      });
    });

    it("rejects invalid filters with a StoreError", async () => {
      await expect(c.events({ from: "March" })).rejects.toBeInstanceOf(StoreError);
      await expect(c.events({ limit: 0 })).rejects.toMatchObject({ code: "INVALID" });
    });

    it("filters articles, actors and claims", async () => {
      const titles = (as: { title: string | null }[]) => as.map((a) => a.title);
      expect(titles(await c.articles({ outlet: "Test Wire" }))).toEqual([
        "Aid convoy talks",
        "Egypt hosts ceasefire talks",
      ]);
      expect(titles(await c.articles({ actor: "qatar", type: "PROPOSE" }))).toEqual([
        "Qatar proposes prisoner exchange",
      ]);
      expect(titles(await c.articles({ text: "Rafah" }))).toEqual(["Aid convoy talks"]);
      expect(titles(await c.articles({ from: "2024" }))).toEqual([
        "Egypt hosts ceasefire talks",
        "Qatar proposes prisoner exchange",
      ]);
      const a = await c.article(articleId(ARTICLES[0]!.text));
      expect(a?.analysis.events.map((e) => e.type)).toEqual(["MEET", "REJECT", "APPEAL"]);
      expect(a?.analysis.sentences.length).toBeGreaterThan(0);
      expect(a?.file).toBe("cairo.txt");

      const all = await c.actors();
      expect(all.map((x) => x.id).sort()).toEqual(["egypt", "hamas", "israel", "qatar", "usa"]);
      expect((await c.actors({ name: "wash" })).map((x) => x.id)).toEqual(["usa"]);
      const ceasefire = await c.actors({ issue: "ceasefire" });
      expect(ceasefire.map((x) => x.id).sort()).toEqual(["egypt", "hamas", "israel"]);
      expect(ceasefire.find((x) => x.id === "egypt")?.events).toBe(1);

      const claims = await c.claims({});
      expect(claims.map((x) => x.kind)).toEqual(["displaced", "killed"]);
      expect((await c.claims({ kind: "killed" }))[0]).toMatchObject({ value: 40, qualifier: "at_least" });
      expect(await c.claims({ from: "2024", kind: "displaced" })).toEqual([]);
      expect((await c.claims({ text: "strikes" })).map((x) => x.kind)).toEqual(["killed"]);
    });

    it("keeps reviews across re-analysis and re-applies them by the stable event key", async () => {
      const [meet] = await c.events({ type: "MEET", outlet: "Test Wire", from: "2024" });
      const [appeal] = await c.events({ type: "APPEAL", from: "2024" });
      const [reject] = await c.events({ type: "REJECT", outlet: "Example Times" });
      await expect(c.review("no-such-event", { action: "verify", author: "ana" })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      await expect(c.review(meet!.id, { action: "correct", author: "ana" })).rejects.toMatchObject({ code: "INVALID" });
      await expect(
        c.review(meet!.id, { action: "correct", changes: { source: ["ghost"] }, author: "ana" }),
      ).rejects.toMatchObject({ code: "INVALID" });

      const r1 = await c.review(meet!.id, {
        action: "correct",
        changes: { type: "MEDIATE", mediators: ["egypt"], source: ["hamas"], target: ["israel"], issues: ["hostages"] },
        author: "ana",
        note: "Egypt mediates",
      });
      expect(r1).toMatchObject({ action: "correct", eventType: "MEET", author: "ana" });
      await c.review(reject!.id, { action: "reject", author: "ben" });
      await c.review(appeal!.id, { action: "verify", author: "ben" });

      const corrected = (await c.events({ type: "MEDIATE" }))[0]!;
      expect(corrected).toMatchObject({
        id: meet!.id,
        source: ["hamas"],
        mediators: ["egypt"],
        reviewState: "corrected",
      });
      expect((await c.events({ actor: "egypt", role: "mediator" })).map((e) => e.id)).toEqual([meet!.id]);
      expect((await c.events({ issue: "hostages" })).map((e) => e.id)).toContain(meet!.id);
      expect((await c.events({ type: "REJECT", outlet: "Example Times" })).length).toBe(0);
      expect((await c.events({ type: "REJECT", outlet: "Example Times", includeRejected: true }))[0]?.reviewState).toBe(
        "rejected",
      );

      const r = await c.reanalyze({ analyze: v2 });
      expect(r).toMatchObject({ total: 4, reanalyzed: 4, failed: 0, reviewsApplied: 2, orphanedReviews: 1 });
      expect((await c.stats()).extractorVersions).toEqual({ "test-2": 4 });
      const again = (await c.events({ type: "MEDIATE" }))[0]!;
      expect(again).toMatchObject({
        source: ["hamas"],
        mediators: ["egypt"],
        reviewState: "corrected",
        confidence: 0.6,
      });
      expect(again.extractorVersion).toBe("test-2");
      expect((await c.events({ type: "REJECT", outlet: "Example Times" })).length).toBe(0);
      expect(await c.events({ type: "APPEAL" })).toEqual([]); // v2 drops appeals; the review is kept
      expect((await c.reviews()).map((x) => x.action)).toEqual(["correct", "reject", "verify"]);
      expect((await c.reviews({ author: "ben" })).length).toBe(2);
      expect((await c.check()).checks.filter((x) => x.problems > 0)).toEqual([]);

      // back to v1: the verified appeal returns and its review applies again
      const back = await c.reanalyze({ analyze: v1, articleIds: [appeal!.articleId] });
      expect(back).toMatchObject({ reanalyzed: 1, orphanedReviews: 0 });
      expect((await c.events({ type: "APPEAL", from: "2024" }))[0]?.reviewState).toBe("verified");
      expect((await c.check()).checks.filter((x) => x.problems > 0)).toEqual([]);
    });

    it("exports and imports the whole corpus without loss", async () => {
      const dump = await c.exportAll();
      expect(dump.articles).toHaveLength(4);
      expect(dump.reviews).toHaveLength(3);
      // the export holds machine output; corrections travel as reviews
      const meetArticle = dump.articles.find((a) => a.file === "cairo.txt")!;
      expect(meetArticle.analysis.events[0]!.type).toBe("MEET");
      const other = await open();
      try {
        const s = await other.corpus.importAll(JSON.parse(JSON.stringify(dump)));
        expect(s).toMatchObject({ articles: 4, duplicates: 0, reviews: 3 });
        const back = await other.corpus.exportAll();
        expect({ ...back, exportedAt: "" }).toEqual({ ...dump, exportedAt: "" });
        expect(await other.corpus.events({ includeRejected: true })).toEqual(await c.events({ includeRejected: true }));
        expect(await other.corpus.stats()).toEqual(await c.stats());
        expect((await other.corpus.check()).checks.filter((x) => x.problems > 0)).toEqual([]);
        // importing again adds nothing
        expect(await other.corpus.importAll(dump)).toMatchObject({ articles: 0, duplicates: 4, reviews: 0 });
      } finally {
        await other.cleanup();
      }
      await expect(c.importAll({ format: "nope" })).rejects.toMatchObject({ code: "INVALID" });
    });
  });
});

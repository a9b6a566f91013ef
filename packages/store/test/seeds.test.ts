import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { EXTRACTOR_VERSION } from "@parley/core";
import type { Analysis, ArticleInput } from "@parley/schema";
import { describe, expect, it } from "vitest";
import {
  articlesOf,
  buildCorpusView,
  buildTimeline,
  clusterEvents,
  type IngestItem,
  type ItemError,
  readInputs,
  stanceHistories,
  stanceMatrix,
  stickingPoints,
} from "../src";
import { DRIVERS } from "./drivers";
import { fakeAnalyze } from "./fixtures";

const SEEDS = new URL("../../../../shared/corpus/seeds/", import.meta.url).pathname;
const HAVE_SEEDS = existsSync(`${SEEDS}manifest.json`);
if (!HAVE_SEEDS)
  console.warn(
    `[store tests] ${SEEDS} (the shared seed corpus, ../shared/corpus/seeds) is absent: skipping the seed-corpus ingest and cluster tests.`,
  );

describe.skipIf(!HAVE_SEEDS)("ingest of the seed corpus (read at run time, real extractor on workers)", () => {
  describe.each(DRIVERS)("$name", ({ name, open, skip }) => {
    it.skipIf(skip)("reads the files with their manifest and stores every article once", async () => {
      let t0 = performance.now();
      const db = await open();
      const openMs = performance.now() - t0;
      try {
        const readErrors: ItemError[] = [];
        t0 = performance.now();
        const s = await db.corpus.ingest(
          articlesOf(readInputs([SEEDS], { meta: `${SEEDS}manifest.json` }), (e) => readErrors.push(e)),
          { jobs: 2 },
        );
        const ingestMs = performance.now() - t0;
        console.info(
          `[store tests] ${name}: open ${Math.round(openMs)} ms, ingest of ${s.inserted} seed articles ${Math.round(ingestMs)} ms (${s.events} events)`,
        );
        expect(readErrors).toEqual([]);
        expect(s.errors).toEqual([]);
        expect(s).toMatchObject({ total: 5, inserted: 5, failed: 0 });
        const arts = await db.corpus.articles();
        expect(arts.every((a) => a.outlet && a.published && a.extractorVersion === EXTRACTOR_VERSION)).toBe(true);
        expect((await db.corpus.articles({ outlet: "UPI" })).map((a) => a.published)).toEqual(["2024-03-07"]);
        const again = await db.corpus.ingest(
          articlesOf(readInputs([SEEDS], { meta: `${SEEDS}manifest.json` }), () => {}),
          {
            jobs: 2,
          },
        );
        expect(again).toMatchObject({ inserted: 0, duplicates: 5 });

        // The store runs core's cross-article model: the same clusters, stances and timeline as the pure
        // functions over the analyses in memory.
        const analyses: Analysis[] = [];
        for (const a of arts) analyses.push((await db.corpus.article(a.id))!.analysis);
        const view = buildCorpusView(analyses);
        const stored = await db.corpus.clusters({ limit: 10_000 });
        const pure = clusterEvents(view);
        const byId = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : 1);
        expect(stored.map(({ label: _l, method: _m, createdAt: _c, members: _x, ...rest }) => rest).sort(byId)).toEqual(
          [...pure].sort(byId),
        );
        // every event is in exactly one cluster
        const members = stored.flatMap((c) => c.eventIds);
        expect(new Set(members).size).toBe(members.length);
        expect(members.length).toBe(s.events);
        // The Cairo talks of February 2024 are reported by The National and Kayhan International. The
        // extractor dates The National's meetings on 8 February and Kayhan's on 13–14 February; MEET has a
        // 7-day window (a round of talks), so they form one cluster corroborated by both outlets.
        const cairo = await db.corpus.clusters({ type: "MEET", from: "2024-02", to: "2024-02", minOutlets: 2 });
        expect(cairo.length).toBeGreaterThan(0);
        const talks = cairo.find(
          (c) => c.outlets.includes("The National") && c.outlets.includes("Kayhan International"),
        );
        expect(talks, JSON.stringify(cairo.map((c) => [c.label, c.outlets]))).toBeDefined();
        expect(talks!.outletCount).toBeGreaterThanOrEqual(2);
        expect(talks!.date!.startsWith("2024-02")).toBe(true);
        for (const c of await db.corpus.clusters({ limit: 10_000 })) {
          expect(c.outletCount).toBe(c.outlets.length);
          expect(c.articleCount).toBeGreaterThanOrEqual(c.outletCount);
        }

        const st = await db.corpus.stances({ limit: 10_000 });
        const histories = stanceHistories(view);
        expect(st.histories).toEqual(histories);
        expect(st.matrix).toEqual(stanceMatrix(histories));
        expect(st.stickingPoints).toEqual(stickingPoints(histories));
        expect(st.matrix.actors).toContain("org:hamas");
        expect(st.matrix.issues).toContain("ceasefire");
        expect(st.stickingPoints.length).toBeGreaterThan(0);
        for (const p of st.stickingPoints) expect(p.actors.length).toBeGreaterThanOrEqual(2);
        expect(await db.corpus.timeline({ granularity: "week", limit: 10_000 })).toEqual(
          buildTimeline(view, { granularity: "week" }),
        );
      } finally {
        await db.cleanup();
      }
    });
  });
});

/** Reports of one round of Cairo talks across a year boundary (synthetic; events are dated by publication). */
const ROUND: IngestItem[] = [
  ["dec.txt", "Year-end Wire", "2023-12-29", "Egypt met Hamas in Cairo on Friday."],
  ["jan.txt", "New Year Post", "2024-01-02", "Egyptian officials met Hamas in Cairo again."],
  ["jan-late.txt", "New Year Post", "2024-01-20", "Egypt met Hamas in Cairo for a new round."],
].map(([file, outlet, published, text]) => ({ file, outlet, published, title: file, text: `${file}\n\n${text}` }));

describe("partitioned re-clustering equals clustering the whole corpus across a year boundary", () => {
  describe.each(DRIVERS)("$name", ({ open, skip }) => {
    it.skipIf(skip)("closes partitions over a MEET window that crosses into the next year", async () => {
      const db = await open();
      const c = db.corpus;
      const analyze = (i: ArticleInput) => fakeAnalyze(i, "test-1");
      const strip = (xs: Awaited<ReturnType<typeof c.clusters>>) =>
        xs.map(({ createdAt: _c, ...rest }) => rest).sort((x, y) => (x.id < y.id ? -1 : 1));
      try {
        // Ingested one at a time: each ingest re-clusters only the partitions of the new article (MEET|y:2024
        // for the January reports), which must pull in MEET|y:2023.
        for (const item of [ROUND[1]!, ROUND[2]!, ROUND[0]!]) await c.ingest([item], { analyze });
        const partitioned = strip(await c.clusters({ type: "MEET", limit: 1000 }));
        await c.recluster();
        expect(strip(await c.clusters({ type: "MEET", limit: 1000 }))).toEqual(partitioned);
        const crossing = partitioned.find((x) => x.outletCount === 2)!;
        expect(crossing).toMatchObject({
          date: "2023-12-29",
          outlets: ["New Year Post", "Year-end Wire"],
          dateSpan: { min: "2023-12-29", max: "2024-01-02" },
        });
        expect(partitioned).toHaveLength(2);
        // a review that removes the December report re-clusters its partition and the January one it reached
        const [dec] = await c.events({ type: "MEET", outlet: "Year-end Wire" });
        await c.review(dec!.id, { action: "reject", author: "analyst" });
        const afterReview = strip(await c.clusters({ type: "MEET", limit: 1000 }));
        expect(afterReview.map((x) => `${x.dateSpan.min}..${x.dateSpan.max}`).sort()).toEqual([
          "2024-01-02..2024-01-02",
          "2024-01-20..2024-01-20",
        ]);
        await c.recluster();
        expect(strip(await c.clusters({ type: "MEET", limit: 1000 }))).toEqual(afterReview);
        expect(afterReview.flatMap((x) => x.eventIds)).not.toContain(dec!.id);
      } finally {
        await db.cleanup();
      }
    });
  });
});

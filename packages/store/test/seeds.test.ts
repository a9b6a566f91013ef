import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { EXTRACTOR_VERSION } from "@parley/core";
import type { Analysis } from "@parley/schema";
import { describe, expect, it } from "vitest";
import {
  articlesOf,
  buildCorpusView,
  buildTimeline,
  clusterEvents,
  type ItemError,
  readInputs,
  stanceHistories,
  stanceMatrix,
  stickingPoints,
} from "../src";
import { DRIVERS } from "./drivers";

const SEEDS = new URL("../../../../shared/corpus/seeds/", import.meta.url).pathname;
const HAVE_SEEDS = existsSync(`${SEEDS}manifest.json`);
if (!HAVE_SEEDS) console.warn(`[store tests] ${SEEDS} is absent: skipping the seed-corpus ingest test.`);

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
        // extractor dates The National's meetings on 8 February and Kayhan's on 13 February, and clusterEvents
        // only merges dated reports of the same day, so they are distinct clusters — between them, MEET clusters
        // with Egypt in February 2024 come from both outlets.
        const cairo = await db.corpus.clusters({ type: "MEET", actor: "EGY", from: "2024-02", to: "2024-02" });
        expect(new Set(cairo.flatMap((c) => c.outlets))).toEqual(new Set(["The National", "Kayhan International"]));
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

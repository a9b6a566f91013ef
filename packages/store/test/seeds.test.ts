import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { EXTRACTOR_VERSION } from "@parley/core";
import { describe, expect, it } from "vitest";
import { articlesOf, type ItemError, readInputs } from "../src";
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
      } finally {
        await db.cleanup();
      }
    });
  });
});

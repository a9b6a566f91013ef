import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type ExtractedArticle, GoldArticleSchema } from "@parley/schema";
import { describe, expect, it } from "vitest";
import { analyzeArticle } from "../src/analyze";
import { type ScoreSummary, scoreExtraction } from "../src/eval/score";
import { toExtractedArticle } from "../src/export/extracted";

// packages/core/test → repo root → the sibling ../shared checkout with the corpus and gold annotations.
const shared = resolve(dirname(fileURLToPath(import.meta.url)), "../../../../shared");
const present = existsSync(shared);

interface ManifestEntry {
  file: string;
  outlet?: string | null;
  published?: string | null;
}

function scoreSet(set: string): ScoreSummary {
  const corpus = join(shared, "corpus", set);
  const manifest = JSON.parse(readFileSync(join(corpus, "manifest.json"), "utf8")) as ManifestEntry[];
  const meta = new Map(manifest.map((m) => [m.file, m]));
  const predictions: ExtractedArticle[] = readdirSync(corpus)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((file) => {
      const m = meta.get(file);
      const text = readFileSync(join(corpus, file), "utf8");
      return toExtractedArticle(
        analyzeArticle({ text, outlet: m?.outlet ?? null, published: m?.published ?? null }),
        file,
      );
    });
  const goldDir = join(shared, "gold", set);
  const golds = readdirSync(goldDir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const gold = GoldArticleSchema.parse(JSON.parse(readFileSync(join(goldDir, f), "utf8")));
      return { gold, text: readFileSync(join(corpus, gold.article), "utf8") };
    });
  expect(golds.length, `gold annotations in ${goldDir}`).toBeGreaterThan(0);
  return scoreExtraction(golds, predictions).overall;
}

const table = (s: ScoreSummary) =>
  `detection F1 ${s.detection.f1} (P ${s.detection.p} R ${s.detection.r}), strict ${s.tupleStrict.f1}, lenient ${s.tupleLenient.f1}, ` +
  `actors ${s.actors.f1}, claims ${s.claims.f1}, stances ${s.stances.f1}, status ${s.fieldAccuracy.status}, date ${s.fieldAccuracy.date}, ` +
  `events gold ${s.events.gold} predicted ${s.events.predicted} detected ${s.events.detected}`;

/**
 * The quality bar, met on both sets: detection, actors, claims, location, date, status, strict and lenient
 * who-did-what-to-whom. Detection and the strict tuple score have regression floors above their bars (0.80, 0.60), at
 * the lower set's measured score (detection 0.842, strict 0.685 on seeds) minus about 0.02, so a regression shows
 * before the bar is lost. The lenient floor is the bar itself (seeds 0.705, dev 0.718).
 */
const FLOORS = {
  detection: 0.82,
  actors: 0.9,
  claims: 0.85,
  location: 0.8,
  date: 0.8,
  status: 0.8,
  strict: 0.665,
  lenient: 0.7,
};

describe.skipIf(!present)(
  present
    ? "yardstick on ../shared corpus (regression floors)"
    : "yardstick on ../shared corpus (skipped: ../shared not present)",
  () => {
    describe.each(["seeds", "dev"])("%s", (set) => {
      let summary: ScoreSummary;
      const get = () => {
        summary ??= scoreSet(set);
        return summary;
      };

      it(`detection F1 ≥ ${FLOORS.detection}`, () => {
        const s = get();
        expect(s.detection.f1, `${set}: ${table(s)}`).toBeGreaterThanOrEqual(FLOORS.detection);
      });

      it(`actor F1 ≥ ${FLOORS.actors}`, () => {
        const s = get();
        expect(s.actors.f1, `${set}: ${table(s)}`).toBeGreaterThanOrEqual(FLOORS.actors);
      });

      it(`claims F1 ≥ ${FLOORS.claims}`, () => {
        const s = get();
        expect(s.claims.f1, `${set}: ${table(s)}`).toBeGreaterThanOrEqual(FLOORS.claims);
      });

      it.each(["location", "date", "status"] as const)(`%s accuracy ≥ the floor`, (field) => {
        const s = get();
        expect(s.fieldAccuracy[field], `${set}: ${table(s)}`).toBeGreaterThanOrEqual(FLOORS[field]);
      });

      it(`strict who-did-what-to-whom F1 ≥ ${FLOORS.strict} (bar 0.60 met)`, () => {
        const s = get();
        expect(s.tupleStrict.f1, `${set}: ${table(s)}`).toBeGreaterThanOrEqual(FLOORS.strict);
      });

      it(`lenient who-did-what-to-whom F1 ≥ ${FLOORS.lenient} (the bar)`, () => {
        const s = get();
        expect(s.tupleLenient.f1, `${set}: ${table(s)}`).toBeGreaterThanOrEqual(FLOORS.lenient);
      });
    });
  },
);

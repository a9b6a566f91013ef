import { EXTRACTOR_VERSION } from "@parley/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Corpus, defaultWorkerUrl } from "../src";
import { analysisTimeoutMs } from "../src/analysis-pool";
import { openPgliteTest, type TestDb } from "./drivers";
import { ARTICLES } from "./fixtures";

const PLAIN = new URL("./workers/plain-worker.mjs", import.meta.url);

describe("analysis on worker threads", () => {
  let t: TestDb;
  let c: Corpus;
  beforeAll(async () => {
    t = await openPgliteTest();
    c = t.corpus;
  });
  afterAll(() => t.cleanup());

  it("runs the real extractor from TypeScript source in workers (--jobs 2)", async () => {
    expect(defaultWorkerUrl().pathname).toMatch(/analysis-worker\.ts$/);
    const progress: number[] = [];
    const r = await c.ingest(ARTICLES, { jobs: 2, onProgress: (p) => progress.push(p.done) });
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ total: 3, inserted: 3, failed: 0 });
    expect(progress.at(-1)).toBe(3);
    expect((await c.stats()).extractorVersions).toEqual({ [EXTRACTOR_VERSION]: 3 });
    const r2 = await c.reanalyze({ jobs: 2 });
    expect(r2).toMatchObject({ total: 3, reanalyzed: 3, failed: 0 });
  });

  it("uses a built (plain JavaScript) worker file given by URL, off the main thread", async () => {
    {
      const items = [
        { text: "one article about talks", file: "a.txt" },
        { text: "another article CRASH", file: "b.txt" },
        { text: "a third article", file: "c.txt" },
        { text: "this one EXITs the worker", file: "d.txt" },
        { text: "and a fourth", file: "e.txt" },
      ];
      const r = await c.ingest(items, { jobs: 2, workerUrl: PLAIN });
      expect(r).toMatchObject({ total: 5, inserted: 3, failed: 2 });
      expect(r.errors.map((e) => e.file).sort()).toEqual(["b.txt", "d.txt"]);
      expect(r.errors.find((e) => e.file === "b.txt")?.message).toContain("extractor failed on purpose");
      const titles = (await c.articles({ limit: 100 })).map((a) => a.title).filter((x) => x?.startsWith("thread"));
      expect(titles).toHaveLength(3);
      for (const title of titles) expect(title).toMatch(/^thread [1-9]\d*$/);
    }
  });

  it("fails an article whose analysis runs past the time limit, replaces its worker, and goes on", async () => {
    const items = [
      { text: "first timely article", file: "t1.txt" },
      { text: "this article HANGs its worker", file: "hang-1.txt" },
      { text: "second timely article", file: "t2.txt" },
      { text: "another HANG", file: "hang-2.txt" },
      { text: "third timely article", file: "t3.txt" },
      { text: "fourth timely article", file: "t4.txt" },
    ];
    // one worker: after each hang the articles behind it run on a fresh thread
    const r = await c.ingest(items, { jobs: 1, workerUrl: PLAIN, timeoutMs: 400 });
    expect(r).toMatchObject({ total: 6, inserted: 4, failed: 2 });
    expect(r.errors).toEqual([
      { file: "hang-1.txt", message: "analysis failed: timed out after 0.4 s" },
      { file: "hang-2.txt", message: "analysis failed: timed out after 0.4 s" },
    ]);
    const stored = (await c.articles({ limit: 100 })).map((a) => a.text);
    expect(stored).toEqual(expect.arrayContaining(items.filter((i) => !i.text.includes("HANG")).map((i) => i.text)));
    expect(stored.some((t) => t.includes("HANG"))).toBe(false);
  });

  it("takes the time limit from $PARLEY_ANALYSIS_TIMEOUT (seconds), 30 s by default", () => {
    expect(analysisTimeoutMs(undefined, {})).toBe(30_000);
    expect(analysisTimeoutMs(undefined, { PARLEY_ANALYSIS_TIMEOUT: "2.5" })).toBe(2500);
    expect(analysisTimeoutMs(undefined, { PARLEY_ANALYSIS_TIMEOUT: "0" })).toBe(0);
    expect(analysisTimeoutMs(1000, { PARLEY_ANALYSIS_TIMEOUT: "2" })).toBe(1000);
    expect(analysisTimeoutMs(undefined, { PARLEY_ANALYSIS_TIMEOUT: "soon" })).toBe(30_000);
  });

  it("reports every item when the worker cannot start, instead of hanging", async () => {
    const missing = new URL("./workers/missing.mjs", import.meta.url);
    const items = ["x one", "x two", "x three"].map((text) => ({ text }));
    const r = await c.ingest(items, { jobs: 1, workerUrl: missing });
    expect(r).toMatchObject({ total: 3, inserted: 0, failed: 3 });
  });
});

import { describe, expect, it } from "vitest";
import { buildArticle } from "./article";
import { generateArticles, MAX_BYTES, MAX_SENTENCES, MIN_BYTES, MIN_SENTENCES, mixSeed, splitSentences } from "./index";

const take = (count: number, seed: number) => [...generateArticles({ count, seed })];

describe("generateArticles", () => {
  it("is deterministic for a seed", () => {
    expect(take(50, 42)).toEqual(take(50, 42));
  });

  it("differs for another seed", () => {
    const a = take(20, 1);
    const b = take(20, 2);
    for (let i = 0; i < a.length; i++) expect(a[i]!.text).not.toBe(b[i]!.text);
  });

  it("generates article i the same way whatever the slice", () => {
    const whole = take(30, 9);
    const slice = [...generateArticles({ count: 10, seed: 9, start: 20 })];
    expect(slice.map((a) => a.text)).toEqual(whole.slice(20).map((a) => a.text));
  });

  it("keeps every article within the size and sentence bounds, with a headline and dateline", () => {
    for (const a of take(1000, 7)) {
      const bytes = Buffer.byteLength(a.text);
      expect(bytes).toBeGreaterThanOrEqual(MIN_BYTES);
      expect(bytes).toBeLessThanOrEqual(MAX_BYTES);
      expect(a.title.length).toBeGreaterThan(10);
      expect(a.title).toMatch(/^[A-Z0-9"]/);
      expect(a.title).not.toContain("\n");
      const n = splitSentences(a.text).length;
      expect(n).toBeGreaterThanOrEqual(MIN_SENTENCES);
      expect(n).toBeLessThanOrEqual(MAX_SENTENCES);
      expect(a.text).toMatch(/^[A-Z .'-]+(, [A-Z][a-z]+ \d{1,2})? \([^)]+\) — [A-Z"]/);
      expect(a.text).toContain(`(${a.outlet})`);
      expect(a.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(() => new URL(a.url)).not.toThrow();
    }
  });

  it("splits into as many sentences as the generator wrote", () => {
    for (let i = 0; i < 300; i++) {
      const a = buildArticle(mixSeed(5, i));
      expect(splitSentences(a.text)).toHaveLength(a.sentences);
    }
  });

  it("writes sentences that start with a capital or a quote and end with a full stop", () => {
    for (const a of take(200, 11)) {
      for (const s of splitSentences(a.text)) {
        expect(s).toMatch(/^["A-Z]/);
        expect(s).toMatch(/\.$/);
        expect(s).not.toMatch(/undefined|NaN|\s{2}|,,|\.\./);
      }
    }
  });

  it("gives unique file names and produces JSONL lines that parse back", () => {
    const arts = take(500, 3);
    expect(new Set(arts.map((a) => a.file)).size).toBe(arts.length);
    const jsonl = arts.map((a) => JSON.stringify(a)).join("\n");
    const back = jsonl.split("\n").map((l) => JSON.parse(l));
    expect(back).toEqual(arts);
    for (const o of back)
      expect(Object.keys(o).sort()).toEqual(["file", "outlet", "published", "text", "title", "url"]);
  });

  it("shards file names of large corpora into directories", () => {
    const [a] = [...generateArticles({ count: 1, seed: 1, start: 123_456 })];
    expect(a!.file).toMatch(/^123\/123456_[0-9a-f]{8}\.txt$/);
  });

  it("covers many conflicts and outlets", () => {
    const arts = take(400, 21);
    expect(new Set(arts.map((a) => a.outlet)).size).toBeGreaterThanOrEqual(12);
    const all = arts.map((a) => a.text).join(" ");
    for (const w of [
      "Gaza",
      "Ukraine",
      "Sudan",
      "Houthis",
      "Tigray",
      "ELN",
      "M23",
      "Azerbaijan",
      "Iran",
      "Taliban",
      "Kosovo",
    ])
      expect(all).toContain(w);
  });
});

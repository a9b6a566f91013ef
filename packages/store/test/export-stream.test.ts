import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Corpus, IngestItem } from "../src";
import { DRIVERS, type TestDb } from "./drivers";

/** Written for this test: dated and undated articles, so the listing order has NULL starts to page across. */
const ITEMS: IngestItem[] = [
  ["2024-02-10", "Qatar hosted talks between Hamas and Israel in Doha on Tuesday. Hamas rejected the proposal."],
  [
    "2024-02-11",
    "Egypt urged Israel and Hamas to agree to a truce. Egyptian mediators met a Hamas delegation in Cairo.",
  ],
  [null, "Norway hosted a round of talks in Oslo. Russia and Ukraine exchanged 100 prisoners, officials said."],
  ["2024-02-11", "Turkey offered to mediate between Russia and Ukraine. Ukraine demanded a full withdrawal."],
  [null, "Saudi Arabia hosted delegations of Sudan's army and the Rapid Support Forces in Jeddah."],
  ["2024-01-30", "The United States proposed a six-week ceasefire. Israel accepted the plan, a spokesman said."],
].map(([published, text], i) => ({ text: text!, published, outlet: i % 2 ? "Test Wire" : "Stream Courier" }));

describe.each(DRIVERS)("streaming exports on $name", ({ name, open, skip }) => {
  let t: TestDb;
  let c: Corpus;
  beforeAll(async () => {
    if (skip) return;
    t = await open();
    c = t.corpus;
    const s = await c.ingest(ITEMS, { jobs: 0 });
    expect(s.inserted).toBe(ITEMS.length);
  }, 60_000);
  afterAll(async () => {
    await t?.cleanup();
  });

  describe.skipIf(skip)(name, () => {
    it("pages events in the listing order, across dated and undated ones, with clusters and reviews", async () => {
      const all = await c.events({ limit: 10_000 });
      expect(all.length).toBeGreaterThan(8);
      expect(all.some((e) => !e.date && !e.article.published)).toBe(true);
      const reviewed = all[4]!;
      await c.review(reviewed.id, { action: "verify", author: "tester", articleId: reviewed.articleId });
      const pages: number[] = [];
      const streamed = [];
      for await (const page of c.streamEvents({}, { pageSize: 3 })) {
        pages.push(page.length);
        streamed.push(...page);
      }
      expect(pages.length).toBeGreaterThan(2);
      expect(streamed.map((x) => `${x.event.articleId}:${x.event.id}`)).toEqual(
        all.map((e) => `${e.articleId}:${e.id}`),
      );
      const withReview = streamed.find((x) => x.event.id === reviewed.id && x.event.articleId === reviewed.articleId)!;
      expect(withReview.reviews.map((r) => r.action)).toEqual(["verify"]);
      expect(withReview.event.reviewState).toBe("verified");
      const clusters = await c.clusters({ limit: 10_000 });
      for (const x of streamed) {
        const expected = clusters.find((cl) =>
          cl.members.some((m) => m.articleId === x.event.articleId && m.eventId === x.event.id),
        );
        expect(x.cluster?.id ?? null).toBe(expected?.id ?? null);
      }
    });

    it("applies the filter and caps the total with max", async () => {
      const meets = await c.events({ type: "MEET", limit: 10_000 });
      const streamed = [];
      for await (const page of c.streamEvents({ type: "MEET" }, { pageSize: 2 })) streamed.push(...page);
      expect(streamed.map((x) => x.event.id)).toEqual(meets.map((e) => e.id));
      let n = 0;
      for await (const page of c.streamEvents({}, { pageSize: 4, max: 7 })) n += page.length;
      expect(n).toBe(7);
    });

    it("streams the whole-corpus dump as the same JSON as exportAll", async () => {
      let text = "";
      for await (const chunk of c.exportChunks()) text += chunk;
      const streamed = JSON.parse(text);
      const whole = JSON.parse(JSON.stringify(await c.exportAll()));
      expect({ ...streamed, exportedAt: "" }).toEqual({ ...whole, exportedAt: "" });
      expect(streamed.articles).toHaveLength(ITEMS.length);
    });
  });
});

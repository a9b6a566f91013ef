import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { analyzeArticle, buildTimeline, stanceHistories, stanceMatrix, stickingPoints } from "@parley/core";
import type { ArticleInput } from "@parley/schema";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Corpus, IngestItem, ModelFilter, TimelineFilter } from "../src";
import { type Db, queryRows } from "../src/db/driver";
import { ModelFilterSchema, TimelineFilterSchema } from "../src/filters";
import { rebuildStanceRecords } from "../src/queries/stances";
import { rebuildTimelineCounts } from "../src/summaries/timeline";
import { loadView } from "../src/views";
import { DRIVERS, type TestDb } from "./drivers";
import { ARTICLES } from "./fixtures";

/** The project's own example articles (written for Parley), first line = headline. */
function exampleArticles(): IngestItem[] {
  const dir = new URL("../../../examples/articles/", import.meta.url).pathname;
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .map((f, i) => {
      const text = readFileSync(join(dir, f), "utf8");
      return { file: f, title: text.split("\n")[0], text, outlet: i % 2 ? "Example Times" : "Test Wire" };
    });
}

/** Dates of every precision, an undated article and a partly dated one, written for this test. */
const DATED: IngestItem[] = [
  {
    file: "month.txt",
    title: "Talks resume",
    outlet: "Third Post",
    published: "2024-03-02",
    text:
      "Talks resume\n\nQatar hosted talks between Israel and Hamas in February. Egypt proposed a truce in January 2024. " +
      "Hamas rejected the Egyptian plan on Friday. Israeli troops struck Rafah in 2023.",
  },
  {
    file: "undated.txt",
    title: "Envoy visits",
    outlet: null,
    published: null,
    text: "Envoy visits\n\nThe United States envoy met Egyptian officials in Cairo. Hamas demanded a full withdrawal.",
  },
];

const db = (c: Corpus) => Reflect.get(c, "db") as Db;

/** Core's in-memory timeline over the events the filter selects: the definition the SQL path must match. */
async function reference(c: Corpus, filter: TimelineFilter) {
  const f = TimelineFilterSchema.parse(filter);
  const view = await loadView(db(c), f, { lean: true });
  const t = buildTimeline(view, { granularity: f.granularity, rollUp: f.rollUp ?? false });
  return { ...t, buckets: t.buckets.slice(f.offset, f.offset + f.limit) };
}

const FILTERS: TimelineFilter[] = [
  { granularity: "day" },
  { granularity: "week" },
  { granularity: "month" },
  { granularity: "month", rollUp: true },
  { granularity: "week", rollUp: true, status: "occurred" },
  { granularity: "day", from: "2024-02-03", to: "2024-03-01" },
  { granularity: "month", from: "2024-02", to: "2024-03" },
  { granularity: "month", from: "2024-02-10" },
  { granularity: "week", actor: "Hamas" },
  { granularity: "month", type: ["MEET", "REJECT"], outlet: "test wire" },
  { granularity: "day", issue: "ceasefire", rollUp: true },
  { granularity: "month", text: "ceasefire" },
  { granularity: "day", limit: 2, offset: 1 },
];

/** Core's stance histories, matrix and sticking points over the events the filter selects. */
async function referenceStances(c: Corpus, filter: ModelFilter) {
  const f = ModelFilterSchema.parse(filter);
  const view = await loadView(db(c), f, {
    types: ["DEMAND", "PROPOSE", "COUNTER_PROPOSE", "ACCEPT", "AGREE", "REJECT", "APPEAL"],
    statuses: ["occurred", "negated"],
    withIssues: true,
  });
  const histories = stanceHistories(view, { rollUp: f.rollUp ?? true });
  return {
    histories: histories.slice(f.offset, f.offset + f.limit),
    matrix: stanceMatrix(histories),
    stickingPoints: stickingPoints(histories),
  };
}

const STANCE_FILTERS: ModelFilter[] = [
  {},
  { rollUp: false },
  { actor: "Hamas" },
  { issue: "ceasefire", from: "2024-02" },
  { outlet: "test wire", rollUp: false },
  { offset: 1, limit: 2 },
];

async function expectMatchesCore(c: Corpus) {
  for (const f of FILTERS) {
    expect(await c.timeline(f), JSON.stringify(f)).toEqual(await reference(c, f));
  }
  for (const f of STANCE_FILTERS) {
    const { actors, ...got } = await c.stances(f);
    const want = await referenceStances(c, f);
    expect(got, JSON.stringify(f)).toEqual(want);
    // Every actor the result names has its name.
    for (const h of [
      ...want.histories,
      ...want.stickingPoints.flatMap((p) => p.conflicts.flatMap((x) => [x.for, x.against])),
    ])
      expect(actors[h.actor], h.actor).toBeTruthy();
  }
}

/** The summary tables' contents, in a stable order. */
async function countRows(c: Corpus) {
  const timeline = await queryRows(
    db(c),
    sql`SELECT grain, placed, status, dim, value, n FROM timeline_counts WHERE n <> 0
      ORDER BY grain, placed, status, dim, value`,
  );
  const stances = await queryRows(
    db(c),
    sql`SELECT * FROM stance_records ORDER BY article_id, event_id, holder, issue`,
  );
  return { timeline, stances };
}

async function rebuild(c: Corpus) {
  await rebuildTimelineCounts(db(c));
  await rebuildStanceRecords(db(c));
}

describe.each(DRIVERS)("views aggregated in SQL on $name", ({ name, open, skip }) => {
  let t: TestDb;
  let c: Corpus;
  beforeAll(async () => {
    if (skip) return;
    t = await open();
    c = t.corpus;
    await c.ingest([...ARTICLES, ...DATED, ...exampleArticles()], { jobs: 0 });
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  describe.skipIf(skip)(name, () => {
    it("gives core's timeline and stances for every filter, with coarse and undated events counted apart", async () => {
      expect((await c.stances()).matrix.actors.length).toBeGreaterThan(1);
      const day = await c.timeline({ granularity: "day" });
      expect(Object.values(day.tooCoarse).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
      expect(day.undated).toBeGreaterThan(0);
      expect(day.buckets.length).toBeGreaterThan(3);
      await expectMatchesCore(c);
    });

    it("stays equal to core's timeline and to a full rebuild after reviews", async () => {
      const events = await c.events({ limit: 50 });
      const [a, b, d] = [events[0]!, events[1]!, events[2]!];
      await c.review(a.id, { action: "reject", author: "tester" });
      await c.review(b.id, {
        action: "correct",
        author: "tester",
        changes: { type: "AGREE", status: "planned", date: { value: "2024-01", precision: "month", raw: "January" } },
      });
      // Another actor of the corpus as the new source: it moves the event to other actor and root rows.
      const someone = events.flatMap((e) => e.target).find((id) => !d.source.includes(id))!;
      await c.review(d.id, {
        action: "correct",
        author: "tester",
        changes: { source: [someone], issues: ["hostages"] },
      });
      await expectMatchesCore(c);
      const incremental = await countRows(c);
      await rebuild(c);
      expect(await countRows(c)).toEqual(incremental);
    });

    it("stays equal after re-analysis with another engine and a second ingest of the same articles", async () => {
      const other = (input: ArticleInput) => {
        const a = analyzeArticle(input);
        // A different engine: drops every other event.
        return { ...a, extractorVersion: "test-2", events: a.events.filter((_e, i) => i % 2 === 0) };
      };
      await c.reanalyze({ analyze: other, jobs: 0 });
      await c.ingest([...ARTICLES, ...DATED], { jobs: 0 });
      await expectMatchesCore(c);
      const incremental = await countRows(c);
      await rebuild(c);
      expect(await countRows(c)).toEqual(incremental);
    });
  });
});

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { actorRoles, analyzeArticle, claimDisagreements, claimSeries, outletProfiles } from "@parley/core";
import type { ArticleInput, ClaimKind } from "@parley/schema";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Corpus, IngestItem, ModelFilter } from "../src";
import { type Db, queryRows } from "../src/db/driver";
import { ClaimFilterSchema, ModelFilterSchema } from "../src/filters";
import { PLACE_COUNTRY } from "../src/model";
import { rebuildEventFacts } from "../src/summaries/event-facts";
import { loadView } from "../src/views";
import { DRIVERS, type TestDb } from "./drivers";
import { ARTICLES } from "./fixtures";

/** The project's own example articles (written for Parley), first line = headline; a third without an outlet. */
function exampleArticles(): IngestItem[] {
  const dir = new URL("../../../examples/articles/", import.meta.url).pathname;
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .map((f, i) => {
      const text = readFileSync(join(dir, f), "utf8");
      const outlet = i % 3 === 0 ? null : i % 3 === 1 ? "Example Times" : "Test Wire";
      return {
        file: f,
        title: text.split("\n")[0],
        text,
        outlet,
        published: i % 4 === 0 ? null : `2024-02-1${i % 10}`,
      };
    });
}

/** Written for this test: loaded framing terms, and an article without an outlet (profiled under "(unknown)"). */
const FRAMED: IngestItem[] = [
  {
    file: "framed-1.txt",
    title: "Militants reject plan",
    outlet: "Test Wire",
    published: "2024-02-20",
    text:
      "Militants reject plan\n\nAt least 120 people were killed in Rafah, the health ministry said. Hamas rejected the Egyptian proposal, the militants said. Israel called Hamas a " +
      "terror group and demanded the release of the hostages. The militants accused Israel of stalling.",
  },
  {
    file: "framed-2.txt",
    title: "Terrorists blamed",
    outlet: "Example Times",
    published: "2024-02-21",
    text:
      "Terrorists blamed\n\n310 people were killed in Rafah, the health ministry said. Israeli officials blamed terrorists for the attack. Qatar urged both sides to return " +
      "to talks. The militants demanded a ceasefire.",
  },
];

/** The same act reported again and again (events with equal links count by their number, not once). */
const REPEATED: IngestItem[] = [1, 2, 3, 4].map((i) => ({
  file: `repeated-${i}.txt`,
  title: `Egypt plan ${i}`,
  outlet: "Fourth Post",
  published: `2024-03-0${i}`,
  text: `Egypt plan ${i}\n\nEgypt proposed a new truce plan. Egypt mediated between Israel and Hamas in Cairo.`,
}));

const NO_OUTLET: IngestItem = {
  file: "no-outlet.txt",
  title: "Envoys shuttle",
  outlet: null,
  published: "2024-02-20",
  text:
    "Envoys shuttle\n\nQatar hosted talks between Israel and Hamas in Doha. Egypt mediated between the militants and Israel. " +
    "Hamas demanded a full withdrawal. The United States envoy travelled to Cairo.",
};

const db = (c: Corpus) => Reflect.get(c, "db") as Db;

/** Core's outlet profiles over what `loadView` selects: the definition the SQL path must match. */
async function referenceSources(c: Corpus, filter: ModelFilter) {
  const f = ModelFilterSchema.parse(filter);
  const view = await loadView(db(c), f, { claims: true, allArticles: true });
  return outletProfiles(view, { rollUp: f.rollUp ?? false }).slice(f.offset, f.offset + f.limit);
}

const FILTERS: ModelFilter[] = [
  {},
  { rollUp: true },
  { rollUp: false },
  { outlet: "test wire" },
  { from: "2024-02-12", to: "2024-03" },
  { actor: "Hamas" },
  { actor: "Hamas", rollUp: true },
  { type: ["MEET", "AGREE", "MEDIATE", "TRAVEL"] },
  { status: "occurred" },
  { issue: "ceasefire" },
  { text: "ceasefire" },
  { offset: 1, limit: 2 },
];

/** Core's tracks and roles over what `loadView` selects, with the names of every actor loaded. */
async function referenceRoles(c: Corpus, filter: ModelFilter) {
  const f = ModelFilterSchema.parse(filter);
  const view = await loadView(db(c), f, { statuses: ["occurred", "planned"], lean: true });
  const r = actorRoles(view, { rollUp: f.rollUp ?? true, placeCountry: PLACE_COUNTRY });
  return { tracks: r.tracks, roles: r.roles.slice(f.offset, f.offset + f.limit), actors: view.actorNames };
}

/**
 * Core's claim series and disagreements over the claims `loadView` selects, each with its article. (`loadView`'s
 * own articles follow the event filter: with `text` or `actor` it would leave out articles of matching claims.)
 */
async function referenceClaims(c: Corpus, filter: ModelFilter & { kind?: ClaimKind[] }) {
  const f = ClaimFilterSchema.parse(filter);
  const { claims } = await loadView(db(c), f, { claims: true, noEvents: true });
  const { articles } = await loadView(db(c), ClaimFilterSchema.parse({}), { noEvents: true });
  const view = { claims, articles };
  return {
    series: claimSeries(view).slice(f.offset, f.offset + f.limit),
    disagreements: claimDisagreements(view),
  };
}

const CLAIM_FILTERS: (ModelFilter & { kind?: ClaimKind[] })[] = [
  {},
  { outlet: "test wire" },
  { from: "2024-02-12", to: "2024-03" },
  { actor: "Hamas" },
  { kind: ["killed", "displaced"] },
  { text: "killed" },
  { offset: 1, limit: 2 },
];

async function expectMatchesCore(c: Corpus) {
  for (const f of CLAIM_FILTERS) {
    expect(await c.claimSeries(f), `claims ${JSON.stringify(f)}`).toEqual(await referenceClaims(c, f));
  }
  for (const f of FILTERS) {
    expect(await c.sources(f), `sources ${JSON.stringify(f)}`).toEqual(await referenceSources(c, f));
    expect(await c.roles(f), `roles ${JSON.stringify(f)}`).toEqual(await referenceRoles(c, f));
  }
}

/** `event_facts` in a stable order. */
async function eventFacts(c: Corpus) {
  return queryRows(db(c), sql`SELECT * FROM event_facts ORDER BY article_id, event_id`);
}

/** The kept summary equals one rebuilt from the events. */
async function expectFactsRebuildable(c: Corpus) {
  const incremental = await eventFacts(c);
  expect(incremental.length).toBeGreaterThan(0);
  await rebuildEventFacts(db(c));
  expect(await eventFacts(c)).toEqual(incremental);
}

describe.each(DRIVERS)("outlet profiles and roles aggregated in SQL on $name", ({ name, open, skip }) => {
  let t: TestDb;
  let c: Corpus;
  beforeAll(async () => {
    if (skip) return;
    t = await open();
    c = t.corpus;
    await c.ingest([...ARTICLES, ...FRAMED, ...REPEATED, NO_OUTLET, ...exampleArticles()], { jobs: 0 });
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  describe.skipIf(skip)(name, () => {
    it("gives core's outlet profiles for every filter", async () => {
      const all = await c.sources();
      // The corpus exercises what the profiles count: outlets, unknown outlet, quotes, framing, top actors.
      expect(all.length).toBeGreaterThanOrEqual(3);
      expect(all.at(-1)!.outlet).toBe("(unknown)");
      expect(all.filter((p) => p.quotes.length > 0).length, "outlets with quotes").toBeGreaterThan(1);
      expect(all.filter((p) => p.framing.length > 0).length, "outlets with framing").toBeGreaterThan(1);
      expect(all.filter((p) => p.topActors.length > 0).length, "outlets with actors").toBeGreaterThan(1);
      const figures = await c.claimSeries();
      expect(figures.series.length, "claim series").toBeGreaterThan(1);
      expect(figures.disagreements.length, "disagreements").toBeGreaterThan(0);
      const roles = await c.roles({ limit: 1000 });
      expect(roles.tracks.length).toBeGreaterThan(0);
      expect(new Set(roles.roles.map((r) => r.role)).size, "several kinds of role").toBeGreaterThan(1);
      await expectMatchesCore(c);
    });

    it("stays equal to core after reviews", async () => {
      const events = await c.events({ limit: 50 });
      const [a, b, d] = [events[0]!, events[1]!, events[2]!];
      await c.review(a.id, { action: "reject", author: "tester" });
      await c.review(b.id, { action: "correct", author: "tester", changes: { type: "ASSESS", status: "planned" } });
      const someone = events.flatMap((e) => e.target).find((id) => !d.source.includes(id))!;
      await c.review(d.id, { action: "correct", author: "tester", changes: { source: [someone], mediators: [] } });
      await expectMatchesCore(c);
      await expectFactsRebuildable(c);
    });

    it("stays equal after re-analysis with another engine", async () => {
      const other = (input: ArticleInput) => {
        const a = analyzeArticle(input);
        return { ...a, extractorVersion: "test-2", events: a.events.filter((_e, i) => i % 2 === 1) };
      };
      await c.reanalyze({ analyze: other, jobs: 0 });
      await c.ingest([...ARTICLES, ...FRAMED], { jobs: 0 });
      await expectMatchesCore(c);
      await expectFactsRebuildable(c);
    });
  });
});

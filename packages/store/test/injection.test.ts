import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { DrizzleQueryError } from "drizzle-orm/errors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Corpus, StoreError } from "../src";
import { writeErrorMessage } from "../src/corpus";
import { DRIVERS, type TestDb } from "./drivers";
import { ARTICLES, fakeAnalyze } from "./fixtures";

/** Strings that break hand-built SQL, LIKE patterns or parameter numbering if any reached the query text. */
const PAYLOADS = [
  "'",
  '"',
  "''; --",
  "'; DROP TABLE articles; --",
  '"; DROP TABLE "events"; --',
  "x' OR '1'='1",
  "1 OR 1=1",
  ") OR (1=1",
  "%",
  "_",
  "%%",
  "\\",
  "\\'",
  "\\%",
  "$1",
  "$1; DELETE FROM reviews",
  "?",
  ":name",
  "$" + "{1}",
  "/* comment */",
  "; SELECT pg_sleep(5); --",
  "Égypte – مصر – ישראל",
  "\u202Eevil\u202C",
  "😀",
  "\u0000",
  "a\u0000'; DROP TABLE actors; --",
];

/** The analysts' corpus plus one article whose metadata and text carry injection strings verbatim. */
const HOSTILE_OUTLET = `O'Brien "Wire"; DROP TABLE articles; -- 100% _sure_ \\ $1`;
const HOSTILE = {
  file: "hostile.txt",
  title: "Qatar met Hamas'; DROP TABLE events; --",
  outlet: HOSTILE_OUTLET,
  published: "2024-04-01",
  url: "https://example.test/x?q=%27%3B--",
  text: "Qatar met Hamas'; DROP TABLE events; -- in Doha.\n\nEgypt urged Israel to accept 50% of the plan; $1 and \\ stay text.",
};

const validation = (err: unknown) => err instanceof StoreError && err.code === "INVALID";

describe.each(DRIVERS)("injection strings in every filter on $name", ({ name, open, skip }) => {
  let t: TestDb;
  let c: Corpus;
  let counts: Record<string, number>;
  beforeAll(async () => {
    if (skip) return;
    t = await open();
    c = t.corpus;
    const r = await c.ingest([...ARTICLES, HOSTILE], { analyze: (i) => fakeAnalyze(i) });
    expect(r.failed).toBe(0);
    const [ev] = await c.events({ limit: 1 });
    await c.review(ev!.id, { action: "verify", author: "Ana'; DROP TABLE reviews; --", note: "50% sure \\ $1" });
    counts = (await c.status()).counts;
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  describe.skipIf(skip)(name, () => {
    /** Every listing with its string-valued filter fields. */
    const LISTINGS: [string, (c: Corpus, f: Record<string, unknown>) => Promise<unknown>, string[]][] = [
      ["events", (c, f) => c.events(f), ["actor", "issue", "outlet", "text", "articleId"]],
      ["articles", (c, f) => c.articles(f), ["actor", "issue", "outlet", "text", "articleId"]],
      ["actors", (c, f) => c.actors(f), ["actor", "issue", "outlet", "text", "articleId", "name"]],
      // Claims have no issues: the field is accepted and ignored.
      ["claims", (c, f) => c.claims(f), ["actor", "outlet", "text", "articleId"]],
      ["clusters", (c, f) => c.clusters(f), ["actor", "issue", "outlet", "text", "articleId"]],
      ["roles", (c, f) => c.roles(f), ["actor", "issue", "outlet", "text", "articleId"]],
      ["stances", (c, f) => c.stances(f), ["actor", "issue", "outlet", "text", "articleId"]],
      ["timeline", (c, f) => c.timeline(f), ["actor", "issue", "outlet", "text", "articleId"]],
      ["claimSeries", (c, f) => c.claimSeries(f), ["actor", "issue", "outlet", "text", "articleId"]],
      ["sources", (c, f) => c.sources(f), ["actor", "issue", "outlet", "text", "articleId"]],
      ["issues", (c, f) => c.issues(f), ["actor", "issue", "outlet", "text", "articleId"]],
      ["reviews", (c, f) => c.reviews(f), ["eventId", "articleId", "author"]],
    ];
    /** Fields whose values are enums, dates or numbers: an injection string is a validation error, nothing else. */
    const STRICT: [string, unknown][] = [
      ["type", "MEET'; DROP TABLE events; --"],
      ["status", "occurred' OR '1'='1"],
      ["role", "source' --"],
      ["from", "2024-01-01'; DROP TABLE articles; --"],
      ["to", "2024' OR 1=1 --"],
      ["limit", "1; DROP TABLE articles"],
      ["offset", "0 OR 1=1"],
      ["kind", "killed'--"],
      ["actorType", "STATE' OR '1'='1"],
      ["granularity", "month'; --"],
      ["action", "verify' OR 1=1 --"],
    ];

    /** Lengths of what a listing returns, to compare a filtered result with the unfiltered one. */
    const size = (r: unknown): number => {
      if (Array.isArray(r)) return r.length;
      const o = r as Record<string, unknown>;
      for (const k of ["rows", "roles", "stances", "series", "outlets", "buckets", "points"]) {
        if (Array.isArray(o[k])) return (o[k] as unknown[]).length;
      }
      return JSON.stringify(r).length;
    };

    it("string filters take any payload: an answer or a validation error, and nothing matches by accident", async () => {
      const outcomes = { answered: 0, invalid: 0 };
      for (const [listing, call, fields] of LISTINGS) {
        for (const field of fields) {
          for (const p of PAYLOADS) {
            let result: unknown;
            try {
              result = await call(c, { [field]: p });
              outcomes.answered++;
            } catch (err) {
              if (!validation(err)) throw new Error(`${listing}({${field}: ${JSON.stringify(p)}}) failed: ${err}`);
              outcomes.invalid++;
              continue;
            }
            // Exact-match fields (ids, outlet, issue, author) hold none of these payloads; a LIKE or tsquery
            // wildcard must not widen a search to everything.
            if (Array.isArray(result) && field !== "text") {
              expect(result, `${listing}({${field}: ${JSON.stringify(p)}})`).toEqual([]);
            }
          }
        }
      }
      expect(outcomes.answered).toBeGreaterThan(outcomes.invalid);
    });

    it("rejects injection strings in enum, date and number filters with a validation error", async () => {
      const calls: [string, (f: Record<string, unknown>) => Promise<unknown>][] = [
        ["events", (f) => c.events(f)],
        ["actors", (f) => c.actors(f)],
        ["claims", (f) => c.claims(f)],
        ["timeline", (f) => c.timeline(f)],
        ["reviews", (f) => c.reviews(f)],
      ];
      const applies: Record<string, string[]> = {
        kind: ["claims"],
        actorType: ["actors"],
        granularity: ["timeline"],
        action: ["reviews"],
        type: ["events", "actors", "claims", "timeline"],
        status: ["events", "actors", "claims", "timeline"],
        role: ["events", "actors", "claims", "timeline"],
        from: ["events", "actors", "claims", "timeline"],
        to: ["events", "actors", "claims", "timeline"],
      };
      let checked = 0;
      for (const [field, value] of STRICT) {
        for (const [listing, call] of calls) {
          if (applies[field] && !applies[field].includes(listing)) continue;
          const err = await call({ [field]: value }).then(
            () => null,
            (e: unknown) => e,
          );
          expect(validation(err), `${listing}({${field}: ${JSON.stringify(value)}}) → ${err}`).toBe(true);
          checked++;
        }
      }
      expect(checked).toBe(34);
    });

    it("LIKE wildcards in an actor-name search are literal characters", async () => {
      const all = await c.actors({ limit: 1000 });
      expect(all.length).toBeGreaterThan(3);
      for (const p of ["%", "_", "%%", "\\", "\\%", "a%", "_a"]) {
        expect(await c.actors({ name: p }), JSON.stringify(p)).toEqual([]);
      }
      // The substring search still works for ordinary text.
      expect((await c.actors({ name: "ata" })).map((a) => a.id)).toEqual(["qatar"]);
    });

    it("full-text search treats operators and quotes as words, not syntax", async () => {
      const all = await c.events({ limit: 1000 });
      for (const p of ["%", "_", "' OR '1'='1", "\\", "$1", "-", "or", '"', "*"]) {
        const hit = await c.events({ text: p, limit: 1000 });
        expect(hit.length, JSON.stringify(p)).toBeLessThan(all.length);
      }
      const dropped = await c.events({ text: "DROP TABLE events", limit: 1000 });
      expect(dropped.map((e) => e.articleId)).toEqual([dropped[0]!.articleId]);
      expect(dropped[0]!.article.outlet).toBe(HOSTILE_OUTLET);
    });

    it("stores and finds hostile metadata verbatim", async () => {
      const byOutlet = await c.events({ outlet: HOSTILE_OUTLET.toUpperCase() });
      expect(byOutlet.length).toBeGreaterThan(0);
      expect(new Set(byOutlet.map((e) => e.article.outlet))).toEqual(new Set([HOSTILE_OUTLET]));
      const [article] = await c.articles({ outlet: HOSTILE_OUTLET });
      expect(article).toMatchObject({ title: HOSTILE.title, url: HOSTILE.url, text: HOSTILE.text });
      const [review] = await c.reviews({ author: "Ana'; DROP TABLE reviews; --" });
      expect(review).toMatchObject({ note: "50% sure \\ $1" });
      const sources = await c.sources({});
      expect(JSON.stringify(sources)).toContain(JSON.stringify(HOSTILE_OUTLET).slice(1, -1));
    });

    it("refuses an article with a NUL character by name; a database error never reaches the summary", async () => {
      const r = await c.ingest(
        [
          { file: "nul-text.json", text: "Qatar met Hamas\u0000 in Doha on Friday." },
          { file: "nul-title.json", text: "Egypt met Hamas in Cairo on Friday.", title: "a\u0000b" },
        ],
        { analyze: (i) => fakeAnalyze(i) },
      );
      expect(r).toMatchObject({ inserted: 0, failed: 2 });
      expect(r.errors).toEqual([
        { file: "nul-text.json", message: "text contains a NUL character (\\u0000)" },
        { file: "nul-title.json", message: "title contains a NUL character (\\u0000)" },
      ]);
    });

    it("leaves every table intact", async () => {
      expect((await c.status()).counts).toEqual(counts);
      expect(counts).toMatchObject({ articles: ARTICLES.length + 1, reviews: 1 });
      expect(size(await c.events({ limit: 1000 }))).toBe(counts.events);
    });
  });
});

describe("SQL text in the store's source", () => {
  it("is built from values only in the reviewed places (identifiers and migration files, never user input)", () => {
    const src = fileURLToPath(new URL("../src", import.meta.url));
    const files = (readdirSync(src, { recursive: true }) as string[]).filter(
      (f) => f.endsWith(".ts") && !f.endsWith(".test.ts"),
    );
    const raw: string[] = [];
    for (const f of files) {
      const text = readFileSync(join(src, f), "utf8");
      // sql.raw splices text into a statement; a client's query() with a template literal does the same.
      for (const m of text.matchAll(/sql\.raw\(|\.query\(`|\.exec\(`|\.unsafe\(/g)) {
        raw.push(`${relative(src, join(src, f))}:${text.slice(0, m.index).split("\n").length}`);
      }
    }
    // write.ts: column names and types from constants in that file; migrate.ts: the migration files shipped in
    // the package; driver.ts: a schema name checked against /^[a-z_][a-z0-9_]{0,62}$/ first; queries/stances.ts:
    // a constant column list.
    expect(raw.map((r) => r.replace(/:\d+$/, "")).sort()).toEqual([
      "db/driver.ts",
      "db/migrate.ts",
      "write.ts",
      "write.ts",
    ]);
  });
});

describe("write errors in an ingest summary", () => {
  it("carry the database's message, not the statement and its parameters", () => {
    const err = new DrizzleQueryError(
      "insert into articles values ($1)",
      ["the whole article text"],
      new Error("boom"),
    );
    expect(writeErrorMessage(err)).toBe("database error: boom");
    expect(writeErrorMessage(new Error("disk full"))).toBe("disk full");
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Corpus, type CorpusBackup, CorpusBackupSchema } from "../src";
import { DRIVERS, type TestDb } from "./drivers";
import { ARTICLES } from "./fixtures";

const LIVE = DRIVERS.filter((d) => !d.skip);

/** A corpus with analyses, clusters and the three kinds of review. */
async function fill(c: Corpus): Promise<void> {
  const s = await c.ingest(
    [
      ...ARTICLES,
      {
        file: "cairo-2.txt",
        outlet: "Third Post",
        published: "2024-02-05",
        text: "Talks in Cairo\n\nEgyptian mediators met Hamas negotiators in Cairo on Monday. 😀 Israel rejected the plan.",
      },
    ],
    { jobs: 0 },
  );
  expect(s.failed).toBe(0);
  const events = await c.events({ limit: 100 });
  expect(events.length).toBeGreaterThan(3);
  const [a, b, d] = events;
  await c.review(a!.id, { action: "verify", author: "ana", articleId: a!.articleId });
  await c.review(b!.id, {
    action: "correct",
    author: "ben",
    note: "the date is wrong",
    changes: { status: "planned", confidence: 0.4 },
    articleId: b!.articleId,
  });
  await c.review(d!.id, { action: "reject", author: "ana", articleId: d!.articleId });
}

describe.each(LIVE)("backup from $name", ({ name, open }) => {
  let source: TestDb;
  let backup: CorpusBackup;
  beforeAll(async () => {
    source = await open();
    await fill(source.corpus);
    backup = JSON.parse(JSON.stringify(await source.corpus.backup()));
  });
  afterAll(async () => {
    await source?.cleanup();
  });

  it("holds the whole corpus and a digest of every table", async () => {
    expect(CorpusBackupSchema.parse(backup).format).toBe("parley-backup");
    expect(backup.corpus.articles).toHaveLength(4);
    expect(backup.corpus.reviews).toHaveLength(3);
    expect(backup.digest).toEqual(await source.corpus.digest());
    for (const table of ["articles", "events", "mentions", "claims", "event_clusters", "reviews", "actors"]) {
      expect(backup.digest[table]!.rows, table).toBeGreaterThan(0);
    }
  });

  for (const target of LIVE) {
    it(`restores into an empty ${target.name} store, verified equal (${name} → ${target.name})`, async () => {
      const t = await target.open();
      try {
        const r = await t.corpus.restore(backup);
        expect(r.differences).toEqual([]);
        expect(r.verified).toBe(true);
        expect(r).toMatchObject({ articles: 4, reviews: 3 });
        expect(await t.corpus.digest()).toEqual(backup.digest);
        expect({ ...(await t.corpus.exportAll()), exportedAt: "" }).toEqual({ ...backup.corpus, exportedAt: "" });
        expect(await t.corpus.events({ includeRejected: true, limit: 1000 })).toEqual(
          await source.corpus.events({ includeRejected: true, limit: 1000 }),
        );
        expect(await t.corpus.clusters({ limit: 1000 })).toEqual(await source.corpus.clusters({ limit: 1000 }));
        expect((await t.corpus.check()).ok).toBe(true);
        // and a backup of the restored store has the same digest
        expect((await t.corpus.backup()).digest).toEqual(backup.digest);
      } finally {
        await t.cleanup();
      }
    });
  }

  it("refuses a non-empty target unless forced, and a forced restore replaces its contents", async () => {
    const t = await open();
    try {
      await t.corpus.ingest([{ text: "Another story: Qatar hosted talks in Doha on Friday.", file: "x.txt" }], {
        jobs: 0,
      });
      await expect(t.corpus.restore(backup)).rejects.toMatchObject({
        code: "INVALID",
        message: expect.stringMatching(/^The target store is not empty \(.*1 articles/),
      });
      expect((await t.corpus.stats()).articles).toBe(1);
      const r = await t.corpus.restore(backup, { force: true });
      expect(r.verified).toBe(true);
      expect(await t.corpus.digest()).toEqual(backup.digest);
      // summaries derived from the old contents are gone too
      expect(await t.corpus.timeline({ granularity: "month" })).toEqual(
        await source.corpus.timeline({ granularity: "month" }),
      );
      expect(await t.corpus.stances()).toEqual(await source.corpus.stances());
    } finally {
      await t.cleanup();
    }
  });

  it("reports a restore that does not reproduce the backup, and rejects an inconsistent file", async () => {
    const tampered: CorpusBackup = JSON.parse(JSON.stringify(backup));
    tampered.corpus.reviews[0]!.author = "someone else";
    const t = await open();
    try {
      const r = await t.corpus.restore(tampered);
      expect(r.verified).toBe(false);
      expect(r.differences.map((d) => d.table)).toEqual(["reviews"]);
      const short: CorpusBackup = JSON.parse(JSON.stringify(backup));
      short.corpus.articles.pop();
      await expect(t.corpus.restore(short, { force: true })).rejects.toThrow(/inconsistent: it holds 3 articles/);
      await expect(t.corpus.restore({ format: "parley-corpus" })).rejects.toMatchObject({ code: "INVALID" });
    } finally {
      await t.cleanup();
    }
  });
});

import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckReport, Corpus } from "../src";
import { DRIVERS, type TestDb } from "./drivers";
import { ARTICLES } from "./fixtures";

/** Two more reports of the Cairo meeting, so the corpus has multi-article clusters. */
const SAME_EVENT = [
  {
    file: "cairo-2.txt",
    outlet: "Example Times",
    published: "2024-02-05",
    text: "Talks in Cairo\n\nEgyptian mediators met Hamas negotiators in Cairo on Monday to discuss a truce. 😀 Qatar urged calm.",
  },
  {
    file: "cairo-3.txt",
    outlet: "Third Post",
    published: "2024-02-06",
    text: "Cairo meeting\n\nEgyptian mediators met Hamas negotiators in Cairo on Monday. Israel rejected the proposal.",
  },
];

type Raw = {
  db: {
    execute(q: unknown): Promise<{ rows: Record<string, unknown>[] }>;
    transaction<T>(fn: (tx: Raw["db"]) => Promise<T>): Promise<T>;
  };
};

describe.each(DRIVERS)("db check on $name", ({ name, open, skip }) => {
  let t: TestDb;
  let c: Corpus;
  const rows = async (q: ReturnType<typeof sql>) => (await (c as unknown as Raw).db.execute(q)).rows;
  const one = async (q: ReturnType<typeof sql>) => (await rows(q))[0]!;
  /** Runs statements with foreign keys switched off (as a bad tool or a hand edit could), in one transaction. */
  const unchecked = async (...qs: ReturnType<typeof sql>[]) =>
    (c as unknown as Raw).db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL session_replication_role = replica`);
      for (const q of qs) await tx.execute(q);
    });
  const problems = (r: CheckReport, check: string) => r.checks.find((x) => x.name === check)!.problems;

  beforeAll(async () => {
    if (skip) return;
    t = await open();
    c = t.corpus;
    const s = await c.ingest([...ARTICLES, ...SAME_EVENT], { jobs: 0 });
    expect(s.failed).toBe(0);
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  describe.skipIf(skip)(name, () => {
    it("passes on a healthy store with reviews", async () => {
      const [ev] = await c.events({ limit: 1 });
      await c.review(ev!.id, { action: "verify", author: "ana", articleId: ev!.articleId });
      const clusters = await c.clusters({ minArticles: 2 });
      expect(clusters.length).toBeGreaterThan(0);
      const r = await c.check();
      expect(r.checks.filter((x) => x.problems > 0)).toEqual([]);
      expect(r.ok).toBe(true);
      expect(r.counts).toMatchObject({ articles: 5, reviews: 1 });
      expect(r.counts.mentions).toBeGreaterThan(0);
      expect(r.counts.clusterMembers).toBeGreaterThan(0);
    });

    /**
     * Each case damages the store with SQL and expects its rule to go from 0 problems to some (damage accumulates,
     * so each rule is checked before and after its own damage; clusters first, as deleting events changes them).
     */
    const damages: [string, () => Promise<unknown>][] = [
      [
        "cluster-counts",
        () =>
          rows(
            sql`UPDATE event_clusters SET outlet_count = outlet_count + 2 WHERE id = (SELECT min(id) FROM event_clusters)`,
          ),
      ],
      [
        "cluster-once",
        () =>
          rows(sql`WITH m AS (SELECT article_id, event_id FROM event_cluster_members ORDER BY cluster_id LIMIT 1),
            c AS (INSERT INTO event_clusters (id, method, article_count, outlet_count, statuses)
              VALUES ('cl_twice', 'parley-auto-1', 1, 0, '{"occurred":1}') RETURNING id)
            INSERT INTO event_cluster_members (cluster_id, article_id, event_id) SELECT c.id, m.article_id, m.event_id FROM c, m`),
      ],
      [
        "evidence-spans",
        () =>
          rows(sql`UPDATE events SET evidence_text = 'X' || evidence_text
            WHERE (article_id, id) = (SELECT article_id, id FROM events ORDER BY article_id, id LIMIT 1)`),
      ],
      [
        "word-count",
        () => rows(sql`UPDATE articles SET word_count = word_count + 1 WHERE id = (SELECT min(id) FROM articles)`),
      ],
      [
        "sentence-spans",
        () =>
          rows(sql`UPDATE articles SET sentences = '[{"index":0,"span":{"start":0,"end":999999},"headline":false}]'
            WHERE id = (SELECT max(id) FROM articles)`),
      ],
      [
        "mention-actor",
        () =>
          rows(sql`DELETE FROM article_actors WHERE (article_id, actor_id) =
            (SELECT article_id, actor_id FROM mentions ORDER BY article_id, ord LIMIT 1)`),
      ],
      [
        "event-order",
        () =>
          rows(sql`DELETE FROM events WHERE ord = 0 AND article_id =
            (SELECT article_id FROM events GROUP BY article_id HAVING count(*) > 1 ORDER BY article_id LIMIT 1)`),
      ],
      [
        "mention-order",
        () =>
          rows(
            sql`UPDATE mentions SET ord = ord + 100 WHERE (article_id, ord) = (SELECT article_id, 0 FROM mentions LIMIT 1)`,
          ),
      ],
      ["claim-order", () => rows(sql`UPDATE claims SET ord = ord + 7 WHERE id = (SELECT min(id) FROM claims)`)],
      [
        "review-state",
        () =>
          rows(sql`UPDATE events SET review_state = 'rejected'
            WHERE (article_id, id) = (SELECT article_id, id FROM events e WHERE review_state IS NULL
              AND NOT EXISTS (SELECT 1 FROM events s WHERE s.article_id = e.article_id AND s.key_type = e.key_type
                AND s.evidence_start = e.evidence_start AND s.id <> e.id) ORDER BY id LIMIT 1)`),
      ],
      [
        "cluster-member-event",
        () =>
          unchecked(
            sql`INSERT INTO event_cluster_members (cluster_id, article_id, event_id) VALUES ('cl_gone', 'no-article', 'no-event')`,
          ),
      ],
      [
        "event-link-event",
        () =>
          unchecked(
            sql`INSERT INTO event_issues (article_id, event_id, issue, ord) VALUES ('no-article', 'e9', 'ceasefire', 0)`,
          ),
      ],
      [
        "event-article",
        () =>
          unchecked(
            sql`DELETE FROM articles WHERE id = (SELECT min(c.article_id) FROM claims c JOIN events e USING (article_id))`,
          ),
      ],
    ];

    for (const [check, damage] of damages) {
      it(`catches ${check} damage`, async () => {
        expect(problems(await c.check(), check)).toBe(0);
        await damage();
        const r = await c.check();
        expect(r.ok).toBe(false);
        const found = r.checks.find((x) => x.name === check)!;
        expect(found.problems, JSON.stringify(found)).toBeGreaterThan(0);
        expect(found.examples.length).toBeGreaterThan(0);
      });
    }

    it("reports every orphan of a deleted article", async () => {
      const r = await c.check();
      for (const check of ["event-article", "mention-article", "claim-article", "article-actor-article"]) {
        expect(problems(r, check), check).toBeGreaterThan(0);
      }
      expect(await one(sql`SELECT count(*)::int AS n FROM articles`)).toEqual({ n: 4 });
    });
  });
});

import { articleId } from "@parley/core";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Corpus, type IngestQueue, jobIdOf, openQueue, runWorker, StoreError } from "../src";
import { openPostgresTest, PG_UP, PG_URL, type TestDb } from "./drivers";

describe("ingest queue configuration", () => {
  it("needs PostgreSQL", async () => {
    const err = await openQueue({ databaseUrl: "" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).code).toBe("CONFIG");
    expect((err as Error).message).toMatch(/needs PostgreSQL/);
  });

  it("makes one job id per article", () => {
    expect(jobIdOf("30a2fb6c2c3dcc5c")).toBe("30a2fb6c-2c3d-cc5c-0000-000000000000");
  });
});

describe.skipIf(!PG_UP)("ingest queue on PostgreSQL", () => {
  let t: TestDb;
  let c: Corpus;
  let q: IngestQueue;
  let schema: string;
  beforeAll(async () => {
    t = await openPostgresTest();
    c = t.corpus;
    schema = /schema (\w+)/.exec(c.location)![1]!;
    q = await openQueue({ databaseUrl: PG_URL, schema });
  }, 60_000);
  afterAll(async () => {
    await q?.close();
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}_queue" CASCADE`);
    await admin.end();
    await t?.cleanup();
  });

  it("enqueues each storable article once and rejects what PostgreSQL cannot store", async () => {
    const items = [
      { text: "Qatar urged Hamas and Israel to accept the truce.", file: "a.jsonl", line: 1 },
      { text: "Egyptian mediators met a Hamas delegation in Cairo.", file: "a.jsonl", line: 2 },
      { text: "Qatar urged Hamas and Israel to accept the truce.", file: "a.jsonl", line: 3 },
      { text: "   ", file: "a.jsonl", line: 4 },
      { text: "Talks\u0000resumed in Doha.", file: "a.jsonl", line: 5 },
    ];
    const s = await q.enqueue(items);
    expect(s).toMatchObject({ total: 5, enqueued: 2, alreadyQueued: 1, alreadyStored: 0, failed: 2 });
    expect(s.errors.map((e) => [e.line, e.message])).toEqual([
      [4, "empty article text"],
      [5, expect.stringMatching(/NUL character/)],
    ]);
    expect(await q.enqueue(items.slice(0, 2))).toMatchObject({ enqueued: 0, alreadyQueued: 2 });
    expect((await q.status()).counts.created).toBe(2);

    const w = await runWorker(c, q, { jobs: 0, untilEmpty: true, pollMs: 200 });
    expect(w).toMatchObject({ jobs: 2, inserted: 2, failed: 0, reclusters: 1 });
    expect((await c.stats()).articles).toBe(2);
    // Stored now: enqueueing again is a no-op that says so.
    expect(await q.enqueue(items.slice(0, 2))).toMatchObject({ enqueued: 0, alreadyStored: 2 });
    expect(await q.unfinished()).toBe(0);
  }, 60_000);

  it("retries by job or article id and rejects anything else", async () => {
    await expect(q.retry(["not-an-id"])).rejects.toThrow(/neither a job id/);
    const id = articleId("Egyptian mediators met a Hamas delegation in Cairo.");
    // Completed, not failed: nothing to retry.
    expect(await q.retry([id])).toEqual({ retried: 0, notFailed: [id] });
    expect(await q.retry("all")).toEqual({ retried: 0, notFailed: [] });
  });
});

/**
 * The ingest queue end to end on the real PostgreSQL: `parley ingest --queue`, two `parley worker` processes
 * sharing the queue, `parley queue status` and `parley queue retry`, each a child process of the CLI.
 * Skipped (with a message) when PostgreSQL is unreachable.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { analyzeArticle, articleId } from "@parley/core";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const CLI_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const BASE_URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";

async function pgReachable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: BASE_URL, connectionTimeoutMillis: 1500 });
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}
const PG_UP = await pgReachable();
if (!PG_UP) console.warn(`[queue test] PostgreSQL at ${BASE_URL} is unreachable: skipping the ingest queue test.`);

const schema = `parley_qtest_${randomBytes(5).toString("hex")}`;
const queueSchema = `${schema}_queue`;
/** The corpus in a schema of its own: the URL sets the search_path, as a team would. */
const url = (() => {
  const u = new URL(BASE_URL);
  u.searchParams.set("options", `-c search_path=${schema}`);
  return u.toString();
})();

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const cliArgs = (args: string[]) => ["--import", "tsx", "src/index.ts", ...args];
const env = () => ({ ...process.env, DATABASE_URL: url, NO_COLOR: "1", PARLEY_DATA_DIR: "" });

function parley(...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, cliArgs(args), { cwd: CLI_DIR, env: env() }, (err, stdout, stderr) => {
      done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** A long-running child (`parley worker`), with its output collected until it exits. */
function startWorker(...args: string[]): { child: ChildProcess; exited: Promise<Run> } {
  const child = spawn(process.execPath, cliArgs(["worker", ...args]), { cwd: CLI_DIR, env: env() });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => {
    stdout += d;
  });
  child.stderr.on("data", (d) => {
    stderr += d;
  });
  const exited = new Promise<Run>((done) => child.on("close", (code) => done({ code, stdout, stderr })));
  return { child, exited };
}

const SIDES = ["Hamas", "Israel", "the Houthis", "Sudan's army", "the Rapid Support Forces", "Russia", "Ukraine"];
const MEDIATORS = ["Qatar", "Egypt", "Norway", "Turkey", "Saudi Arabia", "the United States"];
const CITIES = ["Doha", "Cairo", "Oslo", "Istanbul", "Jeddah", "Geneva"];

/** Short articles written for this test; each text is distinct (so each has its own content hash). */
function articles(n: number) {
  return Array.from({ length: n }, (_, i) => {
    const side = SIDES[i % SIDES.length]!;
    const other = SIDES[(i + 3) % SIDES.length]!;
    const mediator = MEDIATORS[i % MEDIATORS.length]!;
    const city = CITIES[(i * 5) % CITIES.length]!;
    const day = String(1 + (i % 28)).padStart(2, "0");
    return {
      title: `Talks in ${city}, round ${i + 1}`,
      outlet: i % 2 ? "Test Wire" : "Queue Courier",
      published: `2024-03-${day}`,
      text:
        `${mediator} hosted delegations of ${side} and ${other} in ${city} on Tuesday for round ${i + 1} of talks. ` +
        `${side} rejected a proposal for a ${10 + (i % 50)}-day truce, a spokesman said. ` +
        `${mediator} urged both sides to release ${100 + i} detainees.`,
    };
  });
}

const GOOD = articles(120);
/** The store will refuse this one while the test's check constraint is on `articles`. */
const POISON = { ...articles(121)[120]!, title: "Rejected by the store" };
const POISON_ID = articleId(POISON.text);

let dir: string;
let admin: pg.Client;

const count = async (sql: string): Promise<number> => Number((await admin.query(sql)).rows[0].n);

async function waitFor(what: string, check: () => Promise<boolean>, ms = 90_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe.skipIf(!PG_UP)("ingest queue on PostgreSQL (two worker processes)", () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "parley-queue-test-"));
    writeFileSync(join(dir, "feed.jsonl"), `${[...GOOD, POISON].map((a) => JSON.stringify(a)).join("\n")}\n`);
    admin = new pg.Client({ connectionString: BASE_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA "${schema}"`);
  });

  afterAll(async () => {
    if (admin) {
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.query(`DROP SCHEMA IF EXISTS "${queueSchema}" CASCADE`);
      await admin.end();
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("refuses --queue on the embedded store with a clear error", async () => {
    const r = await parley("ingest", "--queue", "--data-dir", join(dir, "embedded"), join(dir, "feed.jsonl"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ingest --queue needs PostgreSQL/);
    expect(r.stderr).toMatch(/DATABASE_URL/);
  });

  it("processes every article once, parks the one the store rejects, and retries it", async () => {
    // Two workers wait on the empty queue; the articles arrive while they run.
    const workers = [1, 2].map(() => startWorker("--jobs", "1", "--batch", "5", "--json"));
    // The workers migrate the new schema; then the store is made to refuse one article.
    await waitFor(
      "the store tables",
      async () =>
        (await count(
          `SELECT count(*) AS n FROM pg_tables WHERE schemaname = '${schema}' AND tablename = 'articles'`,
        )) === 1,
    );
    await admin.query(
      `ALTER TABLE "${schema}".articles ADD CONSTRAINT queue_test_reject CHECK (title IS DISTINCT FROM 'Rejected by the store')`,
    );
    const q1 = await parley("ingest", "--queue", "--attempts", "3", "--retry-delay", "1", join(dir, "feed.jsonl"));
    expect(q1.stderr).toMatch(/queued 121 new article\(s\) from 1 file\(s\): 0 already queued, 0 already stored/);
    expect(q1.code).toBe(0);
    // Enqueueing again adds nothing: one job per article.
    const q2 = await parley("ingest", "--queue", join(dir, "feed.jsonl"), "--json");
    expect(JSON.parse(q2.stdout)).toMatchObject({ enqueued: 0 });

    const unfinished = `SELECT count(*) AS n FROM "${queueSchema}".job WHERE state < 'completed'`;
    await waitFor("the queue to drain", async () => (await count(unfinished)) === 0);
    for (const w of workers) w.child.kill("SIGTERM");
    const runs = await Promise.all(workers.map((w) => w.exited));

    // Both stopped gracefully and both did part of the work.
    const summaries = runs.map((r) => {
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/SIGTERM: finishing the running batches/);
      return JSON.parse(r.stdout.trim().split("\n").at(-1)!);
    });
    for (const s of summaries) expect(s.jobs).toBeGreaterThan(0);

    // Every good article stored exactly once, with exactly its events: none lost, none doubled.
    const inserted = summaries.reduce((n, s) => n + s.inserted, 0);
    expect(inserted).toBe(GOOD.length);
    expect(await count(`SELECT count(*) AS n FROM "${schema}".articles`)).toBe(GOOD.length);
    const expectedEvents = GOOD.reduce((n, a) => n + analyzeArticle(a).events.length, 0);
    expect(expectedEvents).toBeGreaterThan(GOOD.length);
    expect(summaries.reduce((n, s) => n + s.events, 0)).toBe(expectedEvents);
    expect(await count(`SELECT count(*) AS n FROM "${schema}".events`)).toBe(expectedEvents);
    const stored = (await admin.query(`SELECT id FROM "${schema}".articles ORDER BY id`)).rows.map((r) => r.id);
    expect(stored).toEqual(GOOD.map((a) => articleId(a.text)).sort());
    // The idle workers re-clustered what they stored.
    expect(await count(`SELECT count(*) AS n FROM "${schema}".event_clusters`)).toBeGreaterThan(0);

    // The rejected article failed three times and is parked with its error.
    const failedAttempts = runs.map((r) => r.stderr.match(new RegExp(`article ${POISON_ID}`, "g"))?.length ?? 0);
    expect(failedAttempts.reduce((a, b) => a + b, 0)).toBe(3);
    const status = await parley("queue", "status", "--format", "json");
    expect(status.code).toBe(0);
    const st = JSON.parse(status.stdout);
    expect(st.counts).toMatchObject({ created: 0, retry: 0, active: 0, completed: GOOD.length, failed: 1 });
    expect(st.reclusterPending).toBe(0);
    expect(st.failed).toHaveLength(1);
    expect(st.failed[0]).toMatchObject({ articleId: POISON_ID, attempts: 3, title: "Rejected by the store" });
    expect(st.failed[0].file).toMatch(/feed\.jsonl$/);
    expect(st.failed[0].line).toBe(121);
    expect(st.failed[0].error).toMatch(/not stored: .*queue_test_reject/);
    const table = await parley("queue", "status", "--format", "csv");
    expect(table.stdout.split("\n")[0]).toBe("job,article,file,attempts,failed at,error");
    expect(table.stdout).toContain(POISON_ID);

    // Once the cause is gone, `queue retry` runs it again and it is stored.
    await admin.query(`ALTER TABLE "${schema}".articles DROP CONSTRAINT queue_test_reject`);
    const bad = await parley("queue", "retry", "0123456789abcdef");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/0123456789abcdef: no failed job/);
    const retry = await parley("queue", "retry", POISON_ID);
    expect(retry.code).toBe(0);
    expect(retry.stderr).toMatch(/queued 1 failed job/);
    const again = startWorker("--jobs", "1", "--until-empty", "--json");
    const last = await again.exited;
    expect(last.code, last.stderr).toBe(0);
    expect(JSON.parse(last.stdout.trim())).toMatchObject({ jobs: 1, inserted: 1, failed: 0 });
    expect(await count(`SELECT count(*) AS n FROM "${schema}".articles`)).toBe(GOOD.length + 1);
    const after = JSON.parse((await parley("queue", "status", "--format", "json")).stdout);
    expect(after.counts).toMatchObject({ failed: 0, completed: GOOD.length + 1 });
  }, 180_000);
});

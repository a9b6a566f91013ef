import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type Corpus, type CorpusDigest, LOCK_FILE, openCorpus } from "@parley/store";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateArticles, mulberry32 } from "../../../bench/generate";

/**
 * Faults (issue 6): `parley ingest` killed with SIGKILL at random points, two ingests at once on one PostgreSQL
 * schema, a crash while reviews are written, and backup/restore through the bin. Real processes of the built bin
 * (`dist/parley.js`) on a corpus from the project's generator (bench/generate).
 *
 * PARLEY_KILL_RUNS (default 5) kills per driver; PARLEY_CONCURRENT_RUNS (default 2) concurrent rounds;
 * PARLEY_FAULT_SEED replays the random kill points (printed at the start).
 */
const CLI_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const BIN = join(CLI_DIR, "dist/parley.js");
const REVIEW_WRITER = join(CLI_DIR, "test/fault-scripts/write-reviews.ts");
const PG_URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
const KILL_RUNS = Number(process.env.PARLEY_KILL_RUNS || 5);
const CONCURRENT_RUNS = Number(process.env.PARLEY_CONCURRENT_RUNS || 2);
const REVIEW_KILLS = 3;
const SEED = Number(process.env.PARLEY_FAULT_SEED || Math.floor(Math.random() * 2 ** 31));
const ARTICLES = 60;
const random = mulberry32(SEED);
console.info(`[faults] seed ${SEED} (PARLEY_FAULT_SEED), ${KILL_RUNS} kills per driver (PARLEY_KILL_RUNS)`);

async function pgReachable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 1500 });
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
if (!PG_UP) console.warn(`[faults] PostgreSQL at ${PG_URL} is unreachable: skipping the PostgreSQL cases.`);

let dir: string;
/** All articles, and two overlapping parts (0–39 and 20–59) for the concurrent ingests. */
let corpusFile: string;
let partA: string;
let partB: string;

beforeAll(() => {
  if (!existsSync(BIN)) execFileSync("pnpm", ["build"], { cwd: CLI_DIR, stdio: "ignore" });
  dir = mkdtempSync(join(tmpdir(), "parley-faults-"));
  const lines = [...generateArticles({ count: ARTICLES, seed: 11 })].map((a) => JSON.stringify(a));
  corpusFile = join(dir, "corpus.jsonl");
  partA = join(dir, "part-a.jsonl");
  partB = join(dir, "part-b.jsonl");
  writeFileSync(corpusFile, `${lines.join("\n")}\n`);
  writeFileSync(partA, `${lines.slice(0, 40).join("\n")}\n`);
  writeFileSync(partB, `${lines.slice(20).join("\n")}\n`);
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Where a store lives, as CLI arguments and as `openCorpus` options. */
interface Target {
  args: string[];
  options: { dataDir?: string; databaseUrl?: string; schema?: string };
  lockFile: string | null;
  drop(): Promise<void>;
}

function pgliteTarget(): Target {
  const dataDir = mkdtempSync(join(dir, "store-"));
  return {
    args: ["--data-dir", dataDir],
    options: { dataDir },
    lockFile: join(dataDir, LOCK_FILE),
    async drop() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function pgAdmin(sqlText: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    await c.query(sqlText);
  } finally {
    await c.end();
  }
}

/** A fresh schema; the CLI reaches it through the connection string's `options=-c search_path=…`. */
async function postgresTarget(): Promise<Target> {
  const schema = `parley_fault_${randomBytes(5).toString("hex")}`;
  await pgAdmin(`CREATE SCHEMA "${schema}"`);
  const url = `${PG_URL}${PG_URL.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return {
    args: ["--database-url", url],
    options: { databaseUrl: PG_URL, schema },
    lockFile: null,
    async drop() {
      await pgAdmin(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    },
  };
}

const childEnv = (): NodeJS.ProcessEnv => ({ PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: "1" });

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: childEnv(), encoding: "utf8", timeout: 300_000 });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once("exit", (code, signal) => done({ code, signal })),
  );

/** Starts the bin and SIGKILLs it after `ms` unless it ended before. */
async function runKilledAfter(args: string[], ms: number) {
  const child = spawn(process.execPath, [BIN, ...args], { env: childEnv(), stdio: "ignore" });
  const end = exited(child);
  const timer = setTimeout(() => child.kill("SIGKILL"), ms);
  const r = await end;
  clearTimeout(timer);
  return r;
}

async function withCorpus<T>(t: Target, fn: (c: Corpus) => Promise<T>): Promise<T> {
  const c = await openCorpus(t.options);
  try {
    return await fn(c);
  } finally {
    await c.close();
  }
}

/** Events, mentions, claims, actors and sentences per stored article: what a fully written article must have. */
async function perArticle(c: Corpus): Promise<Map<string, string>> {
  const dump = await c.exportAll();
  return new Map(
    dump.articles.map(({ analysis: a }) => [
      a.article.id,
      `${a.events.length}/${a.mentions.length}/${a.claims.length}/${a.actors.length}/${a.sentences.length}`,
    ]),
  );
}

/**
 * The digest of everything an ingest produces, without what differs between two runs by design: articles carry
 * their ingestion time (compared by id instead) and clusters their creation time (compared by members).
 */
const RUN_INDEPENDENT = [
  "outlets",
  "actors",
  "article_actors",
  "mentions",
  "events",
  "event_actors",
  "event_issues",
  "claims",
  "event_cluster_members",
];
function comparable(d: CorpusDigest) {
  return {
    rows: Object.fromEntries(Object.entries(d).map(([t, x]) => [t, x.rows])),
    content: Object.fromEntries(RUN_INDEPENDENT.map((t) => [t, d[t]?.sha256])),
  };
}

interface Baseline {
  digest: ReturnType<typeof comparable>;
  perArticle: Map<string, string>;
  ms: number;
}

const DRIVERS = [
  { name: "pglite", target: async () => pgliteTarget(), skip: false },
  { name: "postgres", target: postgresTarget, skip: !PG_UP },
] as const;

describe.each(DRIVERS)("faults on $name", ({ name, target, skip }) => {
  let baseline: Baseline;
  let faulted: Target;
  const cleanup: Target[] = [];
  afterAll(async () => {
    for (const t of cleanup) await t.drop();
  });

  describe.skipIf(skip)(name, () => {
    it("ingests uninterrupted (the baseline)", async () => {
      const t = await target();
      cleanup.push(t);
      const t0 = performance.now();
      const r = run([...t.args, "ingest", corpusFile, "--jobs", "1", "--json"]);
      const ms = performance.now() - t0;
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ inserted: ARTICLES, failed: 0 });
      baseline = await withCorpus(t, async (c) => ({
        digest: comparable(await c.digest()),
        perArticle: await perArticle(c),
        ms,
      }));
      expect(baseline.perArticle.size).toBe(ARTICLES);
    }, 300_000);

    it(`survives ${KILL_RUNS} SIGKILLs of parley ingest at random points, each followed by a re-run`, async () => {
      const outcomes: string[] = [];
      // PGlite: the first store is new (a kill may land in its creation or first migration), later ones start
      // from a migrated copy, so the kills land in the ingest itself.
      let template: string | null = null;
      // Kill points are drawn over the length of a run: first the baseline's (a new store), then that of the
      // latest re-run (an existing store), so they keep landing inside the ingest.
      let span = baseline.ms;
      for (let i = 0; i < KILL_RUNS; i++) {
        const t = await target();
        cleanup.push(t);
        if (t.options.dataDir && template) {
          rmSync(t.options.dataDir, { recursive: true, force: true });
          cpSync(template, t.options.dataDir, { recursive: true });
        }
        const at = Math.round(random() * span);
        const r = await runKilledAfter([...t.args, "ingest", corpusFile, "--jobs", "1", "-q"], at);
        const staleLock = t.lockFile !== null && existsSync(t.lockFile);
        // The store opens (a dead process's lock is taken over) and passes `parley db check`.
        const check = run([...t.args, "db", "check", "--json"]);
        expect(check.code, `${check.stdout}\n${check.stderr}`).toBe(0);
        expect(JSON.parse(check.stdout).ok).toBe(true);
        // No half-written article: each stored article has exactly the rows the uninterrupted run gave it.
        const stored = await withCorpus(t, perArticle);
        for (const [id, rows] of stored) expect(rows, id).toBe(baseline.perArticle.get(id));
        // The same ingest again completes, with the rows of the uninterrupted run: nothing missing, nothing twice.
        const t0 = performance.now();
        const again = run([...t.args, "ingest", corpusFile, "--jobs", "1", "--json"]);
        span = performance.now() - t0;
        expect(again.code, again.stderr).toBe(0);
        const s = JSON.parse(again.stdout);
        expect(s.inserted + s.duplicates).toBe(ARTICLES);
        expect(s.duplicates).toBe(stored.size);
        const after = await withCorpus(t, async (c) => ({
          digest: comparable(await c.digest()),
          perArticle: await perArticle(c),
          check: await c.check(),
        }));
        expect(after.check.checks.filter((x) => x.problems > 0)).toEqual([]);
        expect(after.digest).toEqual(baseline.digest);
        expect(after.perArticle).toEqual(baseline.perArticle);
        outcomes.push(
          `kill ${i + 1} at ${at} ms: ${r.signal === "SIGKILL" ? "killed" : `exited ${r.code} first`}, ` +
            `${stored.size} article(s) stored${staleLock ? ", stale lock left" : ""}, db check ok, re-run equal`,
        );
        if (t.options.dataDir && !template) {
          template = mkdtempSync(join(dir, "template-"));
          const m = run(["--data-dir", template, "db", "migrate"]);
          expect(m.code, m.stderr).toBe(0);
        }
        if (i < KILL_RUNS - 1) await t.drop();
        else faulted = t;
      }
      console.info(`[faults] ${name}: ${outcomes.join("; ")}`);
    }, 1_800_000);

    it(`keeps each review whole or absent when the writer is killed mid-review (${REVIEW_KILLS} kills)`, async () => {
      const outcomes: string[] = [];
      for (let i = 0; i < REVIEW_KILLS; i++) {
        const before = await withCorpus(faulted, (c) => c.reviews({ limit: 10_000 }));
        const child = spawn(process.execPath, ["--import", "tsx", REVIEW_WRITER, JSON.stringify(faulted.options)], {
          cwd: CLI_DIR,
          env: childEnv(),
          stdio: ["ignore", "pipe", "pipe"],
        });
        const end = exited(child);
        let stderr = "";
        child.stderr!.on("data", (d) => {
          stderr += d;
        });
        // Kill once a random number (1–12) of reviews has been committed: the next one is being written.
        const wanted = 1 + Math.floor(random() * 12);
        const committed: string[] = [];
        let buffer = "";
        child.stdout!.on("data", (d) => {
          buffer += d;
          const lines = buffer.split("\n");
          buffer = lines.pop()!;
          committed.push(...lines.filter(Boolean));
          if (committed.length >= wanted) child.kill("SIGKILL");
        });
        const r = await end;
        expect(r.signal, stderr).toBe("SIGKILL");
        const check = run([...faulted.args, "db", "check", "--json"]);
        expect(check.code, check.stdout).toBe(0);
        const after = await withCorpus(faulted, (c) => c.reviews({ limit: 10_000 }));
        const ids = new Set(after.map((x) => x.id));
        for (const id of committed) expect(ids.has(id), id).toBe(true);
        // at most the one in flight more than reported
        expect(after.length - before.length).toBeGreaterThanOrEqual(committed.length);
        expect(after.length - before.length).toBeLessThanOrEqual(committed.length + 1);
        outcomes.push(
          `kill ${i + 1} after ${committed.length} committed review(s): ${after.length - before.length} stored, db check ok`,
        );
      }
      console.info(`[faults] ${name} reviews: ${outcomes.join("; ")}`);
    }, 300_000);

    it("backs up and restores the corpus with its reviews through the bin, verified equal", async () => {
      const file = join(dir, `${name}.backup.json`);
      const b = run([...faulted.args, "backup", file]);
      expect(b.code, b.stderr).toBe(0);
      expect(b.stderr).toMatch(/^backed up 60 articles, \d+ events, \d+ reviews, \d+ clusters to /);
      // PGlite's backup also goes into PostgreSQL (cross-driver) when it is there
      const targets = name === "pglite" && PG_UP ? [pgliteTarget, postgresTarget] : [target];
      for (const [i, make] of targets.entries()) {
        const copy = await make();
        cleanup.push(copy);
        const r = run([...copy.args, "restore", file]);
        expect(r.code, r.stderr).toBe(0);
        expect(r.stderr).toMatch(/verified: 12 tables equal the backup/);
        const [source, restored] = [
          await withCorpus(faulted, (c) => c.digest()),
          await withCorpus(copy, (c) => c.digest()),
        ];
        expect(restored).toEqual(source);
        if (i > 0) continue;
        // a second restore into the now non-empty store is refused with a clear error
        const again = run([...copy.args, "restore", file]);
        expect(again.code).toBe(2);
        expect(again.stderr).toMatch(/^parley: The target store is not empty \(.*60 articles.*pass --force/);
      }
    }, 300_000);
  });
});

describe.skipIf(!PG_UP)("two parley ingest processes at once on one PostgreSQL schema", () => {
  let reference: ReturnType<typeof comparable>;
  const cleanup: Target[] = [];
  afterAll(async () => {
    for (const t of cleanup) await t.drop();
  });

  it("gives the reference corpus (one process, all articles)", async () => {
    const t = await postgresTarget();
    cleanup.push(t);
    const r = run([...t.args, "ingest", corpusFile, "--jobs", "1", "-q"]);
    expect(r.code, r.stderr).toBe(0);
    reference = await withCorpus(t, async (c) => comparable(await c.digest()));
  }, 300_000);

  for (let round = 1; round <= CONCURRENT_RUNS; round++) {
    it(`round ${round}: overlapping inputs, no duplicate articles, events or clusters`, async () => {
      const t = await postgresTarget();
      cleanup.push(t);
      const start = (file: string) => {
        const child = spawn(process.execPath, [BIN, ...t.args, "ingest", file, "--jobs", "1", "--json"], {
          env: childEnv(),
          stdio: ["ignore", "pipe", "pipe"],
        });
        let out = "";
        let err = "";
        child.stdout!.on("data", (d) => {
          out += d;
        });
        child.stderr!.on("data", (d) => {
          err += d;
        });
        return exited(child).then((r) => ({ ...r, out, err }));
      };
      const [a, b] = await Promise.all([start(partA), start(partB)]);
      expect(a.code, a.err).toBe(0);
      expect(b.code, b.err).toBe(0);
      const sa = JSON.parse(a.out);
      const sb = JSON.parse(b.out);
      // every article stored exactly once between the two
      expect(sa.inserted + sb.inserted).toBe(ARTICLES);
      expect(sa.duplicates + sb.duplicates).toBe(20);
      const got = await withCorpus(t, async (c) => ({ digest: comparable(await c.digest()), check: await c.check() }));
      expect(got.check.checks.filter((x) => x.problems > 0)).toEqual([]);
      expect(got.digest).toEqual(reference);
      console.info(
        `[faults] concurrent round ${round}: A inserted ${sa.inserted}, B inserted ${sb.inserted}; ` +
          `${got.digest.rows.events} events, ${got.digest.rows.event_clusters} clusters, equal to one process`,
      );
    }, 300_000);
  }
});

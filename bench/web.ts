/**
 * `pnpm bench:web` — server response time of every dashboard view and first-load JavaScript (gzipped) on a
 * generated corpus (default 10,000 articles). Not a test: nothing asserts on timings. `--write` puts the figures
 * in docs/benchmarks.md between the `bench:web` markers.
 *
 * Options: --count N (articles, default 10000), --seed N, --runs N (timed requests per view, default 20),
 * --write, --fresh (re-ingest even if the corpus exists).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { cpus } from "node:os";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { openCorpus } from "@parley/store";
import { generateArticles } from "./generate/index";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "..");
const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const COUNT = opt("count", 10_000);
const SEED = opt("seed", 1);
const RUNS = opt("runs", 20);
const WRITE = args.includes("--write");
const FRESH = args.includes("--fresh");
const P95_TARGET_MS = 300;
const JS_TARGET_KB = 350;

const NOTE = `
Cold vs warm: each server keeps the results of read queries (\`QueryCache\` in \`@parley/api\`, cleared by every ingest or
review and expired after 60 s), so the p50/p95 columns measure a view whose data is already computed — rendering, RSC
payload and HTML. The "Cold" column is the first request after start, an ingest or a review: whole-corpus views
(overview, timeline, actors, sources) then take 10–20 s on this corpus, dominated by the store's cross-article model
queries over all 215,125 events. Those cold times are far above the 300 ms target; caching, not faster queries,
is what brings repeat views under it.`.trim();

const log = (s: string) => process.stderr.write(`${s}\n`);

async function corpusDir(): Promise<{ dir: string; ingestSeconds: number | null; events: number }> {
  const dir = join(HERE, "out", `web-corpus-${COUNT}-seed${SEED}`);
  const marker = join(dir, "complete.json");
  if (FRESH) rmSync(dir, { recursive: true, force: true });
  if (existsSync(marker)) {
    const m = JSON.parse(readFileSync(marker, "utf8")) as { ingestSeconds: number; events: number };
    log(`corpus: reusing ${dir}`);
    return { dir, ingestSeconds: m.ingestSeconds, events: m.events };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  log(`corpus: generating and ingesting ${COUNT.toLocaleString("en")} articles (seed ${SEED}) into ${dir}…`);
  const corpus = await openCorpus({ dataDir: dir });
  const t0 = performance.now();
  let last = 0;
  const summary = await corpus.ingest(
    (function* () {
      for (const a of generateArticles({ count: COUNT, seed: SEED })) {
        yield { text: a.text, title: a.title, outlet: a.outlet, published: a.published, url: a.url, file: a.file };
      }
    })(),
    {
      onProgress: (p) => {
        if (p.done - last >= 1000) {
          last = p.done;
          log(`  ${p.done.toLocaleString("en")} articles`);
        }
      },
    },
  );
  const ingestSeconds = (performance.now() - t0) / 1000;
  await corpus.close();
  writeFileSync(marker, JSON.stringify({ ingestSeconds, events: summary.events, inserted: summary.inserted }));
  log(`corpus: ${summary.inserted} articles, ${summary.events} events in ${ingestSeconds.toFixed(0)} s`);
  return { dir, ingestSeconds, events: summary.events };
}

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

async function serve(dir: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const tsx = createRequire(join(HERE, "package.json")).resolve("tsx/cli");
  const child = spawn(
    process.execPath,
    [tsx, join(ROOT, "apps/cli/src/index.ts"), "--data-dir", dir, "serve", "--port", String(port)],
    {
      cwd: ROOT,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PARLEY_TOKEN: "" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let out = "";
  child.stdout?.on("data", (d) => (out += d));
  child.stderr?.on("data", (d) => (out += d));
  for (let i = 0; ; i++) {
    if (/dashboard on/.test(out)) break;
    if (child.exitCode !== null || i > 3000) throw new Error(`parley serve did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url: `http://127.0.0.1:${port}`, child };
}

async function api<T>(url: string, path: string, input: unknown): Promise<T> {
  const q = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const body = (await (await fetch(`${url}/api/trpc/${path}${q}`)).json()) as { result?: { data: T }; error?: unknown };
  if (!body.result) throw new Error(`${path}: ${JSON.stringify(body.error)}`);
  return body.result.data;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};

async function timeView(url: string, path: string) {
  const get = async () => {
    const t0 = performance.now();
    const res = await fetch(`${url}${path}`);
    const body = await res.text();
    if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
    return { ms: performance.now() - t0, body };
  };
  const first = await get();
  await get();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push((await get()).ms);
  return {
    first: first.ms,
    p50: quantile(times, 0.5),
    p95: quantile(times, 0.95),
    max: Math.max(...times),
    html: first.body,
  };
}

const jsCache = new Map<string, { raw: number; gz: number }>();
async function firstLoadJs(url: string, html: string) {
  const srcs = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((m) => m[1]!))];
  let raw = 0;
  let gz = 0;
  for (const src of srcs) {
    let size = jsCache.get(src);
    if (!size) {
      const buf = Buffer.from(await (await fetch(new URL(src, url))).arrayBuffer());
      size = { raw: buf.length, gz: gzipSync(buf).length };
      jsCache.set(src, size);
    }
    raw += size.raw;
    gz += size.gz;
  }
  return { files: srcs.length, rawKb: raw / 1024, gzKb: gz / 1024 };
}

async function main() {
  const { dir, ingestSeconds, events } = await corpusDir();
  log("server: starting parley serve (builds the web app if needed)…");
  const { url, child } = await serve(dir);
  try {
    const [ev] = await api<{ id: string; articleId: string }[]>(url, "events.list", { type: "MEET", limit: 1 });
    const [actor] = await api<{ id: string }[]>(url, "actors.list", { limit: 1 });
    const stats = await api<{ articles: number; events: number; actors: number; claims: number }>(
      url,
      "corpus.stats",
      undefined,
    );
    const views: [string, string][] = [
      ["Overview", "/"],
      ["Timeline", "/timeline"],
      [
        "Timeline, filtered (actor + month)",
        `/timeline?actor=${encodeURIComponent(actor!.id)}&from=2024-02&to=2024-02`,
      ],
      ["Actors (network)", "/actors"],
      ["Actor page", `/actors/${encodeURIComponent(actor!.id)}`],
      ["Issues (stances)", "/issues"],
      ["Map", "/map"],
      ["Claims", "/claims"],
      ["Sources", "/sources"],
      ["Article reader", `/articles/${encodeURIComponent(ev!.articleId)}`],
      ["Event page", `/events/${encodeURIComponent(ev!.id)}`],
      ["Ingest", "/ingest"],
      ["Review", "/review"],
    ];
    const rows: string[] = [];
    for (const [name, path] of views) {
      log(`view: ${name} (${path})`);
      const t = await timeView(url, path);
      const js = await firstLoadJs(url, t.html);
      const ok = t.p95 < P95_TARGET_MS ? "yes" : "**no**";
      const jsOk = js.gzKb < JS_TARGET_KB ? "yes" : "**no**";
      rows.push(
        `| ${name} | \`${path.length > 40 ? `${path.slice(0, 37)}…` : path}\` | ${t.first.toFixed(0)} | ${t.p50.toFixed(0)} | ${t.p95.toFixed(0)} | ${t.max.toFixed(0)} | ${ok} | ${js.gzKb.toFixed(0)} | ${js.rawKb.toFixed(0)} | ${jsOk} |`,
      );
      log(`  p50 ${t.p50.toFixed(0)} ms, p95 ${t.p95.toFixed(0)} ms, JS ${js.gzKb.toFixed(0)} KB gz`);
    }
    const cytoscape = [...jsCache.entries()].length;
    const section = [
      "## Web dashboard",
      "",
      `Machine: ${cpus()[0]?.model ?? "?"}, ${cpus().length} cores, Node ${process.version}. Date: ${new Date().toISOString().slice(0, 10)}. Command: \`pnpm bench:web${args.length ? ` -- ${args.join(" ")}` : ""}\`.`,
      "",
      `Corpus: ${stats.articles.toLocaleString("en")} generated articles (\`bench/generate\`, seed ${SEED}), ${stats.events.toLocaleString("en")} events, ${stats.actors.toLocaleString("en")} actors, ${stats.claims.toLocaleString("en")} claims, embedded PGlite${ingestSeconds ? `; ingested in ${ingestSeconds.toFixed(0)} s on ${cpus().length} worker threads (${events.toLocaleString("en")} events)` : ""}.`,
      `Server: \`parley serve\` (Next.js production build, in-process tRPC) on 127.0.0.1. Each view: one cold request, one warm-up, then ${RUNS} sequential requests timed to the last byte of the HTML (server components prefetch every query the view needs, so this is the server's whole work for the page). First-load JS: every \`<script src>\` in the page's HTML, gzipped (level 6); chunks loaded later on demand (the Cytoscape network on /actors) are not counted; ${cytoscape} distinct scripts were seen over all views. Targets: p95 < ${P95_TARGET_MS} ms, first-load JS < ${JS_TARGET_KB} KB gzipped.`,
      "",
      "",
      NOTE,
      "",
      "| View | Path | Cold (ms) | p50 (ms) | p95 (ms) | Max (ms) | p95 < 300 ms | First-load JS (KB gz) | (KB raw) | < 350 KB |",
      "|---|---|--:|--:|--:|--:|:-:|--:|--:|:-:|",
      ...rows,
    ].join("\n");
    process.stdout.write(`${section}\n`);
    if (WRITE) {
      const file = join(ROOT, "docs/benchmarks.md");
      const doc = readFileSync(file, "utf8");
      const start = "<!-- bench:web:start -->";
      const end = "<!-- bench:web:end -->";
      const block = `${start}\n${section}\n${end}`;
      const next =
        doc.includes(start) && doc.includes(end)
          ? doc.slice(0, doc.indexOf(start)) + block + doc.slice(doc.indexOf(end) + end.length)
          : `${doc.trimEnd()}\n\n${block}\n`;
      writeFileSync(file, next);
      log(`wrote ${file}`);
    }
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
}

main().catch((err) => {
  process.stderr.write(`bench:web failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});

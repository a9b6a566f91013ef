/**
 * Memory benchmark of streaming ingest (not a test; nothing asserts): writes a large JSONL of generated articles
 * and records the peak resident memory of one `parley ingest` process reading it.
 *
 *   pnpm bench:ingest-memory                         # 1 GB JSONL into PostgreSQL (a throw-away schema)
 *   pnpm bench:ingest-memory -- --mb 50 --jobs 2     # a quick check
 *   pnpm bench:ingest-memory -- --driver pglite      # into a temporary embedded store
 *   pnpm bench:ingest-memory -- --write              # also update docs/benchmarks.md (ingest-memory section)
 *
 * The file is generated once per size and seed under bench/out/ (kept for re-runs; --keep-file false deletes it).
 * `--bundle` runs the built bin (apps/cli/dist/parley.js; `pnpm --filter @parley/cli build` first) instead of tsx.
 */
import { once } from "node:events";
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { generateArticles } from "./generate/index";
import { writeNamedSection } from "./ingest-lib";
import { commandLine, fmt, machineLine, ROOT, runParley } from "./proc-lib";

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"),
  options: {
    mb: { type: "string", default: "1000" },
    seed: { type: "string", default: "1" },
    jobs: { type: "string", default: "2" },
    driver: { type: "string", default: "postgres" },
    bundle: { type: "boolean", default: false },
    "keep-file": { type: "string", default: "true" },
    write: { type: "boolean", default: false },
  },
});
const targetBytes = Number(values.mb) * 1e6;
const driver = values.driver as "postgres" | "pglite";
if (!Number.isFinite(targetBytes) || targetBytes <= 0) throw new Error(`--mb must be a positive number`);
if (driver !== "postgres" && driver !== "pglite") throw new Error("--driver must be postgres or pglite");
const PG_URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";

/** Writes generated articles as JSONL until the file reaches `bytes`; returns the article count. */
async function writeJsonl(path: string, bytes: number, seed: number): Promise<number> {
  const out = createWriteStream(path);
  let written = 0;
  let n = 0;
  for (const a of generateArticles({ count: Number.MAX_SAFE_INTEGER, seed })) {
    const line = `${JSON.stringify(a)}\n`;
    if (!out.write(line)) await once(out, "drain");
    written += Buffer.byteLength(line);
    n++;
    if (written >= bytes) break;
  }
  out.end();
  await once(out, "finish");
  return n;
}

const outDir = join(ROOT, "bench/out");
mkdirSync(outDir, { recursive: true });
const file = join(outDir, `ingest-memory-${values.mb}mb-seed${values.seed}.jsonl`);
if (!existsSync(file)) {
  const t = performance.now();
  const n = await writeJsonl(file, targetBytes, Number(values.seed));
  console.error(`wrote ${fmt(n)} articles to ${file} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
const fileMB = statSync(file).size / 1e6;

let env: NodeJS.ProcessEnv;
let cleanup: () => Promise<void>;
if (driver === "postgres") {
  const schema = `parley_bench_mem_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA "${schema}"`);
  const u = new URL(PG_URL);
  u.searchParams.set("options", `-c search_path=${schema}`);
  env = { DATABASE_URL: u.toString(), PARLEY_DATA_DIR: "" };
  cleanup = async () => {
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  };
} else {
  const dir = mkdtempSync(join(tmpdir(), "parley-bench-mem-"));
  env = { DATABASE_URL: "", PARLEY_DATA_DIR: dir };
  cleanup = async () => rmSync(dir, { recursive: true, force: true });
}

console.error(`parley ingest ${file} (${fileMB.toFixed(1)} MB) --jobs ${values.jobs} into ${driver}…`);
let run: Awaited<ReturnType<typeof runParley>>;
try {
  run = await runParley(["ingest", file, "--jobs", values.jobs!, "--json", "--quiet"], {
    env,
    bundle: values.bundle,
  });
} finally {
  await cleanup();
  if (values["keep-file"] === "false") rmSync(file, { force: true });
}
if (run.code !== 0 && run.code !== 3) {
  console.error(run.stderr);
  throw new Error(`parley ingest exited with ${run.code}`);
}
const s = JSON.parse(run.stdout) as { inserted: number; events: number; failed: number };
const rate = s.inserted / run.seconds;
console.error(
  `${fmt(s.inserted)} articles, ${fmt(s.events)} events, ${s.failed} failed in ${run.seconds.toFixed(1)} s ` +
    `(${rate.toFixed(0)} articles/s); peak RSS ${run.peakRssMB.toFixed(0)} MB`,
);

const body = [
  "## Ingest memory (streaming)",
  "",
  machineLine(commandLine("bench:ingest-memory")),
  "",
  `One \`parley ingest\` process (${values.bundle ? "the built bin" : "from source through tsx"}, \`--jobs ${values.jobs}\`, ${driver === "postgres" ? "PostgreSQL on the same machine" : "embedded PGlite"}) reading a JSONL of generated articles (\`bench/generate\`, seed ${values.seed}) as a stream; peak resident memory is the process's VmHWM (main thread and analysis threads${driver === "pglite" ? ", and PGlite's WASM heap" : ""}). Target: a 1 GB JSONL under 1 GB resident.`,
  "",
  "| File (MB) | Articles stored | Events | Failed | Time (s) | Articles/s | Peak RSS (MB) | < 1 GB |",
  "|--:|--:|--:|--:|--:|--:|--:|:-:|",
  `| ${fmt(fileMB, 1)} | ${fmt(s.inserted)} | ${fmt(s.events)} | ${s.failed} | ${fmt(run.seconds, 1)} | ${fmt(rate)} | ${fmt(run.peakRssMB)} | ${run.peakRssMB < 1024 ? "yes" : "**no**"} |`,
].join("\n");
console.log(body);
if (values.write) {
  writeNamedSection(join(ROOT, "docs/benchmarks.md"), "ingest-memory", body);
  console.error("docs/benchmarks.md: ingest-memory section updated");
}

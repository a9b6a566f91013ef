import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The built bin (`dist/parley.js`, what `pnpm --filter @parley/cli build` makes) on plain Node, no tsx.
 * turbo runs this package's build before its tests; run directly, the test builds first if dist is missing.
 */
const CLI_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const ROOT = resolve(CLI_DIR, "../..");
const BIN = join(CLI_DIR, "dist/parley.js");

let dir: string;

/** Runs the bin with a clean environment: no DATABASE_URL or PARLEY_DATA_DIR from the caller. */
function run(args: string[], input?: string) {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: "1" };
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, env, input, encoding: "utf8", timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!existsSync(BIN)) execFileSync("pnpm", ["build"], { cwd: CLI_DIR, stdio: "ignore" });
  dir = mkdtempSync(join(tmpdir(), "parley-bin-"));
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the bundled bin on plain Node", () => {
  const data = () => join(dir, "data");
  const ingest = () =>
    run([
      "--data-dir",
      data(),
      "ingest",
      join(ROOT, "examples/articles"),
      "--meta",
      join(ROOT, "examples/manifest.json"),
      "--jobs",
      "1",
      "--json",
    ]);

  it("ingests on a worker thread, and a second ingest adds nothing", () => {
    const first = ingest();
    expect(first.code, first.stderr).toBe(0);
    const s1 = JSON.parse(first.stdout);
    expect(s1).toMatchObject({ inserted: 3, duplicates: 0, failed: 0 });
    expect(s1.events).toBeGreaterThan(0);
    expect(first.stderr).toMatch(/ingested 3 new article/);
    const second = ingest();
    expect(second.code, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ inserted: 0, duplicates: 3, events: 0 });
    const stats = JSON.parse(run(["--data-dir", data(), "stats", "--format", "json"]).stdout);
    expect(stats).toMatchObject({ articles: 3, events: s1.events });
  });

  it("prints events as JSON and ndjson when piped", () => {
    const json = run(["--data-dir", data(), "events", "--format", "json", "--limit", "1000"]);
    expect(json.code, json.stderr).toBe(0);
    const events = JSON.parse(json.stdout);
    expect(events.length).toBeGreaterThan(0);
    expect(events[0]).toHaveProperty("evidence.text");
    const piped = run(["--data-dir", data(), "events", "--limit", "1000"]);
    expect(piped.stdout.trim().split("\n")).toHaveLength(events.length);
  });

  it("round-trips the corpus through export --all and import", () => {
    const out = join(dir, "corpus.json");
    const exp = run(["--data-dir", data(), "export", "--all", "--out", out]);
    expect(exp.code, exp.stderr).toBe(0);
    const imp = run(["--data-dir", join(dir, "copy"), "import", out, "--json"]);
    expect(imp.code, imp.stderr).toBe(0);
    expect(JSON.parse(imp.stdout)).toMatchObject({ articles: 3, duplicates: 0 });
    const back = join(dir, "back.json");
    expect(run(["--data-dir", join(dir, "copy"), "export", "--all", "--out", back]).code).toBe(0);
    const a = JSON.parse(readFileSync(out, "utf8"));
    const b = JSON.parse(readFileSync(back, "utf8"));
    expect({ ...b, exportedAt: "" }).toEqual({ ...a, exportedAt: "" });
  });

  it("reports bad input with file and line, ingests the rest, and exits 3", () => {
    writeFileSync(join(dir, "feed.jsonl"), `{"text": "Qatar urged both sides to return to talks in Doha."}\n{ nope\n`);
    const r = run(["--data-dir", data(), "ingest", join(dir, "feed.jsonl"), join(dir, "absent.txt"), "--jobs", "0"]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/feed\.jsonl:2: /);
    expect(r.stderr).toMatch(/absent\.txt: no such file/);
    expect(r.stderr).toMatch(/ingested 1 new article/);
  });

  it("explains bad options without a stack trace, and shows an example in --help", () => {
    const bad = run(["--data-dir", data(), "events", "--type", "PARTY"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--type/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    const help = run(["clusters", "--help"]);
    expect(help.stdout).toMatch(/Example:\n\s+parley clusters/);
  });
});

import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const CLI_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI from source with tsx, as `parley …` would run. */
function parley(...args: string[]): Run {
  try {
    const stdout = execFileSync(process.execPath, ["--import", "tsx", "src/index.ts", ...args], {
      cwd: CLI_DIR,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NO_COLOR: "1" },
    });
    return { code: 0, stdout, stderr: "" };
  } catch (err) {
    const e = err as { status: number | null; stdout: string; stderr: string };
    return { code: e.status ?? -1, stdout: e.stdout, stderr: e.stderr };
  }
}

const GOOD = [
  "Norwegian mediators held talks with a Hamas delegation in Oslo on Tuesday.",
  "Hamas rejected the proposal, a spokesman said.",
  "Qatar urged both sides to return to the table.",
].join("\n");

let dir: string;
const p = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "parley-cli-test-"));
  writeFileSync(p("good.txt"), GOOD);
  writeFileSync(p("second.txt"), "Egyptian mediators met an Israeli delegation in Cairo on Monday.");
  writeFileSync(p("empty.txt"), "");
  writeFileSync(p("binary.txt"), Buffer.from([0x48, 0x61, 0x00, 0x00, 0x01, 0x02, 0x6d, 0x61]));
  writeFileSync(
    p("latin1.txt"),
    Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x74, 0x61, 0x6c, 0x6b, 0x73, 0xff, 0xfe, 0x2e]),
  );
  writeFileSync(
    p("meta.json"),
    JSON.stringify([{ file: "good.txt", outlet: "Invented Courier", published: "2024-02-08" }]),
  );
  writeFileSync(p("meta.csv"), 'file,outlet,published\ngood.txt,"Courier, Evening Edition",2024-02-08\n');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("parley schema", () => {
  it("prints a JSON Schema defining Event", () => {
    const run = parley("schema");
    expect(run.code).toBe(0);
    const schema = JSON.parse(run.stdout);
    expect(schema.$defs.Event).toBeDefined();
  });
});

describe("parley extract", () => {
  it("prints JSON with events for a good article", () => {
    const run = parley("extract", p("good.txt"));
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.articles).toHaveLength(1);
    expect(out.articles[0].file).toBe("good.txt");
    expect(out.articles[0].events.length).toBeGreaterThan(0);
    expect(out.articles[0].events.map((e: { type: string }) => e.type)).toContain("REJECT");
    for (const e of out.articles[0].events) expect(GOOD.slice(e.evidence.start, e.evidence.end)).toBe(e.evidence.text);
  });

  it.each([
    ["empty.txt", /empty/],
    ["binary.txt", /binary|NUL/],
    ["latin1.txt", /UTF-8/],
    ["does-not-exist.txt", /no such file/],
  ])("%s gives a per-file error naming the file; the good file is still processed (exit 3)", (bad, reason) => {
    const run = parley("extract", p("good.txt"), p(bad));
    expect(run.code).toBe(3);
    const line = run.stderr.split("\n").find((l) => l.includes(bad));
    expect(line, run.stderr).toBeDefined();
    expect(line).toMatch(reason);
    const out = JSON.parse(run.stdout);
    expect(out.articles.map((a: { file: string }) => a.file)).toEqual(["good.txt"]);
  });

  it("exits 1 when only bad inputs are given, naming each", () => {
    const run = parley("extract", p("empty.txt"), p("binary.txt"), p("latin1.txt"), p("nowhere.txt"));
    expect(run.code).toBe(1);
    for (const name of ["empty.txt", "binary.txt", "latin1.txt", "nowhere.txt"]) expect(run.stderr).toContain(name);
  });

  it("--quiet suppresses per-file errors", () => {
    const run = parley("extract", "--quiet", p("good.txt"), p("empty.txt"));
    expect(run.code).toBe(3);
    expect(run.stderr).not.toContain("empty.txt");
  });

  it("--format ndjson prints one JSON line per article", () => {
    const run = parley("extract", "--format", "ndjson", p("good.txt"), p("second.txt"));
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines.map((l) => JSON.parse(l).file)).toEqual(["good.txt", "second.txt"]);
  });

  it.each([
    ["meta.json", "Invented Courier"],
    ["meta.csv", "Courier, Evening Edition"],
  ])("--meta %s sets outlet and published", (meta, outlet) => {
    const run = parley("extract", "--meta", p(meta), p("good.txt"), p("second.txt"));
    expect(run.code, run.stderr).toBe(0);
    const [good, second] = JSON.parse(run.stdout).articles;
    expect(good).toMatchObject({ outlet, published: "2024-02-08" });
    expect(second).toMatchObject({ outlet: null, published: null });
    // "on Tuesday" resolves against the manifest's publication date.
    expect(good.events.find((e: { type: string }) => e.type === "MEET")?.date).toBe("2024-02-06");
  });

  it("--kb with an invalid JSON file exits 2 and names the file", () => {
    const kb = mkdtempSync(join(dir, "kb-"));
    writeFileSync(join(kb, "broken.json"), "{ actors: [");
    const run = parley("extract", "--kb", kb, p("good.txt"));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("broken.json");
  });

  it("--kb with a valid file makes an invented actor known", () => {
    const kb = mkdtempSync(join(dir, "kb-"));
    writeFileSync(
      join(kb, "extra.json"),
      JSON.stringify({
        actors: [{ id: "org:valley-front", name: "Valley Liberation Front", type: "ARMED_GROUP", aliases: ["VLF"] }],
      }),
    );
    writeFileSync(p("vlf.txt"), "The VLF rejected the proposal on Monday.");
    const run = parley("extract", "--kb", kb, p("vlf.txt"));
    expect(run.code, run.stderr).toBe(0);
    const [article] = JSON.parse(run.stdout).articles;
    expect(article.events.find((e: { type: string }) => e.type === "REJECT")?.source).toEqual([
      "Valley Liberation Front",
    ]);
  });

  it("rejects an unknown --format with a usage error", () => {
    const run = parley("extract", "--format", "xml", p("good.txt"));
    expect(run.code).toBe(2);
  });
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { type Corpus, EVENT_CODES, openCorpus } from "@parley/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runActors } from "../src/commands/actors";
import { runClaims } from "../src/commands/claims";
import { runClusters } from "../src/commands/clusters";
import { runEvents } from "../src/commands/events";
import { CAMEO_HEADER, runExport } from "../src/commands/export";
import { runImport } from "../src/commands/import";
import { type IngestProgress, ingestExitCode, runIngest, summaryLine } from "../src/commands/ingest";
import { runIssues } from "../src/commands/issues";
import { runSources } from "../src/commands/sources";
import { runStances, stancesOutput } from "../src/commands/stances";
import { runTimeline } from "../src/commands/timeline";
import { CliError } from "../src/errors";
import { localQueries, type Queries } from "../src/queries";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const EXAMPLES = join(ROOT, "examples/articles");
const MANIFEST = join(ROOT, "examples/manifest.json");

let dir: string;
let corpus: Corpus;
let q: Queries;
const p = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "parley-cli-store-"));
  corpus = await openCorpus({ dataDir: p("db") });
  q = localQueries(corpus);
  writeFileSync(p("binary.txt"), Buffer.from([0x48, 0x61, 0x00, 0x00, 0x01, 0x02]));
  writeFileSync(p("no-text.csv"), "title,outlet\nTalks,Wire\n");
  writeFileSync(
    p("feed.jsonl"),
    [
      JSON.stringify({
        text: "Qatar urged Israel and Hamas to accept the truce proposal.",
        outlet: "Line Wire",
        published: "2024-02-12",
      }),
      "{ broken",
      JSON.stringify({
        text: "Egyptian mediators met a Hamas delegation in Cairo on Monday.",
        outlet: "Line Wire",
        published: "2024-02-13",
      }),
    ].join("\n"),
  );
}, 60_000);

afterAll(async () => {
  await corpus?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("ingest", () => {
  it("stores the good items and reports each bad one with its file and line", async () => {
    const progress: IngestProgress[] = [];
    const r = await runIngest(
      corpus,
      [EXAMPLES, p("binary.txt"), p("no-text.csv"), p("feed.jsonl"), p("missing.txt")],
      { meta: MANIFEST, jobs: 0 },
      { onProgress: (x) => progress.push(x) },
    );
    expect(r.summary.inserted).toBe(5);
    const where = r.errors.map((e) => `${e.file?.split("/").pop()}${e.line ? `:${e.line}` : ""}`);
    expect(where.sort()).toEqual(["binary.txt", "feed.jsonl:2", "missing.txt", "no-text.csv:1"].sort());
    expect(r.errors.find((e) => e.file?.endsWith("no-text.csv"))?.message).toMatch(/text/);
    expect(ingestExitCode(r)).toBe(3);
    expect(summaryLine(r)).toMatch(/ingested 5 new article\(s\) from \d+ file\(s\): 0 already stored, 4 error\(s\)/);
    const lastP = progress.at(-1)!;
    expect(lastP).toMatchObject({ inserted: 5, errors: 4 });
    expect(lastP.events).toBe(r.summary.events);
    expect(lastP.totalFiles).toBe(6); // 3 examples + binary + csv + jsonl; the missing path counts none
  });

  it("is idempotent, applies --outlet/--published overrides, and reads stdin", async () => {
    const again = await runIngest(corpus, [EXAMPLES], { meta: MANIFEST, jobs: 0 });
    expect(again.summary).toMatchObject({ inserted: 0, duplicates: 3 });
    expect(ingestExitCode(again)).toBe(0);
    const stdin = Readable.from([
      Buffer.from("Talks resume\n\nNorway hosted talks between Colombia and the ELN in Oslo."),
    ]);
    const r = await runIngest(corpus, ["-"], { outlet: "Stdin Post", published: "2024-05-02", jobs: 0 }, { stdin });
    expect(r.summary.inserted).toBe(1);
    const arts = await corpus.articles({ outlet: "Stdin Post" });
    expect(arts.map((a) => [a.title, a.published])).toEqual([["Talks resume", "2024-05-02"]]);
  });

  it("rejects bad options before touching the store", async () => {
    await expect(runIngest(corpus, [EXAMPLES], { published: "someday" })).rejects.toThrow(/date/);
    await expect(runIngest(corpus, [], {})).rejects.toBeInstanceOf(CliError);
    const r = await runIngest(corpus, [p("missing-only.txt")], { jobs: 0 });
    expect(ingestExitCode(r)).toBe(1);
  });
});

describe("queries through the Queries interface", () => {
  it("lists events, clusters, actors, issues with the shared filters", async () => {
    const events = await runEvents(q, { includeRejected: false, type: ["MEET"], limit: 100 });
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.type === "MEET")).toBe(true);
    const limited = await runEvents(q, { includeRejected: false, limit: 2 });
    expect(limited).toHaveLength(2);
    const clusters = await runClusters(q, {});
    const all = await corpus.events({ limit: 10_000 });
    expect(clusters.reduce((n, c) => n + c.eventIds.length, 0)).toBeLessThanOrEqual(all.length);
    expect(clusters.length).toBeGreaterThan(0);
    const actors = await runActors(q, { roles: true, limit: 5 });
    expect(actors.length).toBeGreaterThan(0);
    expect(actors.some((a) => a.roles.length > 0)).toBe(true);
    const issues = await runIssues(q, { issue: "prisoners" });
    expect(issues.every((i) => i.issue.startsWith("prisoners"))).toBe(true);
    expect(issues.length).toBeGreaterThan(0);
  });

  it("runs the cross-article views", async () => {
    const st = await runStances(q, { view: "matrix", rollUp: true });
    expect(st.matrix.actors.length).toBeGreaterThan(0);
    const out = stancesOutput(st, { view: "matrix", rollUp: true });
    expect(out.columns[0]?.header).toBe("actor");
    expect(out.rows).toHaveLength(st.matrix.actors.length);
    const tl = await runTimeline(q, { granularity: "month" });
    expect(tl.buckets.map((b) => b.key)).toContain("2024-02");
    const sources = await runSources(q, { outlet: "line wire" });
    expect(sources.map((s) => s.outlet)).toEqual(["Line Wire"]);
    const claims = await runClaims(q, { view: "series" });
    expect(claims.view).toBe("series");
  });
});

describe("export and import", () => {
  it("writes CAMEO/PLOVER tab-separated lines with the documented codes", async () => {
    const text = await runExport(q, { format: "cameo" });
    const [header, ...lines] = text.replace(/\n$/, "").split("\n");
    expect(header!.split("\t")).toEqual(CAMEO_HEADER);
    const occurred = await corpus.events({ status: "occurred", limit: 10_000 });
    expect(lines).toHaveLength(occurred.length);
    for (const line of lines) expect(line.split("\t")).toHaveLength(CAMEO_HEADER.length);
    const meet = occurred.find((e) => e.type === "MEET")!;
    const row = lines.find((l) => l.includes(meet.evidence.text.replace(/\s+/g, " ").trim()))!.split("\t");
    expect(row[3]).toBe(EVENT_CODES.MEET.cameo);
    expect(row[4]).toBe(EVENT_CODES.MEET.plover);
  });

  it("exports events with cluster and review state in csv, ndjson and json", async () => {
    const [ev] = await corpus.events({ type: "MEET", limit: 1 });
    await corpus.review(ev!.id, { action: "verify", author: "tester", articleId: ev!.articleId });
    const nd = (await runExport(q, { format: "ndjson" }))
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const mine = nd.find((e) => e.id === ev!.id);
    expect(mine).toMatchObject({ verified: true, reviewState: "verified" });
    expect(mine.cluster.id).toMatch(/^cl_/);
    expect(mine.reviews).toHaveLength(1);
    const csv = (await runExport(q, { format: "csv", type: ["MEET"] })).trim().split("\n");
    expect(csv[0]).toContain("cluster_id");
    expect(csv[0]).toContain("verified");
    const json = JSON.parse(await runExport(q, { format: "json" }));
    expect(json.events).toHaveLength(nd.length);
    expect(json.clusters.length).toBeGreaterThan(0);
  });

  it("round-trips the whole corpus with --all and import, and names a bad file", async () => {
    const dump = await runExport(q, { all: true });
    writeFileSync(p("corpus.json"), dump);
    const other = await openCorpus({ dataDir: p("copy") });
    try {
      const s = await runImport(other, p("corpus.json"));
      expect(s.articles).toBe((await corpus.stats()).articles);
      const back = JSON.parse(await runExport(localQueries(other), { all: true }));
      expect({ ...back, exportedAt: "" }).toEqual({ ...JSON.parse(dump), exportedAt: "" });
      expect(await other.clusters({ limit: 10_000 })).toEqual(await corpus.clusters({ limit: 10_000 }));
      writeFileSync(p("broken.json"), '{"format": "parley-corpus",\n "version": 1,\n oops}');
      await expect(runImport(other, p("broken.json"))).rejects.toThrow(/broken\.json:3: not JSON/);
      writeFileSync(p("other.json"), '{"hello": 1}');
      await expect(runImport(other, p("other.json"))).rejects.toThrow(/other\.json: not a parley export/);
      await expect(runImport(other, p("nope.json"))).rejects.toThrow(/nope\.json: no such file/);
      expect((await other.stats()).articles).toBe(s.articles);
    } finally {
      await other.close();
    }
    expect(readFileSync(p("corpus.json"), "utf8").length).toBeGreaterThan(100);
  });
});

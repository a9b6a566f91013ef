import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { htmlMeta, type InputResult, parseCsv, parseHtml, parseJson, parseJsonl, parseTxt, readInputs } from ".";

const dir = join(tmpdir(), `parley-inputs-${process.pid}-${Date.now()}`);
const p = (...parts: string[]) => join(dir, ...parts);

async function all(gen: AsyncIterable<InputResult>): Promise<InputResult[]> {
  const out: InputResult[] = [];
  for await (const r of gen) out.push(r);
  return out;
}
const oks = (rs: InputResult[]) => rs.flatMap((r) => (r.ok ? [r.item] : []));
const errs = (rs: InputResult[]) => rs.flatMap((r) => (r.ok ? [] : [r.error]));

/** `text` in UTF-16 with a byte-order mark. */
function utf16(text: string, endian: "le" | "be"): Buffer {
  const le = Buffer.from(`\ufeff${text}`, "utf16le");
  return endian === "le" ? le : Buffer.from(le).swap16();
}

const TXT = "Envoys meet in Doha\n\nMediators met both delegations on Sunday. Talks resume next week.\n";
const HTML = `<!doctype html><html lang="en"><head>
<title>Envoys meet in Doha | Test Wire</title>
<meta property="og:site_name" content="Test Wire">
<meta property="og:title" content="Envoys meet in Doha">
<meta property="article:published_time" content="2024-02-08T09:30:00+03:00">
<link rel="canonical" href="https://example.test/news/envoys-doha">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Envoys meet in Doha</h1>
<p>Mediators met both delegations in Doha on Sunday, officials said, in the latest attempt to agree a truce.</p>
<p>The talks are expected to resume next week after the delegations consult their leaders at home.</p>
<p>A spokesman said the proposal includes a phased exchange of prisoners and a pause in fighting.</p>
</article>
<footer>Copyright Test Wire. Subscribe to our newsletter.</footer>
</body></html>`;

beforeAll(() => {
  mkdirSync(p("nested", "deeper"), { recursive: true });
  writeFileSync(p("a.txt"), TXT);
  writeFileSync(p("nested", "b.html"), HTML);
  writeFileSync(p("nested", "deeper", "c.jsonl"), `${JSON.stringify({ text: "Line one article.", title: "One" })}\n`);
  writeFileSync(p("nested", "ignored.bin"), Buffer.from([0, 1, 2, 3]));
  writeFileSync(p("binary.txt"), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff]));
  writeFileSync(p("latin1.txt"), Buffer.from("Caf\xe9 talks\n\nEnvoys met.", "latin1"));
  writeFileSync(p("empty.txt"), "");
  writeFileSync(
    p("meta.json"),
    JSON.stringify([
      { file: "a.txt", outlet: "Manifest Outlet", published: "2024-01-02", url: "https://example.test/a" },
    ]),
  );
  writeFileSync(p("meta.csv"), "file,outlet,published,title\na.txt,CSV Outlet,2024-01-03,Manifest title\n");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("txt", () => {
  it("takes the first non-empty line as headline and keeps the whole text", () => {
    const r = parseTxt(`\n${TXT}`, "a.txt");
    expect(r).toMatchObject({ ok: true, item: { title: "Envoys meet in Doha", text: `\n${TXT}`, file: "a.txt" } });
  });
  it.each([
    ["", "empty file"],
    ["  \n\n ", "empty file"],
  ])("rejects %j", (text, message) => {
    expect(parseTxt(text, "x.txt")).toEqual({ ok: false, error: { file: "x.txt", message } });
  });
});

describe("html", () => {
  it("extracts the article text and the page metadata", () => {
    const r = parseHtml(HTML, "b.html");
    if (!r.ok) throw new Error(r.error.message);
    expect(r.item).toMatchObject({
      title: "Envoys meet in Doha",
      outlet: "Test Wire",
      published: "2024-02-08",
      url: "https://example.test/news/envoys-doha",
      language: "en",
    });
    expect(r.item.text.startsWith("Envoys meet in Doha\n\nMediators met both delegations")).toBe(true);
    expect(r.item.text).toContain("\n\nThe talks are expected to resume");
    expect(r.item.text).not.toContain("Subscribe");
    expect(r.item.text).not.toContain("Home");
  });
  it("reads datePublished from JSON-LD and og:url", () => {
    const { document } = parseHTML(`<html><head>
      <script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2023-10-09T12:00:00Z"}]}</script>
      <meta property="og:url" content="https://example.test/x"></head><body></body></html>`);
    expect(htmlMeta(document)).toMatchObject({ published: "2023-10-09", url: "https://example.test/x", outlet: null });
  });
  it("reports a page without text", () => {
    expect(parseHtml("<html><body><script>x()</script></body></html>", "e.html")).toMatchObject({ ok: false });
  });
});

describe("json", () => {
  it("reads an object or an array, with an error per bad item", () => {
    expect(
      oks(parseJson(JSON.stringify({ text: "T", title: "X", published: "2024-05-01T10:00:00Z" }), "o.json")),
    ).toMatchObject([{ text: "T", title: "X", published: "2024-05-01", file: "o.json" }]);
    const rs = parseJson(
      JSON.stringify([{ text: "A" }, { title: "no text" }, 3, { text: "B", published: "soon" }]),
      "arr.json",
    );
    expect(oks(rs).map((i) => i.text)).toEqual(["A"]);
    expect(errs(rs).map((e) => e.message)).toEqual([
      'item 1: missing "text" (a string)',
      "item 2: not an object",
      'item 3: "published" is not a date: soon',
    ]);
  });
  it.each([
    ["{oops", /^invalid JSON/],
    ["[]", /^empty JSON array$/],
    ['"text"', /^expected a JSON object/],
    ["", /^empty file$/],
  ])("rejects %j", (text, message) => {
    const [r] = parseJson(text, "bad.json");
    expect(r).toMatchObject({ ok: false, error: { file: "bad.json", message: expect.stringMatching(message) } });
  });
});

describe("jsonl", () => {
  it("streams one article per line and reports broken lines by number", async () => {
    const body = [
      JSON.stringify({ text: "First.", outlet: "W" }),
      "",
      "{broken",
      JSON.stringify({ text: "Third.", url: "not a url" }),
      "[1,2]",
    ].join("\r\n");
    // split mid-line to exercise the streaming
    const chunks = [Buffer.from(body.slice(0, 7)), Buffer.from(body.slice(7))];
    const rs = await all(parseJsonl(chunks, "f.jsonl"));
    expect(oks(rs)).toMatchObject([
      { text: "First.", outlet: "W", line: 1 },
      { text: "Third.", url: null, line: 4 },
    ]);
    expect(errs(rs)).toMatchObject([
      { file: "f.jsonl", line: 3, message: expect.stringMatching(/^invalid JSON/) },
      { file: "f.jsonl", line: 5, message: "not a JSON object" },
    ]);
  });
  it("stops at invalid UTF-8 with the line it happened on", async () => {
    const good = Buffer.from(`${JSON.stringify({ text: "ok" })}\n`);
    const bad = Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d, 0x0a]);
    const rs = await all(parseJsonl([good, bad], "u.jsonl"));
    expect(oks(rs)).toHaveLength(1);
    expect(errs(rs)).toEqual([{ file: "u.jsonl", line: 2, message: "not valid UTF-8" }]);
  });
});

describe("csv", () => {
  it("reads rows by header with their line numbers, quoted newlines included", async () => {
    const csv =
      'Title,text,url,published,outlet\nA,"Para one.\n\nPara two.",https://example.test/a,2024-02-01,W\nB,Short.,,,\n';
    const rs = await all(parseCsv([csv], "f.csv"));
    expect(oks(rs)).toMatchObject([
      {
        title: "A",
        text: "Para one.\n\nPara two.",
        url: "https://example.test/a",
        published: "2024-02-01",
        outlet: "W",
        line: 4,
      },
      { title: "B", text: "Short.", url: null, published: null, outlet: null, line: 5 },
    ]);
  });
  it("rejects a CSV without a text column", async () => {
    const rs = await all(parseCsv(["title,body\nA,B\n"], "nt.csv"));
    expect(rs).toEqual([
      { ok: false, error: { file: "nt.csv", line: 1, message: 'no "text" column (columns: title, body)' } },
    ]);
  });
  it("reports binary or non-UTF-8 CSV content instead of hanging", async () => {
    expect(await all(parseCsv([Buffer.from([0x74, 0x65, 0x78, 0x74, 0x0a, 0xff, 0xfe, 0x0a])], "l.csv"))).toMatchObject(
      [{ ok: false, error: { file: "l.csv", message: "not valid UTF-8" } }],
    );
    expect(await all(parseCsv([Buffer.from([0, 1, 2])], "b.csv"))).toMatchObject([
      { ok: false, error: { message: "not a text file (binary content)" } },
    ]);
  });
  it("streams a large CSV with backpressure", async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `Article ${i},"Body of article ${i}."`).join("\n");
    let n = 0;
    for await (const r of parseCsv([`title,text\n${rows}\n`], "big.csv")) if (r.ok) n++;
    expect(n).toBe(3000);
  });
  it("reports an empty row text and malformed CSV", async () => {
    const rs = await all(parseCsv(['text,title\n,"No text"\nok,T\n"unclosed,x\n'], "m.csv"));
    expect(oks(rs).map((i) => i.text)).toEqual(["ok"]);
    expect(errs(rs)).toMatchObject([
      { line: 2, message: "empty article text" },
      { message: expect.stringMatching(/^invalid CSV/) },
    ]);
  });
});

describe("readInputs", () => {
  it("walks directories recursively, skips unknown extensions, reports bad files and goes on", async () => {
    const rs = await all(readInputs([dir, p("missing.txt")], { meta: p("meta.json") }));
    const items = oks(rs);
    expect(items.map((i) => i.file?.replace(dir, ""))).toEqual(["/a.txt", "/nested/b.html", "/nested/deeper/c.jsonl"]);
    expect(items[0]).toMatchObject({
      outlet: "Manifest Outlet",
      published: "2024-01-02",
      url: "https://example.test/a",
    });
    const e = errs(rs).map((x) => [x.file?.replace(dir, ""), x.message]);
    expect(e).toEqual([
      ["/binary.txt", "not a text file (binary content)"],
      ["/empty.txt", "empty file"],
      ["/latin1.txt", "not valid UTF-8"],
      ["/meta.csv", 'no "text" column (columns: file, outlet, published, title)'],
      ["/missing.txt", "no such file or directory"],
    ]);
  });
  it("expands globs and reads a CSV manifest", async () => {
    const rs = await all(readInputs([join(dir, "**/*.{txt,html}")], { meta: p("meta.csv") }));
    expect(oks(rs).map((i) => i.title)).toEqual(["Manifest title", "Envoys meet in Doha"]);
    expect(oks(rs)[0]).toMatchObject({ outlet: "CSV Outlet", published: "2024-01-03" });
    expect(errs(rs)).toHaveLength(3);
    expect(await all(readInputs([join(dir, "*.nothing")]))).toMatchObject([
      { ok: false, error: { message: "no files match this pattern" } },
    ]);
  });
  it("reads stdin (sniffing the format) and reports empty stdin", async () => {
    const jsonl = `${JSON.stringify({ text: "a" })}\n${JSON.stringify({ text: "b" })}\n`;
    expect(
      oks(await all(readInputs(["-"], { stdin: Readable.from([Buffer.from(jsonl)]) }))).map((i) => i.text),
    ).toEqual(["a", "b"]);
    expect(oks(await all(readInputs(["-"], { stdin: Readable.from([Buffer.from(TXT)]) })))[0]).toMatchObject({
      title: "Envoys meet in Doha",
      file: "<stdin>",
    });
    expect(oks(await all(readInputs(["-"], { stdin: Readable.from([Buffer.from(HTML)]) })))[0]).toMatchObject({
      outlet: "Test Wire",
    });
    const csv = Readable.from([Buffer.from("text,title\nBody one,T1\n"), Buffer.from("Body two,T2\n")]);
    expect(oks(await all(readInputs(["-"], { stdin: csv, format: "csv" }))).map((i) => [i.title, i.line])).toEqual([
      ["T1", 2],
      ["T2", 3],
    ]);
    expect(await all(readInputs(["-"], { stdin: Readable.from([]) }))).toEqual([
      { ok: false, error: { file: "<stdin>", message: "empty input" } },
    ]);
  });
  it("streams JSON Lines from stdin of an undeclared format instead of reading it whole", async () => {
    let pulled = 0;
    const chunks = 2000;
    async function* stdin() {
      for (let i = 0; i < chunks; i++) {
        pulled++;
        yield Buffer.from(`${JSON.stringify({ text: `Article ${i} ${"x".repeat(200)}`, title: `T${i}` })}\n`);
      }
    }
    const it = readInputs(["-"], { stdin: stdin() });
    const first = await it.next();
    expect(first.value).toMatchObject({ ok: true, item: { title: "T0", line: 1, file: "<stdin>" } });
    // Only the sniffed head (64 KiB, ~300 lines) has been read, not the 2,000 lines.
    expect(pulled).toBeGreaterThan(100);
    expect(pulled).toBeLessThan(chunks / 2);
    let n = 1;
    for await (const r of it) if (r.ok) n++;
    expect([n, pulled]).toEqual([chunks, chunks]);
    // A pretty-printed JSON document spans lines: it is still read whole.
    const doc = JSON.stringify([{ text: "one" }, { text: "two" }], null, 2);
    expect(oks(await all(readInputs(["-"], { stdin: Readable.from([Buffer.from(doc)]) }))).map((i) => i.text)).toEqual([
      "one",
      "two",
    ]);
  });
  it("reads UTF-16 with a byte-order mark from stdin", async () => {
    const rs = oks(
      await all(readInputs(["-"], { stdin: Readable.from([utf16("Headline\n\nBody in UTF-16 on stdin.\n", "le")]) })),
    );
    expect(rs.map((i) => [i.title, i.text])).toEqual([["Headline", "Headline\n\nBody in UTF-16 on stdin.\n"]]);
  });
  it("decodes .txt, .json and .jsonl in UTF-16 LE and BE with a byte-order mark", async () => {
    const sub = p("utf16");
    mkdirSync(sub, { recursive: true });
    const body = "Envoys meet in Doha — الدوحة\n\nMediators met both delegations on Sunday. 😀\n";
    writeFileSync(join(sub, "le.txt"), utf16(body, "le"));
    writeFileSync(join(sub, "be.txt"), utf16(body, "be"));
    writeFileSync(join(sub, "le.json"), utf16(JSON.stringify({ text: "JSON body in UTF-16.", title: "J" }), "le"));
    writeFileSync(join(sub, "be.jsonl"), utf16(`${JSON.stringify({ text: "Line body in UTF-16." })}\n`, "be"));
    writeFileSync(join(sub, "odd.txt"), Buffer.concat([utf16("Odd", "le"), Buffer.from([0x41])]));
    // A lone high surrogate (0xD800) in UTF-16 LE.
    writeFileSync(join(sub, "lone.txt"), Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x42, 0x00]));
    const rs = await all(readInputs([sub]));
    const byName = (name: string) => oks(rs).find((i) => i.file === join(sub, name));
    expect(byName("le.txt")).toMatchObject({ text: body, title: "Envoys meet in Doha — الدوحة" });
    expect(byName("be.txt")).toMatchObject({ text: body });
    expect(byName("le.json")).toMatchObject({ text: "JSON body in UTF-16.", title: "J" });
    expect(byName("be.jsonl")).toMatchObject({ text: "Line body in UTF-16.", line: 1 });
    expect(errs(rs).map((e) => [e.file?.replace(sub, ""), e.message])).toEqual([
      ["/lone.txt", "not valid UTF-16 LE"],
      ["/odd.txt", "not valid UTF-16 LE (odd number of bytes)"],
    ]);
  });
  it("reports a broken manifest and still reads the files", async () => {
    writeFileSync(p("bad-meta.json"), "{");
    const rs = await all(readInputs([p("a.txt")], { meta: p("bad-meta.json") }));
    expect(errs(rs)[0]?.message).toMatch(/^invalid manifest/);
    expect(oks(rs)).toHaveLength(1);
  });
});

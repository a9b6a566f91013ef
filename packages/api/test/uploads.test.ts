import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter, MAX_UPLOAD_BYTES, uploadRefusal } from "../src";
import { openTestApi, type TestApi } from "./fixtures";

let api: TestApi;
beforeAll(async () => {
  api = await openTestApi();
});
afterAll(async () => {
  await api?.cleanup();
});

async function codeOf(p: Promise<unknown>): Promise<string> {
  return p.then(
    () => "resolved",
    (err: unknown) => (err instanceof TRPCError ? err.code : `not a TRPCError: ${String(err)}`),
  );
}

const ARTICLE = "Talks resume in Oslo\n\nNorwegian mediators met a Hamas delegation in Oslo on Monday.";

describe("uploads from the dashboard", () => {
  it("refuses types the store cannot read, by name, and goes on with the rest", async () => {
    const r = await api.caller.ingest.files({
      files: [
        { name: "report.pdf", content: ARTICLE },
        { name: "script.sh", content: ARTICLE },
        { name: "README", content: ARTICLE },
        { name: "page.exe.txt", content: ARTICLE },
      ],
    });
    expect(r).toMatchObject({ total: 4, inserted: 1, failed: 3 });
    expect(r.errors.map((e) => e.file)).toEqual(["report.pdf", "script.sh", "README"]);
    expect(r.errors[0]!.message).toMatch(/unsupported file type "\.pdf": upload \.txt, .*\.csv/);
    expect(r.errors[2]!.message).toMatch(/unsupported file type \(no extension\)/);
  });

  it("refuses a file over the size limit with its size and the limit", async () => {
    // Multi-byte text: under the limit in characters, over it in bytes.
    const big = `${ARTICLE}\n\n${"é".repeat(MAX_UPLOAD_BYTES / 2 + 10)}`;
    const r = await api.caller.ingest.files({ files: [{ name: "huge.txt", content: big }] });
    expect(r).toMatchObject({ inserted: 0, failed: 1 });
    expect(r.errors[0]).toEqual({ file: "huge.txt", message: "20.0 MB is over the 20.0 MB limit per file" });
    // Over the limit in characters: refused before it is read, as a bad request.
    const huge = "a".repeat(MAX_UPLOAD_BYTES + 1);
    expect(await codeOf(api.caller.ingest.files({ files: [{ name: "huge.txt", content: huge }] }))).toBe("BAD_REQUEST");
  });

  it("refuses binary content decoded as text", async () => {
    const r = await api.caller.ingest.files({ files: [{ name: "photo.txt", content: "PK\u0003\u0004\u0000\u0000ÿ" }] });
    expect(r.errors).toEqual([{ file: "photo.txt", message: "not a text file (binary content)" }]);
  });

  it("refuses a NUL escaped inside a JSON record by name, without database details", async () => {
    const content = JSON.stringify([{ text: `${ARTICLE} Again\u0000.`, title: "NUL test" }]);
    const r = await api.caller.ingest.files({ files: [{ name: "feed.json", content }] });
    expect(r.errors).toEqual([{ file: "feed.json", message: "text contains a NUL character (\\u0000)" }]);
    expect(JSON.stringify(r)).not.toMatch(/insert into|params:/i);
  });

  it("checks names and sizes the same way in the browser (shared limits module)", () => {
    expect(uploadRefusal("a.TXT", 10)).toBeNull();
    expect(uploadRefusal("dir\\sub/a.csv", MAX_UPLOAD_BYTES)).toBeNull();
    expect(uploadRefusal("a.csv", MAX_UPLOAD_BYTES + 1)).toMatch(/over the 20\.0 MB limit/);
    expect(uploadRefusal(".txt", 1)).toMatch(/no extension/);
    expect(uploadRefusal("archive.tar.gz", 1)).toMatch(/"\.gz"/);
  });
});

describe("HTML uploads are parsed, never run or fetched", () => {
  it("runs no script and requests no resource the page names (no SSRF)", async () => {
    const hits: string[] = [];
    const server = createServer((req, res) => {
      hits.push(req.url ?? "");
      res.end("x");
    });
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    const at = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const html = `<html><head><title>Talks resume</title><script>globalThis.__parleyPwned = 1</script>
        <script src="${at}/script.js"></script><link rel="stylesheet" href="${at}/style.css">
        <meta http-equiv="refresh" content="0; url=${at}/refresh"></head>
        <body onload="globalThis.__parleyPwned = 2"><article><h1>Talks resume</h1>
        <p>${ARTICLE}</p><img src="${at}/img.png" onerror="globalThis.__parleyPwned = 3">
        <iframe src="${at}/frame"></iframe><object data="${at}/object"></object></article></body></html>`;
      const r = await api.caller.ingest.files({ files: [{ name: "page.html", content: html }] });
      expect(r).toMatchObject({ inserted: 1, failed: 0 });
      await new Promise((ok) => setTimeout(ok, 300));
      expect(hits).toEqual([]);
      expect((globalThis as { __parleyPwned?: number }).__parleyPwned).toBeUndefined();
    } finally {
      server.close();
    }
  });
});

describe("ingest from the web cannot read server files", () => {
  it("takes a path-like upload name as a name: the content is what was sent", async () => {
    const r = await api.caller.ingest.files({
      files: [{ name: "/etc/hostname.txt", content: `${ARTICLE} From the upload.` }],
    });
    expect(r.inserted).toBe(1);
    const [a] = await api.caller.articles.list({ text: "upload" });
    expect(a?.file).toBe("hostname.txt");
    const full = await api.caller.articles.get({ id: a!.id });
    expect(full.text).toBe(`${ARTICLE} From the upload.`);
  });

  it("treats pasted text that looks like a path as text", async () => {
    for (const text of ["/etc/passwd", "file:///etc/passwd", "../../../../etc/shadow", "C:\\Windows\\win.ini"]) {
      const r = await api.caller.ingest.text({ text, outlet: "Path Test" });
      expect(r.failed, text).toBe(0);
    }
    const stored = await api.caller.articles.list({ outlet: "Path Test", limit: 10 });
    expect(stored.map((a) => a.title).sort()).toEqual(
      ["/etc/passwd", "file:///etc/passwd", "../../../../etc/shadow", "C:\\Windows\\win.ini"].sort(),
    );
    for (const a of stored) {
      const full = await api.caller.articles.get({ id: a.id });
      // Exactly the pasted characters: no file was opened.
      expect(full.text).toBe(a.title);
    }
  });

  it("has no input that names a server path", async () => {
    const ingest = api.caller.ingest as unknown as Record<string, (input: unknown) => Promise<unknown>>;
    const mutations = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)
      .filter(([, p]) => p._def.type === "mutation")
      .map(([k]) => k);
    expect(mutations.sort()).toEqual(["ingest.files", "ingest.text", "review.submit"]);
    expect(await codeOf(ingest.files!({ paths: ["/etc/passwd"] }))).toBe("BAD_REQUEST");
    expect(await codeOf(ingest.files!({ files: [{ name: "x.txt", path: "/etc/passwd" }] }))).toBe("BAD_REQUEST");
    expect(await codeOf(ingest.text!({ path: "/etc/passwd" }))).toBe("BAD_REQUEST");
  });

  it("accepts only http(s) article URLs", async () => {
    for (const url of ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "file:///etc/passwd"]) {
      expect(await codeOf(api.caller.ingest.text({ text: ARTICLE, url })), url).toBe("BAD_REQUEST");
    }
  });

  it("rejects NUL characters in metadata as a bad request, not a database error", async () => {
    expect(await codeOf(api.caller.ingest.text({ text: ARTICLE, outlet: "A\u0000B" }))).toBe("BAD_REQUEST");
    expect(await codeOf(api.caller.events.list({ actor: "\u0000" }))).toBe("BAD_REQUEST");
    expect(await codeOf(api.caller.articles.get({ id: "x\u0000" }))).toBe("BAD_REQUEST");
  });
});

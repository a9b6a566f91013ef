import { createReadStream } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { extname, join, resolve } from "node:path";
import { glob } from "tinyglobby";
import { decodeText } from "./decode";
import { parseHtml } from "./html";
import { type Manifest, readManifest } from "./manifest";
import { parseCsv, parseJson, parseJsonl } from "./records";
import { parseTxt } from "./txt";
import { type DocMeta, fail, type InputResult, STDIN } from "./types";

export { decodeText } from "./decode";
export { htmlMeta, parseHtml } from "./html";
export { type Manifest, readManifest } from "./manifest";
export { parseCsv, parseJson, parseJsonl } from "./records";
export { parseTxt } from "./txt";
export { type DocMeta, type InputResult, normalizeDate, STDIN } from "./types";

export const INPUT_FORMATS = ["txt", "html", "json", "jsonl", "csv"] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

const BY_EXT: Record<string, InputFormat> = {
  ".txt": "txt",
  ".text": "txt",
  ".md": "txt",
  ".html": "html",
  ".htm": "html",
  ".json": "json",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
  ".csv": "csv",
};

export function formatOf(file: string): InputFormat | null {
  return BY_EXT[extname(file).toLowerCase()] ?? null;
}

export interface ReadInputsOptions {
  /** A manifest (JSON array or CSV) of `{file, outlet, published, url, title}` by file name. */
  meta?: string;
  /** What `-` reads (default `process.stdin`). */
  stdin?: AsyncIterable<Uint8Array | string>;
  /** Format of stdin or of files with an unknown extension (default: sniffed from the content). */
  format?: InputFormat;
}

const GLOB_CHARS = /[*?[\]{}]/;

function sniff(text: string): InputFormat {
  const t = text.trimStart();
  if (/^<(!doctype|html|head|body|article|meta|div|p)\b/i.test(t)) return "html";
  if (t.startsWith("[")) return "json";
  if (t.startsWith("{")) {
    try {
      JSON.parse(t);
      return "json";
    } catch {
      return "jsonl";
    }
  }
  return "txt";
}

async function* fromText(text: string, file: string, format: InputFormat, meta: DocMeta): AsyncGenerator<InputResult> {
  switch (format) {
    case "txt":
      yield parseTxt(text, file, meta);
      return;
    case "html":
      yield parseHtml(text, file, meta);
      return;
    case "json":
      yield* parseJson(text, file, meta);
      return;
    case "jsonl":
      yield* parseJsonl([text], file, meta);
      return;
    case "csv":
      yield* parseCsv([text], file, meta);
      return;
  }
}

async function* readFileInput(file: string, display: string, opts: ReadInputsOptions, manifest: Manifest | null) {
  const meta = manifest?.lookup(display) ?? {};
  const format = formatOf(file) ?? opts.format ?? null;
  if (format === "jsonl" || format === "csv") {
    // Streamed: one record at a time.
    const st = await stat(file);
    if (st.size === 0) {
      yield fail(display, "empty file");
      return;
    }
    const stream = createReadStream(file);
    try {
      yield* format === "jsonl" ? parseJsonl(stream, display, meta) : parseCsv(stream, display, meta);
    } finally {
      stream.destroy();
    }
    return;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    yield fail(display, `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    return;
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    yield fail(display, decoded.message);
    return;
  }
  yield* fromText(decoded.text, display, format ?? sniff(decoded.text), meta);
}

/** How much of stdin is read before its format is sniffed. */
const SNIFF_BYTES = 64 * 1024;

/** The first line is a whole JSON object and more follows: JSON Lines (a JSON document would span lines). */
function looksLikeJsonl(prefix: string): boolean {
  const t = prefix.trimStart();
  const nl = t.indexOf("\n");
  if (!t.startsWith("{") || nl < 0) return false;
  try {
    JSON.parse(t.slice(0, nl));
  } catch {
    return false;
  }
  return t.slice(nl + 1).trim().length > 0;
}

/**
 * Stdin of an undeclared format: the first `SNIFF_BYTES` decide; JSON Lines then stream on like a file, anything
 * else (one document: text, HTML, JSON) is read whole.
 */
async function* readStdin(
  stdin: AsyncIterable<Uint8Array | string>,
  format: InputFormat | undefined,
  meta: DocMeta,
): AsyncGenerator<InputResult> {
  const it = stdin[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let size = 0;
  let ended = false;
  while (size < SNIFF_BYTES) {
    const r = await it.next();
    if (r.done) {
      ended = true;
      break;
    }
    const b = Buffer.from(r.value);
    head.push(b);
    size += b.length;
  }
  if (!ended && !format && looksLikeJsonl(Buffer.concat(head).toString("utf8"))) {
    async function* all(): AsyncGenerator<Uint8Array> {
      yield* head;
      for (;;) {
        const r = await it.next();
        if (r.done) return;
        yield Buffer.from(r.value);
      }
    }
    yield* parseJsonl(all(), STDIN, meta);
    return;
  }
  if (!ended) for (let r = await it.next(); !r.done; r = await it.next()) head.push(Buffer.from(r.value));
  // A byte-order mark selects UTF-16 (such input never looks like JSON Lines above, so it is read whole here).
  const decoded = decodeText(Buffer.concat(head));
  if (!decoded.ok) {
    yield fail(STDIN, decoded.message === "empty file" ? "empty input" : decoded.message);
    return;
  }
  yield* fromText(decoded.text, STDIN, format ?? sniff(decoded.text), meta);
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    if (e.name.startsWith(".") || e.name === "node_modules") continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (e.isFile() && formatOf(e.name)) out.push(p);
  }
  return out;
}

/**
 * Reads articles from files, directories (recursive; files with a known extension), globs and `-` (stdin).
 * Every problem is yielded as `{ ok: false, error: { file, line?, message } }` and reading goes on.
 */
export async function* readInputs(specs: string[], opts: ReadInputsOptions = {}): AsyncGenerator<InputResult> {
  let manifest: Manifest | null = null;
  if (opts.meta) {
    const m = await readManifest(opts.meta);
    if (!m.ok) {
      yield { ok: false, error: m.error };
    } else manifest = m.manifest;
  }
  const skip = new Set(manifest ? [manifest.path] : []);
  for (const spec of specs) {
    if (spec === "-") {
      const stdin = opts.stdin ?? process.stdin;
      if (opts.format === "jsonl" || opts.format === "csv") {
        // A declared record format is streamed, like a file.
        const meta = manifest?.lookup(STDIN) ?? {};
        yield* opts.format === "jsonl" ? parseJsonl(stdin, STDIN, meta) : parseCsv(stdin, STDIN, meta);
        continue;
      }
      yield* readStdin(stdin, opts.format, manifest?.lookup(STDIN) ?? {});
      continue;
    }
    const full = resolve(spec);
    const st = await stat(full).catch(() => null);
    if (st?.isDirectory()) {
      const files = (await walk(full)).filter((f) => !skip.has(f));
      if (files.length === 0) yield fail(spec, "no readable files in directory");
      for (const f of files) yield* readFileInput(f, f, opts, manifest);
    } else if (st?.isFile()) {
      yield* readFileInput(full, spec, opts, manifest);
    } else if (!st && GLOB_CHARS.test(spec)) {
      const files = (await glob(spec, { absolute: true, onlyFiles: true })).sort().filter((f) => !skip.has(f));
      if (files.length === 0) yield fail(spec, "no files match this pattern");
      for (const f of files) yield* readFileInput(f, f, opts, manifest);
    } else {
      yield fail(spec, st ? "not a regular file or directory" : "no such file or directory");
    }
  }
}

/** How many files `readInputs` will read for these specs (stdin counts as one), for progress and ETA. */
export async function countInputFiles(specs: string[]): Promise<number> {
  let n = 0;
  for (const spec of specs) {
    if (spec === "-") {
      n++;
      continue;
    }
    const full = resolve(spec);
    const st = await stat(full).catch(() => null);
    if (st?.isDirectory()) n += (await walk(full)).length;
    else if (st?.isFile()) n++;
    else if (!st && GLOB_CHARS.test(spec)) n += (await glob(spec, { absolute: true, onlyFiles: true })).length;
  }
  return n;
}

/** Only the articles of `readInputs`, with errors passed to `onError` (for piping into `ingest`). */
export async function* articlesOf(
  results: AsyncIterable<InputResult>,
  onError: (e: Extract<InputResult, { ok: false }>["error"]) => void,
) {
  for await (const r of results) {
    if (r.ok) yield r.item;
    else onError(r.error);
  }
}

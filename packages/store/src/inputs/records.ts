import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { decodeStream, lines } from "./decode";
import type { DocMeta, InputResult } from "./types";
import { fail, toItem } from "./types";

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A JSON document: one article object or an array of them. */
export function parseJson(text: string, file: string, meta: DocMeta = {}): InputResult[] {
  if (text.trim() === "") return [fail(file, "empty file")];
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (err) {
    return [fail(file, `invalid JSON: ${(err as Error).message}`)];
  }
  if (isRecord(data)) return [toItem(data, meta, file)];
  if (Array.isArray(data)) {
    if (data.length === 0) return [fail(file, "empty JSON array")];
    return data.map((d, i) =>
      isRecord(d) ? prefix(toItem(d, meta, file), `item ${i}`) : fail(file, `item ${i}: not an object`),
    );
  }
  return [fail(file, "expected a JSON object or an array of objects")];
}

function prefix(r: InputResult, where: string): InputResult {
  return r.ok ? r : { ok: false, error: { ...r.error, message: `${where}: ${r.error.message}` } };
}

/** JSON Lines: one article object per line, read as a stream; a broken line is reported with its number. */
export async function* parseJsonl(
  chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  file: string,
  meta: DocMeta = {},
): AsyncGenerator<InputResult> {
  let any = false;
  let last = 0;
  try {
    for await (const { line, text } of lines(decodeStream(chunks))) {
      last = line;
      if (text.trim() === "") continue;
      any = true;
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch (err) {
        yield fail(file, `invalid JSON: ${(err as Error).message}`, line);
        continue;
      }
      yield isRecord(data) ? toItem(data, meta, file, line) : fail(file, "not a JSON object", line);
    }
  } catch (err) {
    yield fail(file, (err as Error).message, last + 1);
    return;
  }
  if (!any) yield fail(file, "empty file");
}

/** CSV with a header row; columns `text` (required), `title`, `url`, `published`, `outlet`, `language`. */
export async function* parseCsv(
  chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  file: string,
  meta: DocMeta = {},
): AsyncGenerator<InputResult> {
  let headerError: string | null = null;
  const source = Readable.from(decodeStream(chunks));
  const parser = source.pipe(
    parse({
      bom: true,
      info: true,
      skip_empty_lines: true,
      columns: (header: string[]) => {
        const cols = header.map((h) => h.trim().toLowerCase());
        if (!cols.includes("text")) headerError = `no "text" column (columns: ${cols.join(", ") || "none"})`;
        return cols;
      },
    }),
  );
  // An explicit queue, not the stream's async iterator: that one drops rows buffered before an error.
  type Rec = { record: Record<string, string>; info: { lines: number } };
  type Failure = { error: Error & { lines?: number }; decoding?: boolean };
  const queue: (Rec | Failure | null)[] = [];
  let wake: (() => void) | null = null;
  const push = (x: (typeof queue)[number]) => {
    queue.push(x);
    wake?.();
  };
  parser.on("data", (rec: Rec) => {
    push(rec);
    if (queue.length > 256) parser.pause();
  });
  // pipe() does not forward the source's errors (binary content, invalid UTF-8).
  source.on("error", (error: Error) => push({ error, decoding: true }));
  parser.on("error", (error: Error) => push({ error }));
  parser.on("end", () => push(null));
  let rows = 0;
  let failed = false;
  for (;;) {
    if (queue.length === 0) await new Promise<void>((r) => (wake = r));
    wake = null;
    const next = queue.shift();
    if (queue.length < 64 && parser.isPaused()) parser.resume();
    if (next === undefined) continue;
    if (next === null) break;
    if ("error" in next) {
      const e = next.error;
      if (next.decoding) yield fail(file, e.message);
      else if (!headerError) yield fail(file, `invalid CSV: ${e.message}`, e.lines);
      failed = true;
      break;
    }
    if (headerError) break;
    rows++;
    yield toItem(next.record, meta, file, next.info.lines);
  }
  parser.destroy();
  source.destroy();
  if (headerError) yield fail(file, headerError, 1);
  else if (rows === 0 && !failed) yield fail(file, "no rows");
}

import { basename } from "node:path";
import { PartialDateSchema } from "@parley/schema";
import {
  type DocMeta,
  formatOf,
  type IngestItem,
  type InputResult,
  type ItemError,
  parseCsv,
  parseHtml,
  parseJson,
  parseJsonl,
  parseTxt,
  SqlTextSchema,
} from "@parley/store";
import { z } from "zod";
import { MAX_UPLOAD_BYTES, megabytes, uploadRefusal } from "./limits";

const MAX_TEXT = 2_000_000;

/** Metadata an analyst types next to pasted text or uploaded files. */
export const IngestMetaSchema = z.object({
  title: SqlTextSchema.pipe(z.string().trim().max(500)).nullish(),
  outlet: SqlTextSchema.pipe(z.string().trim().max(200)).nullish(),
  published: PartialDateSchema.nullish(),
  // A web address only: never `javascript:`, `data:` or `file:`.
  url: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
    .max(2000)
    .nullish(),
});

export const IngestTextSchema = IngestMetaSchema.extend({
  text: z.string().min(1).max(MAX_TEXT),
});

/**
 * An uploaded file: its name (never a server path: only the base name is kept) and its content, decoded in the
 * browser. The character cap is a backstop; the byte limit is checked per file with a message naming it.
 */
export const UploadedFileSchema = z.object({
  name: SqlTextSchema.pipe(z.string().min(1).max(300)),
  content: z.string().max(MAX_UPLOAD_BYTES, `a file is limited to ${megabytes(MAX_UPLOAD_BYTES)}`),
});

export const IngestFilesSchema = z.object({
  files: z.array(UploadedFileSchema).min(1).max(200),
  meta: IngestMetaSchema.prefault({}),
});

const clean = (meta: z.output<typeof IngestMetaSchema>): DocMeta => ({
  ...(meta.title ? { title: meta.title } : {}),
  ...(meta.outlet ? { outlet: meta.outlet } : {}),
  ...(meta.published ? { published: meta.published } : {}),
  ...(meta.url ? { url: meta.url } : {}),
});

async function collect(gen: AsyncIterable<InputResult>): Promise<InputResult[]> {
  const out: InputResult[] = [];
  for await (const r of gen) out.push(r);
  return out;
}

/** Why an uploaded file is refused before it is parsed (type, size, binary content), or null. */
export function uploadProblem(name: string, content: string): string | null {
  const refused = uploadRefusal(name, Buffer.byteLength(content, "utf8"));
  if (refused) return refused;
  // A NUL never occurs in text: the browser decoded a binary file (PDF, image, archive) as UTF-8.
  if (content.includes("\u0000")) return "not a text file (binary content)";
  return null;
}

/**
 * Turns uploaded files into ingest items with the store's readers (by extension: txt, html, json, jsonl, csv).
 * Only the file's base name is kept; files of other types, over the size limit or binary are refused by name;
 * unreadable files become errors, the rest goes on.
 */
export async function uploadedItems(
  input: z.output<typeof IngestFilesSchema>,
): Promise<{ items: IngestItem[]; errors: ItemError[] }> {
  const meta = clean(input.meta);
  const items: IngestItem[] = [];
  const errors: ItemError[] = [];
  for (const f of input.files) {
    const name = basename(f.name.replaceAll("\\", "/"));
    const problem = uploadProblem(name, f.content);
    if (problem) {
      errors.push({ file: name, message: problem });
      continue;
    }
    const format = formatOf(name);
    let results: InputResult[];
    if (format === "html") results = [parseHtml(f.content, name, meta)];
    else if (format === "json") results = parseJson(f.content, name, meta);
    else if (format === "jsonl") results = await collect(parseJsonl([f.content], name, meta));
    else if (format === "csv") results = await collect(parseCsv([f.content], name, meta));
    else results = [parseTxt(f.content, name, meta)];
    for (const r of results) {
      if (r.ok) items.push(r.item);
      else errors.push(r.error);
    }
  }
  return { items, errors };
}

/** Pasted text: the first non-empty line is the headline unless a title is given. */
export function pastedItem(input: z.output<typeof IngestTextSchema>): { items: IngestItem[]; errors: ItemError[] } {
  const { text, ...meta } = input;
  const r = parseTxt(text, "pasted text", clean(meta));
  return r.ok ? { items: [{ ...r.item, file: null }], errors: [] } : { items: [], errors: [r.error] };
}

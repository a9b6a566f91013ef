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
} from "@parley/store";
import { z } from "zod";

const MAX_TEXT = 2_000_000;

/** Metadata an analyst types next to pasted text or uploaded files. */
export const IngestMetaSchema = z.object({
  title: z.string().trim().max(500).nullish(),
  outlet: z.string().trim().max(200).nullish(),
  published: PartialDateSchema.nullish(),
  url: z.url().max(2000).nullish(),
});

export const IngestTextSchema = IngestMetaSchema.extend({
  text: z.string().min(1).max(MAX_TEXT),
});

/** An uploaded file: its name (never a server path) and its content, decoded in the browser. */
export const UploadedFileSchema = z.object({
  name: z.string().min(1).max(300),
  content: z.string().max(MAX_TEXT * 5),
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

/**
 * Turns uploaded files into ingest items with the store's readers (by extension: txt, html, json, jsonl, csv).
 * Only the file's base name is kept; unreadable files become errors, the rest goes on.
 */
export async function uploadedItems(
  input: z.output<typeof IngestFilesSchema>,
): Promise<{ items: IngestItem[]; errors: ItemError[] }> {
  const meta = clean(input.meta);
  const items: IngestItem[] = [];
  const errors: ItemError[] = [];
  for (const f of input.files) {
    const name = basename(f.name.replaceAll("\\", "/"));
    const format = formatOf(name) ?? "txt";
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

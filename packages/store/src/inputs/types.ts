import type { IngestItem, ItemError } from "../corpus";

/** One article read from input, or why it could not be: errors are values, the batch goes on. */
export type InputResult = { ok: true; item: IngestItem } | { ok: false; error: ItemError };

export const STDIN = "<stdin>";

export function fail(file: string | null, message: string, line?: number): InputResult {
  return { ok: false, error: { file, ...(line !== undefined ? { line } : {}), message } };
}

/** Metadata a manifest (`--meta`) or the document itself supplies. */
export interface DocMeta {
  title?: string | null;
  outlet?: string | null;
  published?: string | null;
  url?: string | null;
  language?: string | null;
}

/** `2024-02-08T10:00:00+02:00`, `2024-02-08`, `Feb 8, 2024` → `2024-02-08`; null when unreadable. */
export function normalizeDate(value: unknown): string | null {
  if (typeof value !== "string" || value.trim() === "") return null;
  const v = value.trim();
  const m = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(v);
  if (m) return m[1]!;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}

export function normalizeUrl(value: unknown): string | null {
  if (typeof value !== "string" || value.trim() === "") return null;
  try {
    return new URL(value.trim()).toString();
  } catch {
    return null;
  }
}

const str = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v.trim() : null);

/**
 * Builds an ingest item from a record (JSON object, CSV row, manifest entry). Fields of `record` win over
 * `fallback`; a `published` value that is present but not a date is an error.
 */
export function toItem(record: Record<string, unknown>, fallback: DocMeta, file: string, line?: number): InputResult {
  const text = record.text;
  if (typeof text !== "string") return fail(file, 'missing "text" (a string)', line);
  if (text.trim() === "") return fail(file, "empty article text", line);
  const rawPublished = str(record.published) ?? str(record.date) ?? null;
  const published = rawPublished ? normalizeDate(rawPublished) : (fallback.published ?? null);
  if (rawPublished && !published) return fail(file, `"published" is not a date: ${rawPublished}`, line);
  return {
    ok: true,
    item: {
      text,
      title: str(record.title) ?? fallback.title ?? null,
      outlet: str(record.outlet) ?? fallback.outlet ?? null,
      published,
      url: normalizeUrl(record.url) ?? fallback.url ?? null,
      language: str(record.language) ?? fallback.language ?? null,
      file,
      ...(line !== undefined ? { line } : {}),
    },
  };
}

import { readFile } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { parse } from "csv-parse/sync";
import { decodeText } from "./decode";
import { type DocMeta, normalizeDate, normalizeUrl } from "./types";

/** Metadata per file, from a `--meta` manifest (JSON array or CSV of `{file, outlet, published, url, title}`). */
export interface Manifest {
  path: string;
  lookup(file: string): DocMeta;
}

export type ManifestResult = { ok: true; manifest: Manifest } | { ok: false; error: { file: string; message: string } };

export async function readManifest(path: string): Promise<ManifestResult> {
  const file = resolve(path);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    return {
      ok: false,
      error: { file: path, message: `cannot read manifest: ${(err as NodeJS.ErrnoException).code ?? err}` },
    };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, error: { file: path, message: decoded.message } };
  let rows: unknown;
  try {
    rows = /\.csv$/i.test(file)
      ? parse(decoded.text, {
          columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
          bom: true,
          skip_empty_lines: true,
        })
      : JSON.parse(decoded.text);
  } catch (err) {
    return { ok: false, error: { file: path, message: `invalid manifest: ${(err as Error).message}` } };
  }
  if (!Array.isArray(rows))
    return { ok: false, error: { file: path, message: "manifest must be an array of entries" } };
  const byName = new Map<string, DocMeta>();
  for (const r of rows) {
    if (!r || typeof r !== "object" || typeof (r as { file?: unknown }).file !== "string") continue;
    const e = r as Record<string, unknown>;
    const meta: DocMeta = {};
    if (typeof e.title === "string" && e.title) meta.title = e.title;
    if (typeof e.outlet === "string" && e.outlet) meta.outlet = e.outlet;
    const published = normalizeDate(e.published);
    if (published) meta.published = published;
    const url = normalizeUrl(e.url);
    if (url) meta.url = url;
    if (typeof e.language === "string" && e.language) meta.language = e.language;
    byName.set(e.file as string, meta);
    byName.set(basename(e.file as string), { ...byName.get(basename(e.file as string)), ...meta });
  }
  return {
    ok: true,
    manifest: {
      path: file,
      lookup: (f) => byName.get(f) ?? byName.get(basename(f)) ?? {},
    },
  };
}

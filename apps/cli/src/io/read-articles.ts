import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, extname, join, resolve } from "node:path";

export interface ArticleFile {
  /** The path as the user gave it, or `-` for stdin. */
  path: string;
  /** File name used to match `--meta` entries and reported in output. */
  file: string;
  text: string;
}

export type ReadResult = { ok: true; article: ArticleFile } | { ok: false; path: string; error: string };

const TEXT_EXTENSIONS = new Set([".txt", ".text", ".md", ""]);

/** Expands files and directories (recursively, text files only, sorted) into paths; `-` stays stdin. */
export function expandPaths(inputs: string[]): { paths: string[]; missing: string[] } {
  const paths: string[] = [];
  const missing: string[] = [];
  for (const input of inputs) {
    if (input === "-") {
      paths.push("-");
      continue;
    }
    let stats: ReturnType<typeof statSync>;
    try {
      stats = statSync(input);
    } catch {
      missing.push(input);
      continue;
    }
    if (stats.isDirectory()) paths.push(...walk(input));
    else paths.push(input);
  }
  return { paths, missing };
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith(".")) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full));
    else if (TEXT_EXTENSIONS.has(extname(entry.name).toLowerCase())) out.push(full);
  }
  return out;
}

/** Reads one article file as strict UTF-8 text; binary, invalid UTF-8 and empty files are errors, not crashes. */
export function readArticleFile(path: string, stdin?: () => Buffer): ReadResult {
  let bytes: Buffer;
  try {
    bytes = path === "-" ? (stdin ?? (() => readFileSync(0)))() : readFileSync(resolve(path));
  } catch (err) {
    return {
      ok: false,
      path,
      error: `cannot read file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
    };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, path, error: decoded.error };
  return { ok: true, article: { path, file: path === "-" ? "stdin" : basename(path), text: decoded.text } };
}

export function decodeText(bytes: Buffer): { ok: true; text: string } | { ok: false; error: string } {
  if (bytes.length === 0) return { ok: false, error: "empty file" };
  // UTF-16 with a byte-order mark is text; decode it rather than calling it binary.
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { ok: true, text: new TextDecoder("utf-16le").decode(bytes.subarray(2)) };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { ok: true, text: new TextDecoder("utf-16be").decode(bytes.subarray(2)) };
  }
  if (bytes.includes(0)) return { ok: false, error: "binary file (contains NUL bytes), not text" };
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    if (text.trim() === "") return { ok: false, error: "file holds only whitespace" };
    return { ok: true, text };
  } catch {
    return { ok: false, error: "invalid UTF-8: the file is not UTF-8 text" };
  }
}

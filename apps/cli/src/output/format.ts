import { once } from "node:events";
import { closeSync, createWriteStream, fsyncSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { env } from "../env";
import type { OutputFormat, OutputOptions } from "../options";
import { renderTable } from "./table";

export interface Column<T> {
  header: string;
  value: (row: T) => string | number | boolean | null | undefined;
}

/** A result to print: rows for table/csv/ndjson, and optionally a whole document for `json`. */
export interface Output<T> {
  rows: T[];
  columns: Column<T>[];
  /** What `--format json` prints (default: the rows). */
  doc?: unknown;
  /** What `--format ndjson` prints per line (default: each row). */
  records?: unknown[];
  /** Printed above the table (a title, a summary). */
  heading?: string;
}

/** Explicit `--format`, else table on a terminal, else ndjson (pipes and `--out`). */
export function resolveFormat(o: OutputOptions, isTTY = !!process.stdout.isTTY): OutputFormat {
  if (o.format) return o.format;
  return !o.out && isTTY ? "table" : "ndjson";
}

export function useColor(isTTY = !!process.stdout.isTTY): boolean {
  return isTTY && !env.noColor;
}

const str = (v: string | number | boolean | null | undefined) => (v === null || v === undefined ? "" : String(v));

export function csvCell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function render<T>(out: Output<T>, format: OutputFormat, color = false): string {
  switch (format) {
    case "json":
      return `${JSON.stringify(out.doc ?? out.rows, null, 2)}\n`;
    case "ndjson":
      return (out.records ?? out.rows).map((r) => `${JSON.stringify(r)}\n`).join("");
    case "csv":
      return [
        out.columns.map((c) => csvCell(c.header)).join(","),
        ...out.rows.map((r) => out.columns.map((c) => csvCell(str(c.value(r)))).join(",")),
      ]
        .map((l) => `${l}\n`)
        .join("");
    case "table": {
      const lines = renderTable(
        out.columns.map((c) => c.header),
        out.rows.map((r) => out.columns.map((c) => str(c.value(r)).replace(/\s+/g, " "))),
      );
      if (color && lines[0]) lines[0] = `\u001b[1m${lines[0]}\u001b[22m`;
      const head = out.heading ? `${out.heading}\n` : "";
      return `${head}${lines.join("\n")}\n${out.rows.length === 0 ? "(no rows)\n" : ""}`;
    }
  }
}

/** Writes a file whole or not at all: to a temporary name next to it, then renamed over it. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    // Flushed to disk before the rename, so a crash leaves the old file or the whole new one.
    const fd = openSync(tmp, "w");
    try {
      const bytes = typeof data === "string" ? Buffer.from(data) : data;
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** Streams chunks to a file whole or not at all: to a temporary name next to it, renamed when complete. */
export async function writeStreamAtomic(path: string, chunks: AsyncIterable<string>): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const out = createWriteStream(tmp);
  try {
    for await (const chunk of chunks) {
      if (chunk && !out.write(chunk)) await once(out, "drain");
    }
    out.end();
    await once(out, "finish");
    // Flushed to disk before the rename, as in `writeFileAtomic`.
    const fd = openSync(tmp, "r+");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (err) {
    out.destroy();
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** Prints an output in the chosen format to stdout or `--out`. */
export function emit<T>(out: Output<T>, o: OutputOptions): void {
  const format = resolveFormat(o);
  const text = render(out, format, !o.out && useColor());
  if (o.out) writeFileAtomic(o.out, text);
  else process.stdout.write(text);
}

/** Helpers of `ingest.ts`: percentiles and the docs section writer. */
import { readFileSync, writeFileSync } from "node:fs";

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export const START = "<!-- bench:ingest:start -->";
export const END = "<!-- bench:ingest:end -->";

/** Replaces the text between the ingest markers (appending the section when the markers are absent). */
export function writeSection(path: string, body: string): void {
  writeNamedSection(path, "ingest", body);
}

/** Replaces the text between `<!-- bench:NAME:start -->` and `<!-- bench:NAME:end -->` (appended when absent). */
export function writeNamedSection(path: string, name: string, body: string): void {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const doc = readFileSync(path, "utf8");
  const block = `${start}\n${body.trim()}\n${end}`;
  const a = doc.indexOf(start);
  const b = doc.indexOf(end);
  const next = a >= 0 && b > a ? doc.slice(0, a) + block + doc.slice(b + end.length) : `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(path, next);
}

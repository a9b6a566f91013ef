import { buildArticle, type GeneratedArticle } from "./article";
import { mixSeed } from "./prng";

export type { GeneratedArticle } from "./article";
export { MAX_BYTES, MAX_SENTENCES, MIN_BYTES, MIN_SENTENCES } from "./article";
export { mixSeed, mulberry32, Rng } from "./prng";

export interface GenerateOptions {
  count: number;
  seed: number;
  /** Index of the first article (default 0); article `i` is the same whatever `start` and `count` are. */
  start?: number;
}

/** Corpora bigger than this put their files in sub-directories of 1,000. */
const FLAT_LIMIT = 10_000;

/**
 * Streams `count` synthetic articles about ceasefire and peace negotiations. Deterministic: each article depends only
 * on `seed` and its index, so the corpus can be generated in slices (e.g. one per worker). Constant memory.
 */
export function* generateArticles(options: GenerateOptions): Generator<GeneratedArticle> {
  const { count, seed } = options;
  const start = options.start ?? 0;
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  const end = start + count;
  const sharded = end > FLAT_LIMIT;
  const width = Math.max(6, String(end - 1).length);
  for (let i = start; i < end; i++) {
    const { id, sentences: _sentences, ...a } = buildArticle(mixSeed(seed >>> 0, i));
    const name = `${String(i).padStart(width, "0")}_${id}.txt`;
    const file = sharded ? `${String(Math.floor(i / 1000)).padStart(width - 3, "0")}/${name}` : name;
    yield { file, ...a };
  }
}

/**
 * A simple sentence splitter for the generated text (which has no abbreviations with full stops): splits paragraphs
 * on blank lines, then after `.`, `!` or `?` (optionally followed by a closing quote) before a capital, digit or quote.
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const para of text.split(/\n\s*\n/)) {
    const p = para.trim();
    if (!p) continue;
    for (const s of p.split(/(?<=[.!?]["”]?)\s+(?=["“A-Z0-9])/)) if (s.trim()) out.push(s.trim());
  }
  return out;
}

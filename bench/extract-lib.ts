import { analyzeArticle } from "@parley/core";
import { type GeneratedArticle, generateArticles, splitSentences } from "./generate/index";

export interface Corpus {
  seed: number;
  articles: GeneratedArticle[];
  bytes: number;
}

/** Generates articles (in memory) until their text adds up to at least `minBytes`. */
export function buildCorpus(seed: number, minBytes: number): Corpus {
  const articles: GeneratedArticle[] = [];
  let bytes = 0;
  // The generator is unbounded in practice; stop as soon as the byte budget is met.
  for (const a of generateArticles({ count: 10_000_000, seed })) {
    articles.push(a);
    bytes += Buffer.byteLength(a.text);
    if (bytes >= minBytes) break;
  }
  return { seed, articles, bytes };
}

export function sliceBytes(articles: readonly GeneratedArticle[]): number {
  let bytes = 0;
  for (const a of articles) bytes += Buffer.byteLength(a.text);
  return bytes;
}

export interface ParleyRun {
  articles: number;
  bytes: number;
  ms: number;
  /** Sum of `analysis.sentences.length`. */
  sentences: number;
  events: number;
  /** Sentences counted with the simple splitter, for when the extractor reports none. */
  splitSentences: number;
}

const input = (a: GeneratedArticle) => ({
  text: a.text,
  title: a.title,
  outlet: a.outlet,
  published: a.published,
  url: a.url,
});

/** Runs `analyzeArticle` over a few articles so the JIT and any lazy knowledge-base loading are done. */
export function warmUpParley(articles: readonly GeneratedArticle[], n = 200): void {
  const k = Math.min(n, articles.length);
  for (let i = 0; i < k; i++) analyzeArticle(input(articles[i]!));
}

/** Times `analyzeArticle` over every article, one after another, on the calling thread. */
export function runParley(articles: readonly GeneratedArticle[]): ParleyRun {
  let sentences = 0;
  let events = 0;
  const t0 = performance.now();
  for (const a of articles) {
    const analysis = analyzeArticle(input(a));
    sentences += analysis.sentences.length;
    events += analysis.events.length;
  }
  const ms = performance.now() - t0;
  let split = 0;
  if (sentences === 0) for (const a of articles) split += splitSentences(a.text).length;
  return { articles: articles.length, bytes: sliceBytes(articles), ms, sentences, events, splitSentences: split };
}

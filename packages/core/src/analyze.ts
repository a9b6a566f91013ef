import type { Analysis, ArticleInput, KnowledgeFileInput } from "@parley/schema";
import { articleId } from "./article-id";
import { EXTRACTOR_VERSION } from "./version";

export interface AnalyzeOptions {
  /** Extra knowledge files (actors, places) merged over the shipped knowledge base. */
  knowledge?: KnowledgeFileInput[];
}

/** Turns one article into an analysis: actors, mentions, events, claims, framing. Pure and deterministic. */
export function analyzeArticle(input: ArticleInput, _options: AnalyzeOptions = {}): Analysis {
  const id = articleId(input.text);
  return {
    article: {
      id,
      title: input.title ?? null,
      text: input.text,
      outlet: input.outlet ?? null,
      url: input.url ?? null,
      published: input.published ?? null,
      language: input.language ?? "en",
    },
    dateline: null,
    sentences: [],
    actors: [],
    mentions: [],
    events: [],
    claims: [],
    framing: { terms: [], byActor: {} },
    extractorVersion: EXTRACTOR_VERSION,
  };
}

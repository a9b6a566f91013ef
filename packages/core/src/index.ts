export { analyzeArticle, type AnalyzeOptions } from "./analyze";
export { articleId } from "./article-id";
export { scoreExtraction, normName, type ScoreReport, type ScoreSummary } from "./eval/score";
export { toExtractedArticle } from "./export/extracted";
export { EXTRACTOR_VERSION } from "./version";

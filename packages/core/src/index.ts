export { type AnalyzeOptions, analyzeArticle } from "./analyze";
export { articleId } from "./article-id";
export * from "./corpus";
export { normName, type ScoreReport, type ScoreSummary, scoreExtraction } from "./eval/score";
export { toExtractedArticle } from "./export/extracted";
export { placeCountries } from "./kb/place-countries";
export { EXTRACTOR_VERSION } from "./version";

export { analyzeArticle, type AnalyzeOptions } from "./analyze";
export { articleId } from "./article-id";
export { EXTRACTOR_VERSION } from "./version";

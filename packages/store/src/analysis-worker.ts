/**
 * Worker-thread entry: analyses articles posted by `AnalysisPool`. Bundles build this file as their own
 * entry point and pass its URL to `openCorpus({ workerUrl })`.
 */
import { parentPort, workerData } from "node:worker_threads";
import { analyzeArticle } from "@parley/core";
import type { ArticleInput, KnowledgeFileInput } from "@parley/schema";

export interface AnalysisRequest {
  id: number;
  input: ArticleInput;
}
export type AnalysisReply =
  | { id: number; ok: true; analysis: ReturnType<typeof analyzeArticle> }
  | { id: number; ok: false; message: string };

const knowledge = (workerData as { knowledge?: KnowledgeFileInput[] } | null)?.knowledge;
const port = parentPort;
if (port) {
  port.on("message", (msg: AnalysisRequest) => {
    let reply: AnalysisReply;
    try {
      reply = { id: msg.id, ok: true, analysis: analyzeArticle(msg.input, knowledge ? { knowledge } : {}) };
    } catch (err) {
      reply = { id: msg.id, ok: false, message: err instanceof Error ? err.message : String(err) };
    }
    port.postMessage(reply);
  });
}

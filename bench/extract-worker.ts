/** Worker for `bench/extract.ts --workers N`: analyses one slice of the corpus when told to go. */
import { parentPort, workerData } from "node:worker_threads";
import { runParley, warmUpParley } from "./extract-lib";
import { generateArticles } from "./generate/index";

interface Job {
  seed: number;
  start: number;
  count: number;
}

const job = workerData as Job;
const port = parentPort;
if (!port) throw new Error("extract-worker.ts must run in a worker thread");

// Same seed and indices as the main thread's corpus, so the slices add up to exactly that corpus.
const articles = [...generateArticles({ count: job.count, seed: job.seed, start: job.start })];
warmUpParley(articles);
port.once("message", () => {
  port.postMessage(runParley(articles));
});
port.postMessage("ready");

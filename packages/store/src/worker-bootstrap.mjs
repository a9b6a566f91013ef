// Loads a TypeScript worker entry in a worker thread during development and tests (tsx, vitest):
// worker threads do not inherit the parent's TypeScript loader, so register tsx here first.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.__parleyEntry);

// A plain-JavaScript analysis worker, standing in for a bundled build of src/analysis-worker.ts.
import { createHash } from "node:crypto";
import { parentPort, threadId } from "node:worker_threads";

parentPort.on("message", ({ id, input }) => {
  if (input.text.includes("CRASH")) {
    parentPort.postMessage({ id, ok: false, message: "extractor failed on purpose" });
    return;
  }
  if (input.text.includes("EXIT")) process.exit(3);
  // A runaway analysis: synchronous and endless, so only terminating the thread stops it.
  if (input.text.includes("HANG")) for (;;) {}
  const articleId = createHash("sha256").update(input.text).digest("hex").slice(0, 16);
  parentPort.postMessage({
    id,
    ok: true,
    analysis: {
      article: {
        id: articleId,
        title: `thread ${threadId}`,
        text: input.text,
        outlet: input.outlet ?? null,
        url: null,
        published: input.published ?? null,
        language: "en",
      },
      dateline: null,
      sentences: [],
      actors: [],
      mentions: [],
      events: [],
      claims: [],
      framing: { terms: [], byActor: {} },
      extractorVersion: "plain-worker",
    },
  });
});

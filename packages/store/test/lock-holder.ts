/**
 * Test helper run as a separate process (`node --import tsx test/lock-holder.ts DIR MODE`).
 * MODE `hold`: open the corpus, print {"ok":true,"pid"}, keep it open until stdin closes.
 * MODE `try`: open and close at once; print the outcome ({"ok":false,"code","message","details"} on failure).
 */
import { openCorpus, StoreError } from "../src";

const [dir, mode] = process.argv.slice(2);
try {
  const corpus = await openCorpus({ dataDir: dir! });
  process.stdout.write(`${JSON.stringify({ ok: true, pid: process.pid })}\n`);
  if (mode === "hold") {
    process.stdin.resume();
    await new Promise((r) => process.stdin.on("end", r));
  }
  await corpus.close();
} catch (err) {
  const e = err as StoreError;
  process.stdout.write(
    `${JSON.stringify({ ok: false, code: e instanceof StoreError ? e.code : "UNKNOWN", message: e.message, details: e.details })}\n`,
  );
  process.exitCode = 1;
}

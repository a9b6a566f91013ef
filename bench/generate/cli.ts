/**
 * Writes a synthetic negotiation-news corpus.
 *
 *   tsx bench/generate/cli.ts --count 1000 --seed 1 --format jsonl --out bench/out/corpus.jsonl
 *   tsx bench/generate/cli.ts --count 1000 --seed 1 --format txt --out bench/out/corpus
 *
 * JSONL: one `{file, title, text, outlet, published, url}` object per line. txt: one file per article (headline, blank
 * line, text) plus `manifest.json` (`[{file, outlet, published, url, title}]`). Streams with backpressure, so a
 * million articles take constant memory.
 */

import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { generateArticles } from "./index";

async function write(stream: WriteStream, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, "drain");
}

async function close(stream: WriteStream): Promise<void> {
  stream.end();
  await once(stream, "finish");
}

function usage(message?: string): never {
  if (message) console.error(message);
  console.error("usage: tsx bench/generate/cli.ts --count N --seed S --format jsonl|txt --out PATH");
  process.exit(2);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== "--"),
    options: {
      count: { type: "string", default: "1000" },
      seed: { type: "string", default: "1" },
      format: { type: "string", default: "jsonl" },
      out: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) usage();
  const count = Number(values.count);
  const seed = Number(values.seed);
  if (!Number.isInteger(count) || count < 0) usage(`--count must be a non-negative integer, got ${values.count}`);
  if (!Number.isInteger(seed)) usage(`--seed must be an integer, got ${values.seed}`);
  if (values.format !== "jsonl" && values.format !== "txt")
    usage(`--format must be jsonl or txt, got ${values.format}`);
  if (!values.out) usage("--out is required");
  const out = values.out;

  const started = performance.now();
  let bytes = 0;
  let n = 0;
  const progress = () => {
    if (process.stderr.isTTY && n % 10_000 === 0) process.stderr.write(`\r${n.toLocaleString("en-US")} articles`);
  };

  if (values.format === "jsonl") {
    await mkdir(dirname(out), { recursive: true });
    const stream = createWriteStream(out);
    for (const a of generateArticles({ count, seed })) {
      const line = `${JSON.stringify(a)}\n`;
      bytes += Buffer.byteLength(a.text);
      n++;
      await write(stream, line);
      progress();
    }
    await close(stream);
  } else {
    await mkdir(out, { recursive: true });
    const manifest = createWriteStream(join(out, "manifest.json"));
    await write(manifest, "[");
    const made = new Set<string>();
    // A few file writes in flight at once; the manifest stream has its own backpressure.
    const inFlight = new Set<Promise<void>>();
    for (const a of generateArticles({ count, seed })) {
      const dir = dirname(a.file);
      if (dir !== "." && !made.has(dir)) {
        await mkdir(join(out, dir), { recursive: true });
        made.add(dir);
      }
      const p: Promise<void> = writeFile(join(out, a.file), `${a.title}\n\n${a.text}`).then(() => {
        inFlight.delete(p);
      });
      inFlight.add(p);
      if (inFlight.size >= 32) await Promise.race(inFlight);
      const entry = { file: a.file, outlet: a.outlet, published: a.published, url: a.url, title: a.title };
      await write(manifest, `${n === 0 ? "\n" : ",\n"}  ${JSON.stringify(entry)}`);
      bytes += Buffer.byteLength(a.text);
      n++;
      progress();
    }
    await Promise.all(inFlight);
    await write(manifest, n === 0 ? "]\n" : "\n]\n");
    await close(manifest);
  }
  const secs = (performance.now() - started) / 1000;
  if (process.stderr.isTTY) process.stderr.write("\r");
  console.error(
    `wrote ${n.toLocaleString("en-US")} articles (${(bytes / 1e6).toFixed(1)} MB of text) to ${out} in ${secs.toFixed(1)} s`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
